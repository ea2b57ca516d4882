package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SlowCallReporter}'s log line.
 */
class SlowCallReporterTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(SlowCallReporter.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureLog() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.logger.setAdditive(false);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
		this.logger.setAdditive(true);
	}

	@Test
	void theLineCarriesTheToolDurationAndThresholdAsFields() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		SlowCallReporter reporter = new SlowCallReporter(McpMeterNames.TAG_TOOL, "get_media_entry",
				"tool 'get_media_entry'", registry.counter("slow"), new MockClock(), Duration.ofMinutes(1));

		reporter.reportIfSlow(TimeUnit.MILLISECONDS.toNanos(2500), TimeUnit.MILLISECONDS.toNanos(2000));

		assertThat(this.appender.list).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).startsWith("Slow call: tool 'get_media_entry' took 2500 ms"
					+ " (threshold 2000 ms)");
			Map<String, Object> fields = new LinkedHashMap<>();
			event.getKeyValuePairs().forEach((pair) -> fields.put(pair.key, pair.value));
			assertThat(fields).containsExactly(Map.entry("gen_ai.tool.name", "get_media_entry"),
					Map.entry("mcp.slow_call.duration_ms", 2500L), Map.entry("mcp.slow_call.threshold_ms", 2000L));
		});
	}

}
