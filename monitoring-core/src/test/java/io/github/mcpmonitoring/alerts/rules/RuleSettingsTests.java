package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.core.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RuleSettings}.
 */
class RuleSettingsTests {

	@Test
	void acceptsAZeroForDuration() {
		assertThat(new RuleSettings(AlertSeverity.INFO, 0, Duration.ZERO).forDuration()).isZero();
	}

	@Test
	void rejectsANegativeForDuration() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new RuleSettings(AlertSeverity.INFO, 0, Duration.ofSeconds(-1)))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("for"))
			.withMessage("for must be zero or positive");
	}

	@Test
	void rejectsAMissingSeverity() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new RuleSettings(null, 0, Duration.ZERO))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("severity"));
	}

}
