package io.github.mcpmonitoring.status;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link ComponentStatus}.
 */
class ComponentStatusTests {

	@Test
	void keepsTheDetailsInTheOrderTheyWereAdded() {
		ComponentStatus status = ComponentStatus.status(ComponentStatus.UP)
			.withDetail("zulu", 1)
			.withDetail("alpha", 2)
			.withDetail("mike", 3)
			.build()
			.withDetail("bravo", 4);
		assertThat(status.status()).isEqualTo("UP");
		assertThat(status.details()).containsExactly(Map.entry("zulu", 1), Map.entry("alpha", 2),
				Map.entry("mike", 3), Map.entry("bravo", 4));
	}

	@Test
	void leavesOutUnknownValuesAndRejectsNullOnes() {
		ComponentStatus.Builder builder = ComponentStatus.status(ComponentStatus.DOWN).withDetailIfKnown("absent", null);
		assertThat(builder.build().details()).isEmpty();
		assertThatNullPointerException().isThrownBy(() -> builder.withDetail("absent", null));
	}

	@Test
	void detailsCannotChangeAfterwards() {
		Map<String, Object> details = new HashMap<>(Map.of("count", 1));
		ComponentStatus status = new ComponentStatus(ComponentStatus.WARNING, details);
		details.put("count", 2);
		assertThat(status.details()).containsEntry("count", 1);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> status.details().put("count", 3));
	}

}
