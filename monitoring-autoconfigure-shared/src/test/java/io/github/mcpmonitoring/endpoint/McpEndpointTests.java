package io.github.mcpmonitoring.endpoint;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.TestRule;
import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.summary.McpSummary;
import org.junit.jupiter.api.Test;

import static io.github.mcpmonitoring.alerts.TestRule.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpEndpoint}: it answers the core's {@link McpSummary} of the same collaborators; the summary
 * itself is tested in the core.
 */
class McpEndpointTests {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final RuleHarness harness = new RuleHarness();

	private final TestRule firing = new TestRule("firing", "FiringAlert", Duration.ZERO, AlertSeverity.ERROR);

	private final AlertEvaluator evaluator = this.harness.evaluator(this.firing);

	/** As Spring Boot's actuator writes endpoint answers: null fields left out. */
	private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	@Test
	void answersTheSummaryOfItsCollaborators() {
		McpEndpoint endpoint = new McpEndpoint(this.harness.registry(), this.harness.apis(),
				this.harness.recentErrors(), this.harness.history(), WINDOW, this.evaluator);
		McpSummary summary = new McpSummary(this.harness.registry(), this.harness.apis(), this.harness.recentErrors(),
				this.harness.history(), WINDOW, this.evaluator);
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		this.firing.holds(candidate(AlertSeverity.ERROR, 0.3));
		this.evaluator.evaluate();
		JsonNode answer = this.json.valueToTree(endpoint.summary());
		assertThat(answer).isEqualTo(this.json.valueToTree(summary.summary()));
		assertThat(answer.fieldNames()).toIterable()
			.containsExactly("window", "tools", "methods", "apis", "recentErrors", "alerts");
		assertThat(answer.path("window").asText()).isEqualTo("PT5M");
		assertThat(answer.path("tools").path("list_media").path("lastError").path("errorType").asText())
			.isEqualTo("tool_error");
		assertThat(answer.path("alerts").path("firing").path(0).path("name").asText()).isEqualTo("FiringAlert");
	}

	@Test
	void countsACallMadeAMomentBeforeTheRequestWithRoundedNumbers() {
		McpEndpoint endpoint = new McpEndpoint(this.harness.registry(), this.harness.apis(),
				this.harness.recentErrors(), this.harness.history(), WINDOW, this.evaluator);
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(1));
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.TOOL_ERROR);
		JsonNode listMedia = this.json.valueToTree(endpoint.summary()).path("tools").path("list_media");
		assertThat(listMedia.path("calls").asLong()).isEqualTo(3);
		assertThat(listMedia.path("errorRatio").toString()).isEqualTo("0.3333");
		assertThat(listMedia.path("p50Ms").toString()).isEqualTo("150");
		assertThat(listMedia.path("sinceStart").path("calls").asLong()).isEqualTo(3);
	}

	@Test
	void withoutTheEvaluatorLeavesOutTheWindowAndAlerts() {
		McpEndpoint endpoint = new McpEndpoint(this.harness.registry(), this.harness.apis(),
				this.harness.recentErrors(), null, WINDOW, null);
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		JsonNode answer = this.json.valueToTree(endpoint.summary());
		assertThat(answer.fieldNames()).toIterable().containsExactly("tools", "methods", "apis", "recentErrors");
		assertThat(answer.path("tools").path("list_media").path("calls").asLong()).isEqualTo(3);
	}

}
