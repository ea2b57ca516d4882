package io.github.mcpmonitoring.autoconfigure;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.rules.MemoryRule;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.alerts.rules.RecentErrorsRule;
import io.github.mcpmonitoring.alerts.rules.SlowCallsRule;
import io.github.mcpmonitoring.alerts.rules.ToolErrorRateRule;
import io.github.mcpmonitoring.alerts.rules.ToolLatencyRule;
import io.github.mcpmonitoring.alerts.rules.UnknownToolCallsRule;
import io.github.mcpmonitoring.alerts.rules.UpstreamAuthFailureRule;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.SystemMemory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The Prometheus alerting rules shipped in {@code deploy/prometheus/mcp-alerts.rules.yml} must say what the built-in
 * in-process rules say with their defaults: same alert names, severities, thresholds, windows and {@code for}, and a
 * {@code runbook_url} built like the evaluator builds it. The {@code PrometheusRule} in {@code deploy/kubernetes} must
 * carry exactly the same groups.
 *
 * <p>
 * The threshold of a shipped rule is the number compared with at the top level of its {@code expr} (outside any
 * parentheses, so filters such as {@code (... > 0)} inside the expression are not taken for it). Every top-level
 * comparison must use it: a rule that joins two sides with {@code or} compares both with the same threshold.
 */
class ShippedPrometheusRulesTests {

	// Maven runs the tests of a module in the module's folder.
	private static final Path RULES_FILE = Path.of("..", "deploy", "prometheus", "mcp-alerts.rules.yml");

	private static final Path PROMETHEUS_RULE_FILE = Path.of("..", "deploy", "kubernetes", "prometheus-rule.yaml");

	/** Rules whose threshold holds when the value equals it ({@code >=}); the others need more ({@code >}). */
	private static final Set<String> INCLUSIVE_RULES = Set.of("api-consecutive-failures", "peer-down");

	/** The Kaltura session rule has no threshold: it fires on a state, the gauge being 1 for the current one. */
	private static final String KALTURA_SESSION = "kaltura-session";

	private static final Pattern COMPARISON = Pattern
		.compile("(==|!=|>=|<=|>|<)\\s*(?:bool\\s+)?([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

	private static final Pattern RANGE = Pattern.compile("\\[([0-9a-z]+)]");

	private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w|y)");

	private static final String PREFIX = "mcp.monitoring.alerts.rules.";

	private static final Pattern AGGREGATION = Pattern
		.compile("\\b(sum|min|max|avg|count|group|stddev|stdvar|topk|bottomk|quantile)\\s*(?:(by|without)\\s*\\(([^)]*)\\)\\s*)?\\(");

	private static final Pattern TRAILING_MODIFIER = Pattern.compile("\\s*(by|without)\\s*\\(([^)]*)\\)");

	/**
	 * The labels that tell the alerts of each built-in rule apart, as the in-process rule sets them: the shipped rule
	 * must keep them through every aggregation, or it fires once for all tools instead of once per tool.
	 */
	private static final Map<String, Set<String>> DIMENSIONS = Map.ofEntries(
			Map.entry(ToolErrorRateRule.ID, Set.of("gen_ai_tool_name")),
			Map.entry(ToolLatencyRule.ID, Set.of("gen_ai_tool_name")), Map.entry(RecentErrorsRule.ID, Set.of()),
			Map.entry(MemoryRule.ID, Set.of()), Map.entry("cpu", Set.of()), Map.entry("disk-space", Set.of("path")),
			Map.entry("api-consecutive-failures", Set.of("api")), Map.entry(KALTURA_SESSION, Set.of("state")),
			Map.entry(UpstreamAuthFailureRule.ID, Set.of("name")),
			Map.entry(SlowCallsRule.ID, Set.of("gen_ai_tool_name", "api")), Map.entry("peer-down", Set.of("peer")),
			Map.entry("peer-slow", Set.of("peer")), Map.entry(UnknownToolCallsRule.ID, Set.of()));

	private final McpAlertsProperties properties = new McpAlertsProperties();

	private final McpMonitoringProperties.Health health = new McpMonitoringProperties().getHealth();

	private List<AlertRule> builtInRules;

	private Map<String, McpAlertsProperties.Rule> settingsById;

	@BeforeEach
	void buildInProcessRules() throws Exception {
		// The real rules with their defaults; every optional source is present so that no rule is left out.
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MeterHistory history = new MeterHistory(registry, Clock.systemUTC(), Duration.ofMinutes(6));
		this.builtInRules = new BuiltInAlertRules(this.properties.getRules(), this.health, registry, history,
				new RecentErrors(1000, new MessageRedactor(List.of(), 200)), mock(SystemMemory.class),
				mock(KalturaSessionStatusProvider.class))
			.rules();
		this.settingsById = ConfigurationMetadataTests.rulesById(this.properties.getRules());
		assertThat(this.builtInRules).extracting(AlertRule::id)
			.as("every configurable rule is built")
			.containsExactlyInAnyOrderElementsOf(this.settingsById.keySet());
	}

	@Test
	void shipsOneAlertPerBuiltInRuleAndNoOther() throws IOException {
		Set<String> shipped = shippedRules().stream()
			.map((rule) -> (String) rule.get("alert"))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> inProcess = this.builtInRules.stream()
			.map(AlertRule::alertName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(shipped).as("alert names in " + RULES_FILE).isEqualTo(inProcess);
	}

	@Test
	void shippedRulesMatchTheInProcessDefaults() throws Exception {
		List<Map<String, Object>> shipped = shippedRules();
		List<String> drift = new ArrayList<>();
		for (AlertRule rule : this.builtInRules) {
			List<Map<String, Object>> same = shipped.stream()
				.filter((candidate) -> rule.alertName().equals(candidate.get("alert")))
				.toList();
			Set<String> severities = same.stream()
				.map((candidate) -> String.valueOf(labels(candidate).get("severity")))
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> expectedSeverities = rule.severities()
				.stream()
				.map(AlertSeverity::label)
				.collect(Collectors.toCollection(TreeSet::new));
			if (!severities.equals(expectedSeverities)) {
				drift.add(rule.alertName() + ": severities " + severities + " shipped, " + expectedSeverities
						+ " in-process");
			}
			for (Map<String, Object> candidate : same) {
				check(rule, candidate, drift);
			}
		}
		assertThat(drift).as("drift between " + RULES_FILE + " and the in-process rule defaults "
				+ "(McpAlertsProperties, BuiltInAlertRules)").isEmpty();
	}

	@Test
	void everyAggregationKeepsTheLabelsThatMakeOneAlertPerSubject() throws IOException {
		assertThat(DIMENSIONS).as("the labels of every built-in rule's alerts")
			.containsOnlyKeys(this.settingsById.keySet());
		List<String> dropped = new ArrayList<>();
		for (AlertRule rule : this.builtInRules) {
			for (Map<String, Object> shipped : shippedRules()) {
				if (rule.alertName().equals(shipped.get("alert"))) {
					String expr = String.valueOf(shipped.get("expr"));
					for (String problem : droppedDimensions(expr, DIMENSIONS.get(rule.id()))) {
						dropped.add(rule.alertName() + ": " + problem);
					}
				}
			}
		}
		assertThat(dropped).as("aggregations in " + RULES_FILE + " that drop a label the in-process alerts carry")
			.isEmpty();
	}

	@Test
	void readsWhichLabelsAnAggregationKeeps() {
		Set<String> tool = Set.of("gen_ai_tool_name");
		assertThat(droppedDimensions("sum without (error_type) (rate(x[5m])) > 1", tool)).isEmpty();
		assertThat(droppedDimensions("sum without (error_type, gen_ai_tool_name) (rate(x[5m])) > 1", tool))
			.singleElement().asString().contains("gen_ai_tool_name");
		assertThat(droppedDimensions("sum(rate(x[5m])) > 1", tool)).hasSize(1);
		assertThat(droppedDimensions("sum(rate(x[5m])) by (instance) > 1", tool)).hasSize(1);
		assertThat(droppedDimensions("sum by (instance, gen_ai_tool_name) (rate(x[5m])) > 1", tool)).isEmpty();
		assertThat(droppedDimensions("histogram_quantile(0.95, sum without (le_x) (rate(x[5m]))) > 2", tool))
			.isEmpty();
	}

	/**
	 * Return the aggregations of an expression that drop one of the given labels: a {@code without} list naming it,
	 * a {@code by} list without it, or no list at all.
	 */
	static List<String> droppedDimensions(String expr, Set<String> dimensions) {
		List<String> dropped = new ArrayList<>();
		Matcher aggregation = AGGREGATION.matcher(expr);
		while (aggregation.find()) {
			String modifier = aggregation.group(2);
			String labels = aggregation.group(3);
			if (modifier == null) {
				Matcher after = TRAILING_MODIFIER.matcher(expr.substring(closingParenthesis(expr, aggregation.end() - 1)
						+ 1));
				if (after.lookingAt()) {
					modifier = after.group(1);
					labels = after.group(2);
				}
			}
			Set<String> listed = (labels != null) ? Set.of(labels.trim().split("\\s*,\\s*")) : Set.of();
			for (String dimension : dimensions) {
				boolean kept = "without".equals(modifier) ? !listed.contains(dimension)
						: "by".equals(modifier) && listed.contains(dimension);
				if (!kept) {
					dropped.add(aggregation.group(1) + " " + ((modifier != null) ? modifier + " (" + labels + ")" : "")
							+ " drops " + dimension);
				}
			}
		}
		return dropped;
	}

	private static int closingParenthesis(String expr, int open) {
		int depth = 0;
		for (int i = open; i < expr.length(); i++) {
			if (expr.charAt(i) == '(') {
				depth++;
			}
			else if (expr.charAt(i) == ')' && --depth == 0) {
				return i;
			}
		}
		return expr.length() - 1;
	}

	@Test
	void prometheusRuleCarriesTheSameGroups() throws IOException {
		Map<String, Object> rulesFile = load(RULES_FILE);
		Map<String, Object> prometheusRule = load(PROMETHEUS_RULE_FILE);
		assertThat(prometheusRule).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule");
		assertThat(map(prometheusRule.get("spec")).get("groups"))
			.as("spec.groups of " + PROMETHEUS_RULE_FILE + " (regenerate it as its header says)")
			.isEqualTo(rulesFile.get("groups"));
	}

	private void check(AlertRule rule, Map<String, Object> shipped, List<String> drift) throws Exception {
		String id = rule.id();
		McpAlertsProperties.Rule settings = this.settingsById.get(id);
		String severity = String.valueOf(labels(shipped).get("severity"));
		String name = rule.alertName() + " (" + severity + ")";
		String expr = String.valueOf(shipped.get("expr"));

		Duration shippedFor = prometheusDuration(String.valueOf(shipped.getOrDefault("for", "0s")));
		if (!shippedFor.equals(rule.forDuration())) {
			drift.add(name + ": for " + shippedFor + " shipped, " + rule.forDuration() + " in-process ("
					+ PREFIX + id + ".for)");
		}

		List<String[]> comparisons = topLevelComparisons(expr);
		if (comparisons.isEmpty()) {
			drift.add(name + ": no comparison with a number at the top level of " + expr);
		}
		if (KALTURA_SESSION.equals(id)) {
			if (!expr.contains("state=~\"expired|unreachable\"")
					|| !comparisons.stream().allMatch((c) -> c[0].equals("==") && number(c[1]) == 1)) {
				drift.add(name + ": must fire when the state expired or unreachable is the current one (== 1): "
						+ expr);
			}
		}
		else {
			double threshold = threshold(id, settings, severity);
			String operator = INCLUSIVE_RULES.contains(id) ? ">=" : ">";
			for (String[] comparison : comparisons) {
				if (!comparison[0].equals(operator) || number(comparison[1]) != threshold) {
					drift.add(name + ": threshold " + comparison[0] + " " + comparison[1] + " shipped, " + operator
							+ " " + threshold + " in-process (" + thresholdKey(id, severity) + ")");
				}
			}
		}

		Duration window = window(id);
		if (window != null) {
			Set<Duration> ranges = new TreeSet<>(Comparator.naturalOrder());
			Matcher range = RANGE.matcher(expr);
			while (range.find()) {
				ranges.add(prometheusDuration(range.group(1)));
			}
			if (!ranges.equals(Set.of(window))) {
				drift.add(name + ": ranges " + ranges + " shipped, window " + window + " in-process");
			}
		}
		if (settings instanceof McpAlertsProperties.ToolErrorRate errorRate
				&& !expr.matches("(?s).*>=\\s*" + errorRate.getMinCalls() + "\\b.*")) {
			drift.add(name + ": no '>= " + errorRate.getMinCalls() + "' (" + PREFIX + id + ".min-calls) in " + expr);
		}

		Map<String, Object> annotations = map(shipped.get("annotations"));
		String runbook = this.properties.getRunbookBaseUrl() + rule.alertName() + ".md";
		if (!runbook.equals(annotations.get("runbook_url"))) {
			drift.add(name + ": runbook_url " + annotations.get("runbook_url") + " shipped, " + runbook
					+ " in-process");
		}
		for (String annotation : List.of("summary", "description")) {
			if (!(annotations.get(annotation) instanceof String text) || text.isBlank()) {
				drift.add(name + ": no " + annotation + " annotation");
			}
		}
	}

	/** The threshold of a rule's alerts of a severity: memory's are the memory health component's. */
	private double threshold(String id, McpAlertsProperties.Rule settings, String severity) throws Exception {
		if (MemoryRule.ID.equals(id)) {
			McpMonitoringProperties.Memory memory = this.health.getMemory();
			return AlertSeverity.CRITICAL.label().equals(severity) ? memory.getCriticalThreshold()
					: memory.getWarningThreshold();
		}
		return ConfigurationMetadataTests.threshold(settings);
	}

	private static String thresholdKey(String id, String severity) {
		if (MemoryRule.ID.equals(id)) {
			return "mcp.monitoring.health.memory."
					+ (AlertSeverity.CRITICAL.label().equals(severity) ? "critical-threshold" : "warning-threshold");
		}
		return PREFIX + id + ".threshold";
	}

	/** The window a rule computes over, or {@code null} for a rule on gauges. */
	private Duration window(String id) {
		return switch (id) {
			case ToolErrorRateRule.ID -> this.properties.getRules().getToolErrorRate().getWindow();
			case ToolLatencyRule.ID -> this.properties.getRules().getToolLatency().getWindow();
			case UnknownToolCallsRule.ID -> this.properties.getRules().getUnknownToolCalls().getWindow();
			case RecentErrorsRule.ID -> this.health.getRecentErrors().getWindow();
			case UpstreamAuthFailureRule.ID, SlowCallsRule.ID -> BuiltInAlertRules.RECENT_WINDOW;
			default -> null;
		};
	}

	/**
	 * Return the comparisons with a number outside parentheses, brackets, braces and strings: {operator, number}.
	 */
	static List<String[]> topLevelComparisons(String expr) {
		StringBuilder topLevel = new StringBuilder(expr.length());
		int depth = 0;
		char quote = 0;
		for (int i = 0; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
					topLevel.append("  ");
					continue;
				}
				if (c == quote) {
					quote = 0;
				}
				topLevel.append(' ');
				continue;
			}
			if (c == '"' || c == '\'' || c == '`') {
				quote = c;
				topLevel.append(' ');
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
				topLevel.append(' ');
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
				topLevel.append(' ');
			}
			else {
				topLevel.append((depth == 0) ? c : ' ');
			}
		}
		List<String[]> comparisons = new ArrayList<>();
		Matcher matcher = COMPARISON.matcher(topLevel);
		while (matcher.find()) {
			comparisons.add(new String[] { matcher.group(1), matcher.group(2) });
		}
		return comparisons;
	}

	/** Parse a Prometheus duration such as {@code 5m}, {@code 1h30m} or {@code 0s}. */
	static Duration prometheusDuration(String text) {
		Matcher part = DURATION_PART.matcher(text);
		Duration duration = Duration.ZERO;
		int end = 0;
		while (part.find() && part.start() == end) {
			long amount = Long.parseLong(part.group(1));
			duration = duration.plus(switch (part.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				case "w" -> Duration.ofDays(7 * amount);
				default -> Duration.ofDays(365 * amount);
			});
			end = part.end();
		}
		assertThat(end).as("a Prometheus duration: '" + text + "'").isEqualTo(text.length()).isPositive();
		return duration;
	}

	@Test
	void readsThresholdsAndDurationsLikePrometheus() {
		assertThat(topLevelComparisons("(a / b and c >= 10) > 0.05")).extracting((c) -> c[0] + c[1])
			.containsExactly(">0.05");
		assertThat(topLevelComparisons("max(x{a!=\"1\"} > 0 or y) > 0.8 or z > bool 1e3"))
			.extracting((c) -> c[0] + c[1])
			.containsExactly(">0.8", ">1e3");
		assertThat(prometheusDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(prometheusDuration("0s")).isZero();
	}

	private List<Map<String, Object>> shippedRules() throws IOException {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Object group : (List<?>) load(RULES_FILE).get("groups")) {
			for (Object rule : (List<?>) map(group).get("rules")) {
				rules.add(map(rule));
			}
		}
		assertThat(rules).as("rules in " + RULES_FILE).isNotEmpty();
		assertThat(rules).as("alerting rules only").allSatisfy((rule) -> assertThat(rule).containsKey("alert"));
		return rules;
	}

	private static Map<String, Object> load(Path file) throws IOException {
		assertThat(file).as("shipped file (tests run in the module folder)").isRegularFile();
		try (Reader reader = Files.newBufferedReader(file)) {
			return map(new Yaml().load(reader));
		}
	}

	private static Map<String, Object> labels(Map<String, Object> rule) {
		return map(rule.getOrDefault("labels", Map.of()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static double number(String text) {
		return Double.parseDouble(text);
	}

}
