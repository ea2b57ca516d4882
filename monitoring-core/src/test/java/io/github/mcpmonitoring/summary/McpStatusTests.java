package io.github.mcpmonitoring.summary;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpStatus}: the summary, the activity and the process's figures, read together.
 */
class McpStatusTests {

	private final RuleHarness harness = new RuleHarness();

	private final AlertEvaluator evaluator = this.harness.evaluator();

	private final McpSummary summary = new McpSummary(this.harness.registry(), this.harness.apis(),
			this.harness.recentErrors(), this.harness.history(), RuleHarness.WINDOW, this.evaluator);

	private final McpStatus status = new McpStatus(this.summary,
			new ActivityHistory(this.harness.registry(), this.harness.clock(), Duration.ofMinutes(1),
					Duration.ofHours(1)),
			new ProcessFigures(this.harness.registry()), this.harness.clock());

	private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	@Test
	void carriesTheSummaryTheMcpEndpointAnswers() {
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.TOOL_ERROR);
		this.evaluator.evaluate();
		JsonNode status = this.json.valueToTree(this.status.status());
		assertThat(status.fieldNames()).toIterable().containsExactly("time", "summary", "activity", "process");
		assertThat(status.path("summary")).isEqualTo(this.json.valueToTree(this.summary.summary()));
		assertThat(status.path("activity").path("tools").path("list_media").path("calls").path(0).asLong())
			.isEqualTo(1);
	}

	@Test
	void readsTheProcessFigures() {
		Gauge.builder("process.cpu.usage", () -> 0.123456).register(this.harness.registry());
		JsonNode process = this.json.valueToTree(this.status.status()).path("process");
		assertThat(process.path("uptimeSeconds").asLong()).isNotNegative();
		assertThat(process.path("heapUsedBytes").asLong()).isPositive();
		assertThat(process.path("processCpu").asDouble()).isEqualTo(0.1235);
		assertThat(process.has("systemCpu")).as("no gauge registered").isFalse();
	}

}
