package io.github.mcpmonitoring.autoconfigure;

import java.util.Map;

import io.github.mcpmonitoring.tracing.ApiCallObservations;
import io.github.mcpmonitoring.tracing.McpAccessLog;
import io.github.mcpmonitoring.tracing.McpRequestObservation;
import io.github.mcpmonitoring.tracing.McpRequestObservations;
import io.github.mcpmonitoring.tracing.McpRequestTracingObservationHandler;
import io.github.mcpmonitoring.tracing.StarterMeteredObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code McpTracingAutoConfiguration} with Spring Boot's own observation and tracing auto-configurations
 * (Micrometer Tracing over the OpenTelemetry SDK).
 */
class McpTracingAutoConfigurationTests {

	private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.tracing())
		.withConfiguration(AutoConfigurations.of(McpMonitoringAutoConfiguration.class, McpTracingAutoConfiguration.class));

	@Test
	void observesRequestsAndApiCallsWhenTheApplicationTraces() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(McpRequestObservations.class)
				.hasSingleBean(ApiCallObservations.class)
				.hasSingleBean(McpRequestTracingObservationHandler.class)
				.hasSingleBean(StarterMeteredObservationHandler.class)
				.doesNotHaveBean(McpAccessLog.class);
			assertThat(context.getBean(ApiCallObservations.class).isActive()).isTrue();
		});
	}

	@Test
	void theCallersContextInMetaIsTheParentThroughBootsHandlers() {
		this.contextRunner.run((context) -> {
			McpRequestObservation request = context.getBean(McpRequestObservations.class)
				.start("tools/call", "list_media", "1", "s", null, "tcp",
						Map.of("traceparent", "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01"), null);
			String traceId;
			try (Observation.Scope scope = request.observation().openScope()) {
				traceId = context.getBean(Tracer.class).currentSpan().context().traceId();
			}
			request.stop("none", "none", null, null);
			assertThat(traceId).isEqualTo(CALLER_TRACE);
		});
	}

	@Test
	void theStartersObservationsMakeNoSecondMeterWhileOthersKeepTheirs() {
		this.contextRunner.run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			context.getBean(McpRequestObservations.class)
				.start("tools/call", "list_media", "1", null, null, "tcp", null, null)
				.stop("none", "none", null, null);
			context.getBean(ApiCallObservations.class)
				.stop(context.getBean(ApiCallObservations.class).start("kaltura.media.get"), null);
			Observation.createNotStarted("other.work", registry).observe(() -> {
			});

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("other.work").timer()).as("Boot's meter handler is still there").isNotNull();
			assertThat(meters.find("mcp.server.operation").timer()).isNull();
			assertThat(meters.find("mcp.api.call").timer()).isNull();
		});
	}

	@Test
	void switchedOffMakesNoSpans() {
		this.contextRunner.withPropertyValues("mcp.monitoring.tracing.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(McpRequestObservations.class)
				.doesNotHaveBean(ApiCallObservations.class)
				.doesNotHaveBean(McpRequestTracingObservationHandler.class)
				.doesNotHaveBean(StarterMeteredObservationHandler.class);
		});
	}

	@Test
	void withoutMicrometerTracingMakesNoSpans() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Tracer.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(McpRequestObservations.class)
				.doesNotHaveBean(ApiCallObservations.class);
		});
	}

	@Test
	void writesTheAccessLogWhenSwitchedOn() {
		this.contextRunner.withPropertyValues("mcp.monitoring.access-log.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(McpAccessLog.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		McpAccessLog own = new McpAccessLog();
		this.contextRunner.withPropertyValues("mcp.monitoring.access-log.enabled=true")
			.withBean(McpAccessLog.class, () -> own)
			.run((context) -> assertThat(context.getBean(McpAccessLog.class)).isSameAs(own));
	}

}
