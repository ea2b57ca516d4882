package io.github.mcpmonitoring.sample.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.alerts.rules.UnknownToolCallsRule;
import io.github.mcpmonitoring.sample.KalturaMcpServerApplication;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.testing.Executables;
import io.github.mcpmonitoring.testing.LoopbackPorts;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The shipped fleet pack ({@code deploy/}) against a real Prometheus: the sample runs with demo faults (half of the
 * Kaltura data calls fail), a Prometheus process on a loopback port scrapes it every second and evaluates the shipped
 * alert rules every second, and a real MCP client drives traffic. Then, through Prometheus's HTTP API: the target is
 * up, every query of the Grafana dashboard (template variables substituted) runs and returns data, and
 * {@code McpToolErrorRateHigh} is pending or firing in Prometheus while the in-process evaluator fires it too.
 * The client also calls tools the sample does not have and opens and closes sessions, so that the request layer's
 * series (JSON-RPC errors, unknown tools, sessions, clients) have data and the shipped {@code McpUnknownToolCalls}
 * fires in Prometheus and in-process, while no tool error alert fires because of those client mistakes.
 * The sample also probes two peer MCP servers: itself, and a second instance of the sample that is not running at
 * first, so that the shipped {@code McpPeerDown} fires in Prometheus and resolves once that instance starts.
 * {@code promtool} checks and unit-tests the shipped rules, and lints a scrape of the running sample.
 *
 * <p>
 * Needs Debian's {@code prometheus} package ({@code prometheus} and {@code promtool} on the PATH), which
 * {@code .ci/run} installs; without it the test fails and says so.
 */
// A defined MCP port, so that the sample can be configured to probe itself; the management port stays random.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "kaltura.demo.error-rate=0.5", "mcp.monitoring.alerts.evaluation-interval=1s",
				"mcp.monitoring.alerts.rules.tool-error-rate.for=0s", "server.shutdown=immediate",
				"management.server.port=0", "mcp.monitoring.peers.self.check=tools-list",
				"mcp.monitoring.peers.self.interval=1s", "mcp.monitoring.peers.self.timeout=2s",
				"mcp.monitoring.peers.second.interval=1s", "mcp.monitoring.peers.second.timeout=2s",
				"mcp.monitoring.alerts.rules.unknown-tool-calls.for=0s", "mcp.monitoring.clients.enabled=true",
				"mcp.monitoring.clients.allowed=" + PrometheusFleetIntegrationTests.CLIENT_NAME })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrometheusFleetIntegrationTests {

	// Maven runs the tests of a module in the module's folder.
	private static final Path DEPLOY = Path.of("..", "deploy");

	private static final Path PROMETHEUS_DIR = DEPLOY.resolve("prometheus");

	private static final Path RULES = PROMETHEUS_DIR.resolve("mcp-alerts.rules.yml");

	private static final Path DASHBOARD = DEPLOY.resolve("grafana").resolve("mcp-monitoring-dashboard.json");

	private static final String JOB = "mcp-sample";

	private static final String UNKNOWN_TOOL = UnknownToolCallsRule.UNKNOWN_TOOL;

	/** The text format Prometheus 2 asks for, the one {@code promtool check metrics} reads. */
	private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

	/** The line of a family's metadata or of one of its samples, and the family's name. */
	private static final Pattern FAMILY_LINE = Pattern.compile("(?:# (?:HELP|TYPE|UNIT) )?([a-zA-Z_:][a-zA-Z0-9_:]*).*");

	private static final int SERVER_PORT = LoopbackPorts.free();

	/** Where the second sample instance, the peer that goes down and comes back, listens once started. */
	private static final int SECOND_PORT = LoopbackPorts.free();

	/**
	 * The alerts whose {@code for} Prometheus's copy of the rules shortens, and to what, so that they fire in seconds.
	 */
	private static final Map<String, String> SHORT_WAITS = Map.of("McpPeerDown", "2s", "McpUnknownToolCalls", "2s");

	/** The name the MCP Java SDK's client gives itself in {@code initialize}, on both SDK lines. */
	static final String CLIENT_NAME = "Java SDK MCP Client";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** What Grafana puts in place of its built-in variables; a 1 s scrape makes 1m plenty for rate(). */
	private static final Map<String, String> GRAFANA_BUILT_INS = Map.of("__rate_interval", "1m", "__interval", "15s",
			"__range", "5m", "__range_s", "300", "__interval_ms", "15000");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private Path workDir;

	private Process prometheus;

	private Path prometheusLog;

	private String prometheusUrl;

	private McpSyncClient client;

	private ConfigurableApplicationContext second;

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> SERVER_PORT);
		registry.add("mcp.monitoring.peers.self.url", () -> "http://127.0.0.1:" + SERVER_PORT + "/mcp");
		registry.add("mcp.monitoring.peers.second.url", () -> "http://127.0.0.1:" + SECOND_PORT + "/mcp");
	}

	@BeforeAll
	void startPrometheusAndDriveTraffic() throws Exception {
		String binary = Executables.require("prometheus", "prometheus").toString();
		this.workDir = Files.createTempDirectory("mcp-fleet-prometheus");
		Files.writeString(this.workDir.resolve("mcp-alerts.rules.yml"), shippedRulesWithShortWaits());
		Files.writeString(this.workDir.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - mcp-alerts.rules.yml
				scrape_configs:
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(JOB, this.managementPort));
		int prometheusPort = LoopbackPorts.free();
		this.prometheusUrl = "http://127.0.0.1:" + prometheusPort;
		this.prometheusLog = this.workDir.resolve("prometheus.log");
		this.prometheus = new ProcessBuilder(binary, "--config.file=" + this.workDir.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + this.workDir.resolve("data"),
				"--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(this.prometheusLog.toFile())
			.start();
		Process started = this.prometheus;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));

		eventually("Prometheus ready", () -> {
			assertThat(this.prometheus.isAlive()).as("Prometheus still running").isTrue();
			assertThat(get(this.prometheusUrl + "/-/ready").statusCode()).isEqualTo(200);
		}, null);
		// Traffic only once the target has been scraped: a series that appears between two scrapes with a count
		// already above zero loses those calls to increase().
		eventually("target up", this::assertTargetUp, null);

		this.client = McpClients.streamable(this.port, Duration.ofSeconds(10));
		this.client.initialize();
		// About 3 s of calls, so that several scrapes see the error series grow.
		for (int i = 0; i < 40; i++) {
			driveTraffic();
			if (i % 10 == 0) {
				openAndCloseASession();
			}
			Thread.sleep(60);
		}
	}

	@AfterAll
	void stopPrometheus() throws Exception {
		if (this.client != null) {
			this.client.closeGracefully();
		}
		if (this.second != null) {
			this.second.close();
		}
		if (this.prometheus != null) {
			this.prometheus.destroy();
			if (!this.prometheus.waitFor(10, TimeUnit.SECONDS)) {
				this.prometheus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		if (this.workDir != null) {
			FileSystemUtils.deleteRecursively(this.workDir);
		}
	}

	@Test
	void prometheusScrapesTheSample() throws Exception {
		assertTargetUp();
	}

	@Test
	void toolErrorRateAlertIsActiveInPrometheusAndInProcess() throws Exception {
		eventually("McpToolErrorRateHigh in Prometheus and in-process", () -> {
			List<JsonNode> inPrometheus = new ArrayList<>();
			prometheusApi("/api/v1/alerts").path("data").path("alerts").forEach((alert) -> {
				if ("McpToolErrorRateHigh".equals(alert.path("labels").path("alertname").asText())) {
					inPrometheus.add(alert);
				}
			});
			assertThat(inPrometheus).as("McpToolErrorRateHigh alerts in Prometheus").isNotEmpty();
			assertThat(inPrometheus).allSatisfy((alert) -> {
				assertThat(alert.path("state").asText()).isIn("pending", "firing");
				assertThat(alert.path("labels").path("severity").asText()).isEqualTo("error");
				assertThat(alert.path("labels").path("job").asText()).isEqualTo(JOB);
			});
			assertThat(inPrometheus).extracting((alert) -> alert.path("labels").path("gen_ai_tool_name").asText())
				.containsAnyOf("list_media", "list_categories");

			JsonNode health = this.json
				.readTree(get("http://localhost:" + this.managementPort + "/actuator/health").body());
			List<String> firing = new ArrayList<>();
			health.path("components").path("alerts").path("details").path("firing")
				.forEach((alert) -> firing.add(alert.path("name").asText()));
			assertThat(firing).as("alerts firing in-process (/actuator/health)").contains("McpToolErrorRateHigh");

			JsonNode gauge = query("mcp_alerts_active{alertname=\"McpToolErrorRateHigh\", job=\"" + JOB + "\"}");
			assertThat(gauge.path("data").path("result")).as("mcp_alerts_active of McpToolErrorRateHigh").isNotEmpty();
			assertThat(gauge.path("data").path("result").get(0).path("value").get(1).asDouble())
				.as("mcp_alerts_active of McpToolErrorRateHigh, scraped by Prometheus").isGreaterThanOrEqualTo(1);
		}, this::driveTraffic);
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void peerDownAlertFiresInPrometheusAndResolvesWhenThePeerAnswers() throws Exception {
		eventually("McpPeerDown firing in Prometheus for the peer that is not running", () -> {
			List<JsonNode> peerDown = peerDownAlerts();
			assertThat(peerDown).as("McpPeerDown alerts in Prometheus").hasSize(1);
			JsonNode alert = peerDown.get(0);
			assertThat(alert.path("labels").path("peer").asText()).isEqualTo("second");
			assertThat(alert.path("state").asText()).isEqualTo("firing");
			assertThat(alert.path("labels").path("severity").asText()).isEqualTo("error");
			assertThat(alert.path("labels").path("job").asText()).isEqualTo(JOB);
			assertThat(alert.path("labels").path("instance").asText()).isEqualTo("127.0.0.1:" + this.managementPort);
			assertThat(alert.path("annotations").path("runbook_url").asText())
				.isEqualTo("docs/runbooks/McpPeerDown.md");
		}, null);
		assertThat(peerUp("self")).as("mcp_peer_up of the sample probing itself").isEqualTo(1);

		this.second = new SpringApplicationBuilder(KalturaMcpServerApplication.class).run(
				"--server.port=" + SECOND_PORT, "--management.server.port=0", "--server.shutdown=immediate");

		eventually("McpPeerDown resolved in Prometheus once the peer answers", () -> {
			assertThat(peerUp("second")).as("mcp_peer_up of the second instance, scraped by Prometheus").isEqualTo(1);
			assertThat(peerDownAlerts()).as("McpPeerDown alerts in Prometheus").isEmpty();
		}, null);
	}

	@Test
	void dashboardTemplateVariablesFindTheSample() throws Exception {
		JsonNode dashboard = this.json.readTree(DASHBOARD.toFile());
		Map<String, Set<String>> values = variableValues(dashboard, Map.of("instance", ".*"));
		assertThat(values.get("instance")).contains("127.0.0.1:" + this.managementPort);
		assertThat(values.get("tool")).contains("list_media", "list_categories", "get_media_entry");
	}

	@Test
	void everyDashboardQueryRunsAndReturnsData() throws Exception {
		JsonNode dashboard = this.json.readTree(DASHBOARD.toFile());
		assertThat(dashboard.path("templating").path("list").get(0).path("type").asText())
			.as("first variable: the data source").isEqualTo("datasource");
		List<PanelQuery> queries = panelQueries(dashboard);
		assertThat(queries).as("panel queries in " + DASHBOARD).hasSizeGreaterThan(20);
		assertThat(queries).allSatisfy((query) -> assertThat(query.datasourceUid())
			.as("data source of " + query).isEqualTo("${datasource}"));

		// The instance variable set to this sample, the tool variable to All, as a user would open the dashboard.
		Map<String, String> variables = new LinkedHashMap<>(GRAFANA_BUILT_INS);
		variables.put("instance", "127.0.0.1:" + this.managementPort);
		variables.put("tool", ".*");
		// A query Prometheus rejects is rejected at once; data may take a scrape or two more.
		List<String> rejected = new ArrayList<>();
		for (PanelQuery query : queries) {
			String expr = substitute(query.expr(), variables);
			JsonNode answer = query(expr);
			if (!"success".equals(answer.path("status").asText())) {
				rejected.add(query + ": " + answer.path("error").asText() + " in " + expr);
			}
		}
		assertThat(rejected).as("dashboard queries Prometheus rejects").isEmpty();
		eventually("every dashboard query returns data", () -> {
			List<String> empty = new ArrayList<>();
			for (PanelQuery query : queries) {
				String expr = substitute(query.expr(), variables);
				if (query(expr).path("data").path("result").isEmpty()) {
					empty.add(query + ": no data from " + expr);
				}
			}
			assertThat(empty).isEmpty();
		}, () -> {
			driveTraffic();
			openAndCloseASession();
		});
	}

	@Test
	void unknownToolCallsAlertFiresInPrometheusAndInProcessButNoToolErrorAlert() throws Exception {
		eventually("McpUnknownToolCalls firing in Prometheus and in-process", () -> {
			List<JsonNode> unknown = prometheusAlerts("McpUnknownToolCalls");
			assertThat(unknown).as("McpUnknownToolCalls alerts in Prometheus").hasSize(1);
			JsonNode alert = unknown.get(0);
			assertThat(alert.path("state").asText()).isEqualTo("firing");
			assertThat(alert.path("labels").path("severity").asText()).isEqualTo("warning");
			assertThat(alert.path("labels").path("job").asText()).isEqualTo(JOB);
			assertThat(alert.path("labels").path("instance").asText()).isEqualTo("127.0.0.1:" + this.managementPort);
			assertThat(alert.path("labels").has("gen_ai_tool_name")).as("a tool name on " + alert).isFalse();
			assertThat(alert.path("annotations").path("runbook_url").asText())
				.isEqualTo("docs/runbooks/McpUnknownToolCalls.md");
			assertThat(alert.path("annotations").path("summary").asText()).endsWith("calls of tools that do not exist");

			assertThat(inProcessFiring()).extracting((firing) -> firing.path("name").asText())
				.as("alerts firing in-process (/actuator/health)")
				.contains("McpUnknownToolCalls");
		}, this::driveTraffic);

		List<JsonNode> onTheUnknownTool = new ArrayList<>();
		prometheusApi("/api/v1/alerts").path("data").path("alerts").forEach((alert) -> {
			if (alert.path("labels").path("gen_ai_tool_name").asText().equals(UNKNOWN_TOOL)) {
				onTheUnknownTool.add(alert);
			}
		});
		assertThat(onTheUnknownTool).as("alerts in Prometheus on the calls of tools that do not exist").isEmpty();
		assertThat(inProcessFiring()).as("alerts firing in-process on the calls of tools that do not exist")
			.noneMatch((firing) -> firing.path("labels").path("gen_ai_tool_name").asText().equals(UNKNOWN_TOOL));
	}

	@Test
	void promtoolChecksTheShippedRulesAndConfig() throws Exception {
		promtool("check", "rules", "mcp-alerts.rules.yml");
		promtool("check", "config", "prometheus.yml");
	}

	@Test
	void promtoolUnitTestsOfTheShippedRulesPass() throws Exception {
		promtool("test", "rules", "mcp-alerts.rules.test.yml");
	}

	@Test
	void promtoolFindsNothingToSayAboutTheStartersFamiliesInAScrapeOfTheSample() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
			.header("Accept", TEXT_FORMAT)
			.timeout(Duration.ofSeconds(5))
			.build();
		String scrape = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		// The starter's families only: Boot's, the JVM's and Tomcat's are not ours to lint.
		String starters = scrape.lines()
			.filter((line) -> familyOf(line).startsWith("mcp_"))
			.collect(Collectors.joining("\n", "", "\n"));
		assertThat(starters).contains("mcp_server_operation_duration_seconds_bucket{",
				"mcp_server_session_duration_seconds_bucket{", "mcp_server_session_active{",
				"mcp_server_client_requests_total{", "mcp_server_tool_result_size_characters_bucket{",
				"mcp_alerts_active{", "mcp_client_name=\"" + CLIENT_NAME + "\"");
		Path input = Files.createTempFile("scrape", ".txt");
		try {
			Files.writeString(input, starters);
			promtool(input, "check", "metrics");
		}
		finally {
			Files.deleteIfExists(input);
		}
	}

	/** Calls of two tools, and of a tool the sample does not have, under a name never used before. */
	private void driveTraffic() {
		this.client.callTool(new CallToolRequest("list_media", Map.of("limit", 5)));
		this.client.callTool(new CallToolRequest("list_categories", Map.of()));
		String unknownTool = "no_such_tool_" + UUID.randomUUID();
		assertThatExceptionOfType(McpError.class)
			.isThrownBy(() -> this.client.callTool(new CallToolRequest(unknownTool, Map.of())));
	}

	/** A session that a second client opens, uses and closes, for the session duration. */
	private void openAndCloseASession() {
		McpSyncClient shortLived = McpClients.streamable(this.port, Duration.ofSeconds(10));
		try {
			shortLived.initialize();
			shortLived.ping();
		}
		finally {
			shortLived.closeGracefully();
		}
	}

	private List<JsonNode> peerDownAlerts() throws Exception {
		return prometheusAlerts("McpPeerDown");
	}

	private List<JsonNode> prometheusAlerts(String name) throws Exception {
		List<JsonNode> alerts = new ArrayList<>();
		prometheusApi("/api/v1/alerts").path("data").path("alerts").forEach((alert) -> {
			if (name.equals(alert.path("labels").path("alertname").asText())) {
				alerts.add(alert);
			}
		});
		return alerts;
	}

	/** The alerts the in-process evaluator fires, as the alerts component of /actuator/health lists them. */
	private List<JsonNode> inProcessFiring() throws Exception {
		JsonNode health = this.json.readTree(get("http://localhost:" + this.managementPort + "/actuator/health").body());
		List<JsonNode> firing = new ArrayList<>();
		health.path("components").path("alerts").path("details").path("firing").forEach(firing::add);
		return firing;
	}

	private double peerUp(String peer) throws Exception {
		JsonNode result = query("mcp_peer_up{peer=\"" + peer + "\", job=\"" + JOB + "\"}").path("data")
			.path("result");
		assertThat(result).as("mcp_peer_up of peer " + peer + " in Prometheus").hasSize(1);
		return result.get(0).path("value").get(1).asDouble();
	}

	/**
	 * The shipped rules with only the {@code for} of the alerts in {@link #SHORT_WAITS} shortened: their expressions,
	 * labels and annotations stay the shipped ones.
	 */
	private static String shippedRulesWithShortWaits() throws IOException {
		String rules = Files.readString(RULES);
		for (Map.Entry<String, String> shortWait : SHORT_WAITS.entrySet()) {
			rules = withWait(rules, shortWait.getKey(), shortWait.getValue());
		}
		return rules;
	}

	private static String withWait(String rules, String alertName, String wait) {
		int alert = rules.indexOf("- alert: " + alertName + "\n");
		assertThat(alert).as(alertName + " in " + RULES).isNotNegative();
		int nextAlert = rules.indexOf("- alert:", alert + 1);
		Matcher shipped = Pattern.compile("\n\\s+for: (\\S+)\n")
			.matcher(rules)
			.region(alert, (nextAlert < 0) ? rules.length() : nextAlert);
		assertThat(shipped.find()).as("for: of " + alertName + " in " + RULES).isTrue();
		return rules.substring(0, shipped.start(1)) + wait + rules.substring(shipped.end(1));
	}

	private void assertTargetUp() throws Exception {
		JsonNode targets = prometheusApi("/api/v1/targets").path("data").path("activeTargets");
		assertThat(targets).as("active targets").hasSize(1);
		JsonNode target = targets.get(0);
		assertThat(target.path("labels").path("job").asText()).isEqualTo(JOB);
		assertThat(target.path("labels").path("instance").asText()).isEqualTo("127.0.0.1:" + this.managementPort);
		assertThat(target.path("scrapeUrl").asText()).endsWith("/actuator/prometheus");
		assertThat(target.path("health").asText()).as("health of the target, last error: %s",
				target.path("lastError").asText()).isEqualTo("up");
	}

	/** The values of the dashboard's query variables, found the way Grafana's label_values() finds them. */
	private Map<String, Set<String>> variableValues(JsonNode dashboard, Map<String, String> selections)
			throws Exception {
		Map<String, String> variables = new LinkedHashMap<>(GRAFANA_BUILT_INS);
		variables.putAll(selections);
		Map<String, Set<String>> values = new LinkedHashMap<>();
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (!"query".equals(variable.path("type").asText())) {
				continue;
			}
			JsonNode query = variable.path("query");
			String text = query.isTextual() ? query.asText() : query.path("query").asText();
			Matcher labelValues = LABEL_VALUES.matcher(text);
			assertThat(labelValues.matches()).as("label_values(selector, label) in variable " + variable).isTrue();
			String selector = substitute(labelValues.group(1), variables);
			JsonNode series = prometheusApi("/api/v1/series?match[]=" + encode(selector));
			Set<String> found = new TreeSet<>();
			series.path("data").forEach((labels) -> found.add(labels.path(labelValues.group(2)).asText()));
			assertThat(found).as("values of variable " + variable.path("name").asText()).isNotEmpty();
			values.put(variable.path("name").asText(), found);
		}
		return values;
	}

	private static List<PanelQuery> panelQueries(JsonNode dashboard) {
		List<PanelQuery> queries = new ArrayList<>();
		collect(dashboard.path("panels"), queries);
		return queries;
	}

	private static void collect(JsonNode panels, List<PanelQuery> queries) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(new PanelQuery(panel.path("title").asText(), target.path("refId").asText(),
						target.path("expr").asText(), target.path("datasource").path("uid").asText()));
			}
			collect(panel.path("panels"), queries); // the panels of a collapsed row
		}
	}

	/** Replace Grafana variables ($name, ${name}, ${name:format}, [[name]]); an unknown one fails the test. */
	private static String substitute(String expr, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(expr);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1)
					: (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
			assertThat(variables).as("variable $" + name + " in " + expr).containsKey(name);
			matcher.appendReplacement(result, Matcher.quoteReplacement(variables.get(name)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private JsonNode query(String expr) throws Exception {
		return this.json.readTree(get(this.prometheusUrl + "/api/v1/query?query=" + encode(expr)).body());
	}

	private JsonNode prometheusApi(String pathAndQuery) throws Exception {
		HttpResponse<String> response = get(this.prometheusUrl + pathAndQuery);
		assertThat(response.statusCode()).as("GET " + pathAndQuery + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * Run the check until it passes or {@link #PATIENCE} runs out, then fail with its last error and Prometheus's
	 * log; between attempts, wait a scrape and run {@code between} when given.
	 */
	private void eventually(String what, Check check, Runnable between) throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError | IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError(what + " not seen within " + PATIENCE.toSeconds() + " s: "
							+ ex.getMessage() + "\n--- Prometheus log (tail) ---\n" + prometheusLogTail(), ex);
				}
			}
			if (between != null) {
				between.run();
			}
			Thread.sleep(1000);
		}
	}

	private String prometheusLogTail() {
		try {
			List<String> lines = Files.readAllLines(this.prometheusLog);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private static String familyOf(String line) {
		Matcher family = FAMILY_LINE.matcher(line);
		return family.matches() ? family.group(1) : "";
	}

	/** Run promtool in deploy/prometheus (it resolves rule files relative to the file it reads). */
	private static void promtool(String... arguments) throws Exception {
		promtool(null, arguments);
	}

	/**
	 * Run promtool in deploy/prometheus with the file as its standard input (none when null), and expect it to
	 * succeed and say nothing.
	 */
	private static void promtool(Path input, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Executables.require("prometheus", "promtool").toString());
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("promtool", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(PROMETHEUS_DIR.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			if (input != null) {
				builder.redirectInput(input.toFile());
			}
			Process process = builder.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail(String.join(" ", command) + " did not finish within 60 s:\n" + Files.readString(output));
			}
			assertThat(process.exitValue()).as(String.join(" ", command) + " in " + PROMETHEUS_DIR + ":\n"
					+ Files.readString(output)).isZero();
			if (input != null) {
				assertThat(Files.readString(output)).as(String.join(" ", command) + " on " + input).isBlank();
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	@FunctionalInterface
	private interface Check {

		void run() throws Exception;

	}

	private record PanelQuery(String panel, String refId, String expr, String datasourceUid) {

		@Override
		public String toString() {
			return "panel '" + this.panel + "' query " + this.refId;
		}

	}

}
