package io.github.mcpmonitoring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.rules.MemoryRule;
import io.github.mcpmonitoring.alerts.rules.RecentErrorsRule;
import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.alerts.rules.ToolLatencyRule;
import io.github.mcpmonitoring.alerts.rules.UnknownToolCallsRule;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.ContainerMemory;
import io.github.mcpmonitoring.system.SystemMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BuiltInAlertRules}: the rules of the table in docs/alerts.md with their defaults, built from
 * {@link McpAlertsProperties} and the settings they share with the health components.
 */
class BuiltInAlertRulesTests {

	private static final KalturaSessionStatusProvider SESSION = () -> new KalturaSessionStatus(
			KalturaSessionState.ACTIVE, 1234, null, null, null, null, null, null, null);

	@TempDir
	Path cgroupRoot;

	private final RuleHarness harness = new RuleHarness();

	@Test
	void buildsEveryRuleWhenTheirSourcesExist() {
		assertThat(rules(new McpAlertsProperties(), systemMemory(), SESSION)).extracting(AlertRule::id)
			.containsExactly("tool-error-rate", "tool-latency", "recent-errors", "memory", "cpu", "disk-space",
					"api-consecutive-failures", "kaltura-session", "upstream-auth-failure", "slow-calls", "peer-down",
					"peer-slow", "unknown-tool-calls");
	}

	@Test
	void leavesOutMemoryWithoutOshiAndTheSessionWithoutAStatusProvider() {
		assertThat(rules(new McpAlertsProperties(), null, null)).extracting(AlertRule::id)
			.doesNotContain("memory", "kaltura-session")
			.hasSize(11);
	}

	@ParameterizedTest
	@CsvSource({ "tool-error-rate, McpToolErrorRateHigh, ERROR, PT2M",
			"tool-latency, McpToolLatencyHigh, WARNING, PT5M",
			"recent-errors, McpRecentErrorsHigh, WARNING, PT0S", "memory, McpMemoryHigh, WARNING, PT1M",
			"cpu, McpCpuHigh, WARNING, PT5M", "disk-space, McpDiskSpaceLow, WARNING, PT0S",
			"api-consecutive-failures, McpApiConsecutiveFailures, ERROR, PT0S",
			"kaltura-session, McpKalturaSessionInvalid, CRITICAL, PT1M",
			"upstream-auth-failure, McpUpstreamAuthFailure, ERROR, PT0S", "slow-calls, McpSlowCalls, INFO, PT0S",
			"peer-down, McpPeerDown, ERROR, PT1M", "peer-slow, McpPeerSlow, WARNING, PT5M",
			"unknown-tool-calls, McpUnknownToolCalls, WARNING, PT5M" })
	void hasTheDocumentedNameSeverityAndForDuration(String id, String alertName, AlertSeverity severity,
			Duration forDuration) {
		AlertRule rule = rule(new McpAlertsProperties(), id);
		assertThat(rule.alertName()).isEqualTo(alertName);
		assertThat(rule.forDuration()).isEqualTo(forDuration);
		Set<AlertSeverity> severities = id.equals("memory") ? Set.of(AlertSeverity.WARNING, AlertSeverity.CRITICAL)
				: Set.of(severity);
		assertThat(rule.severities()).isEqualTo(severities);
	}

	@Test
	void hasTheDocumentedThresholds() {
		McpAlertsProperties.Rules rules = new McpAlertsProperties().getRules();
		assertThat(rules.getToolErrorRate().getThreshold()).isEqualTo(0.05);
		assertThat(rules.getToolErrorRate().getMinCalls()).isEqualTo(10);
		assertThat(rules.getToolErrorRate().getWindow()).isEqualTo(Duration.ofMinutes(5));
		assertThat(rules.getToolLatency().getThreshold()).isEqualTo(2.0);
		assertThat(rules.getToolLatency().getWindow()).isEqualTo(Duration.ofMinutes(5));
		assertThat(rules.getRecentErrors().getThreshold()).isEqualTo(10);
		assertThat(rules.getCpu().getThreshold()).isEqualTo(0.85);
		assertThat(rules.getDiskSpace().getThreshold()).isEqualTo(0.90);
		assertThat(rules.getApiConsecutiveFailures().getThreshold()).isEqualTo(5);
		assertThat(rules.getUpstreamAuthFailure().getThreshold()).isZero();
		assertThat(rules.getSlowCalls().getThreshold()).isZero();
		assertThat(rules.getUnknownToolCalls().getThreshold()).isEqualTo(10);
		assertThat(rules.getUnknownToolCalls().getWindow()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void leavesOutDisabledRules() {
		McpAlertsProperties properties = new McpAlertsProperties();
		properties.getRules().getCpu().setEnabled(false);
		properties.getRules().getSlowCalls().setEnabled(false);
		assertThat(rules(properties, null, null)).extracting(AlertRule::id).doesNotContain("cpu", "slow-calls")
			.hasSize(9);
	}

	@Test
	void appliesTheConfiguredSeverityAndForDuration() {
		McpAlertsProperties properties = new McpAlertsProperties();
		properties.getRules().getToolErrorRate().setSeverity(AlertSeverity.CRITICAL);
		properties.getRules().getToolErrorRate().setFor(Duration.ofSeconds(30));
		AlertRule rule = rule(properties, "tool-error-rate");
		assertThat(rule.severities()).containsExactly(AlertSeverity.CRITICAL);
		assertThat(rule.forDuration()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void firesTheMemoryAlertOnTheThresholdsOfTheMemoryHealthComponent() {
		McpMonitoringProperties monitoring = new McpMonitoringProperties();
		monitoring.getHealth().getMemory().setWarningThreshold(0.6);
		monitoring.getHealth().getMemory().setCriticalThreshold(0.7);
		AlertRule rule = rule(new McpAlertsProperties(), monitoring, MemoryRule.ID);
		assertThat(rule.description(new AlertCandidate(Map.of(), 0.65, AlertSeverity.WARNING))).contains("60.0%");
		assertThat(rule.description(new AlertCandidate(Map.of(), 0.75, AlertSeverity.CRITICAL))).contains("70.0%");
	}

	@Test
	void countsRecentErrorsInTheWindowOfTheRecentErrorsHealthComponent() {
		McpMonitoringProperties monitoring = new McpMonitoringProperties();
		monitoring.getHealth().getRecentErrors().setWindow(Duration.ofMinutes(20));
		AlertRule rule = rule(new McpAlertsProperties(), monitoring, RecentErrorsRule.ID);
		assertThat(rule.summary(new AlertCandidate(Map.of(), 11, AlertSeverity.WARNING))).endsWith("last 20 minutes");
	}

	@Test
	void computesToolLatencyOverItsOwnWindow() {
		McpAlertsProperties properties = new McpAlertsProperties();
		properties.getRules().getToolErrorRate().setWindow(Duration.ofMinutes(10));
		properties.getRules().getToolLatency().setWindow(Duration.ofMinutes(15));
		AlertRule rule = rule(properties, new McpMonitoringProperties(), ToolLatencyRule.ID);
		assertThat(rule.description(new AlertCandidate(Map.of("gen_ai_tool_name", "list_media"), 3,
				AlertSeverity.WARNING))).contains("last 15 minutes");
	}

	@Test
	void countsUnknownToolCallsOverTheirOwnWindow() {
		McpAlertsProperties properties = new McpAlertsProperties();
		properties.getRules().getUnknownToolCalls().setWindow(Duration.ofMinutes(20));
		AlertRule rule = rule(properties, new McpMonitoringProperties(), UnknownToolCallsRule.ID);
		assertThat(rule.description(new AlertCandidate(Map.of(), 30, AlertSeverity.WARNING)))
			.contains("last 20 minutes");
	}

	private AlertRule rule(McpAlertsProperties properties, String id) {
		return rule(properties, new McpMonitoringProperties(), id);
	}

	private AlertRule rule(McpAlertsProperties properties, McpMonitoringProperties monitoring, String id) {
		return new BuiltInAlertRules(properties.getRules(), monitoring.getHealth(), this.harness.registry(),
				this.harness.history(), this.harness.recentErrors(), systemMemory(), SESSION)
			.rules()
			.stream()
			.filter((rule) -> rule.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private List<AlertRule> rules(McpAlertsProperties properties, SystemMemory systemMemory,
			KalturaSessionStatusProvider session) {
		return new BuiltInAlertRules(properties.getRules(), new McpMonitoringProperties().getHealth(),
				this.harness.registry(), this.harness.history(), this.harness.recentErrors(), systemMemory, session)
			.rules();
	}

	private SystemMemory systemMemory() {
		// OSHI is never initialised: the executor drops the task. The rule only needs the source to exist.
		return new SystemMemory((task) -> {
		}, new ContainerMemory(this.cgroupRoot));
	}

}
