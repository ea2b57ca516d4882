package io.github.mcpmonitoring.health;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.status.ComponentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ComponentHealthIndicator}.
 */
class ComponentHealthIndicatorTests {

	@ParameterizedTest
	@ValueSource(strings = { "UP", "DOWN", "UNKNOWN", "OUT_OF_SERVICE", "WARNING" })
	void showsTheStatusByItsCode(String code) {
		Health health = new ComponentHealthIndicator(() -> ComponentStatus.status(code).build()).health();
		assertThat(health.getStatus()).isEqualTo(new Status(code));
		assertThat(health.getDetails()).isEmpty();
	}

	@Test
	void warningIsTheStartersOwnStatus() {
		Health health = new ComponentHealthIndicator(
				() -> ComponentStatus.status(ComponentStatus.WARNING).build()).health();
		assertThat(health.getStatus()).isEqualTo(McpHealthStatus.WARNING);
	}

	@Test
	void showsTheDetailsAsTheyAreInTheirOrder() throws Exception {
		Map<String, Object> heap = Map.of("used", 1L);
		ComponentStatus status = ComponentStatus.status(ComponentStatus.UP)
			.withDetail("zulu", "z")
			.withDetail("alpha", 2)
			.withDetail("heap", heap)
			.build();
		Health health = new ComponentHealthIndicator(() -> status).health();
		assertThat(health.getDetails()).containsExactly(Map.entry("zulu", "z"), Map.entry("alpha", 2),
				Map.entry("heap", heap));
		assertThat(new ObjectMapper().writeValueAsString(health))
			.isEqualTo("{\"status\":\"UP\",\"details\":{\"zulu\":\"z\",\"alpha\":2,\"heap\":{\"used\":1}}}");
	}

	@Test
	void asksForTheStatusOnEveryRequest() {
		String[] codes = { ComponentStatus.UP };
		ComponentHealthIndicator indicator = new ComponentHealthIndicator(() -> ComponentStatus.status(codes[0]).build());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		codes[0] = ComponentStatus.DOWN;
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

}
