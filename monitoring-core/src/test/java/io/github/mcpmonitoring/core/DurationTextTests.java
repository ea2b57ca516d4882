package io.github.mcpmonitoring.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DurationText}.
 */
class DurationTextTests {

	@Test
	void parsesSimpleValuesWithUnits() {
		assertThat(DurationText.parse("500ms", "test")).isEqualTo(Duration.ofMillis(500));
		assertThat(DurationText.parse("2s", "test")).isEqualTo(Duration.ofSeconds(2));
		assertThat(DurationText.parse("1m", "test")).isEqualTo(Duration.ofMinutes(1));
		assertThat(DurationText.parse("3h", "test")).isEqualTo(Duration.ofHours(3));
		assertThat(DurationText.parse("1d", "test")).isEqualTo(Duration.ofDays(1));
		assertThat(DurationText.parse("250us", "test")).isEqualTo(Duration.ofNanos(250_000));
		assertThat(DurationText.parse("7ns", "test")).isEqualTo(Duration.ofNanos(7));
		assertThat(DurationText.parse(" 10 MS ", "test")).isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void rejectsANumberWithoutAUnitSuggestingSecondsAndMilliseconds() {
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("2", "@MonitoredTool on a.B.call"))
			.withMessageContaining("'2' in @MonitoredTool on a.B.call")
			.withMessageContaining("2s or 2000ms");
	}

	@Test
	void parsesIso8601() {
		assertThat(DurationText.parse("PT2S", "test")).isEqualTo(Duration.ofSeconds(2));
		assertThat(DurationText.parse("PT0.5S", "test")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void rejectsNegativeAndMalformedValuesNamingWhereTheyCameFrom() {
		for (String text : new String[] { "-1s", "PT-1S", "fast", "1 minute", "", "1.5s" }) {
			assertThatIllegalArgumentException().as(text)
				.isThrownBy(() -> DurationText.parse(text, "@MonitoredTool on com.example.Tools.search"))
				.withMessageContaining("'" + text + "'")
				.withMessageContaining("@MonitoredTool on com.example.Tools.search");
		}
	}

}
