package io.github.mcpmonitoring.sample.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The status page in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver, opens
 * {@code /actuator/mcpstatus} on the sample's management port with every address but the server's own cut off (a
 * proxy that refuses every connection, and no name resolution). After real MCP tool calls (successes, upstream
 * failures and a client mistake whose message is HTML) and an alert the test makes fire, the page shows the calls,
 * the error ratio, the firing alert with its runbook link, the health components and the message as text; it follows
 * later calls by itself; and the browser asks nothing of any other address. After {@code tools/list}, {@code ping}
 * and a call of a tool the server does not have, it shows those methods and a row for unknown tools.
 * <p>
 * The alert evaluator is run by the test, between the calls, so that nothing depends on timing. Skipped when
 * Chromium or chromedriver is not installed; CI installs both ({@code apt-get install chromium chromium-driver}).
 * The screenshots it takes land in {@code target/status-page/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mcp.monitoring.alerts.evaluation-interval=1h",
				"mcp.monitoring.alerts.rules.tool-error-rate.min-calls=2",
				"mcp.monitoring.alerts.rules.tool-error-rate.for=0s",
				"mcp.monitoring.alerts.runbook-base-url=" + StatusPageBrowserEndToEndTests.RUNBOOKS,
				"mcp.monitoring.status-page.refresh-interval=1s",
				// The machine's own state is not what this test is about: a busy build machine must not fail it.
				"mcp.monitoring.alerts.rules.cpu.enabled=false", "mcp.monitoring.alerts.rules.memory.enabled=false",
				"mcp.monitoring.alerts.rules.disk-space.enabled=false", "server.shutdown=immediate" })
@DirtiesContext
@Timeout(180)
class StatusPageBrowserEndToEndTests {

	static final String RUNBOOKS = "https://runbooks.example.test/mcp/";

	private static final String ALERT = "McpToolErrorRateHigh";

	private static final String TOOL = "list_categories";

	private static final String HTML_ENTRY_ID = "<script>window.pwned=1</script>";

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final Path SCREENSHOTS = Path.of("target", "status-page");

	private static final AtomicReference<DemoFaults> faults = new AtomicReference<>(DemoFaults.none());

	private static DemoKalturaBackend kaltura;

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private AlertEvaluator evaluator;

	private McpSyncClient client;

	@BeforeAll
	static void startKalturaAndBrowser() throws IOException {
		Optional<Path> chromium = onPath("chromium");
		Optional<Path> chromedriver = onPath("chromedriver");
		assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
				"chromium and chromedriver are not installed (apt-get install chromium chromium-driver): "
						+ "the status page's browser test is skipped");
		kaltura = DemoKalturaBackend.start(faults::get, Clock.systemUTC());
		browser = startBrowser(chromium.get(), chromedriver.get());
	}

	@AfterAll
	static void stopKalturaAndBrowser() throws InterruptedException {
		if (browser != null) {
			browser.quit();
		}
		if (kaltura != null) {
			kaltura.close();
		}
	}

	@DynamicPropertySource
	static void kaltura(DynamicPropertyRegistry registry) {
		registry.add("kaltura.service-url", () -> kaltura.serviceUrl().toString());
		registry.add("kaltura.partner-id", () -> kaltura.partnerId());
		registry.add("kaltura.admin-secret", () -> kaltura.adminSecret());
	}

	@BeforeEach
	void connect() {
		this.client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		this.client.initialize();
	}

	@AfterEach
	void disconnect() {
		this.client.closeGracefully();
	}

	@Test
	void showsCallsAlertsHealthAndHostileMessagesAsTextAndFollowsNewCalls() throws Exception {
		// The evaluation at startup may come after the first calls: one now starts the alert window before them.
		this.evaluator.evaluate();
		faults.set(DemoFaults.none());
		for (int i = 0; i < 3; i++) {
			assertThat(call(TOOL, Map.of()).isError()).as("%s with a healthy backend", TOOL).isFalse();
		}
		assertThat(call("get_media_entry", Map.of("entry_id", HTML_ENTRY_ID)).isError()).isTrue();
		this.evaluator.evaluate();

		open();
		awaitText("#overall", "OK");
		assertThat(rowOf("tools-body", TOOL).cell("Status")).isEqualTo("OK");
		assertThat(rowOf("tools-body", TOOL).cell("Error ratio")).isEqualTo("0 %");
		screenshot("status-page.png");

		faults.set(new DemoFaults(Duration.ZERO, 1));
		for (int i = 0; i < 2; i++) {
			assertThat(call(TOOL, Map.of()).isError()).as("%s with a failing backend", TOOL).isTrue();
		}
		faults.set(DemoFaults.none());
		this.evaluator.evaluate();

		awaitText("#overall", "ALERT FIRING");
		Row alert = rowOf("alerts-body", ALERT);
		assertThat(alert.cell("State")).isEqualTo("FIRING");
		assertThat(alert.cell("Severity")).isEqualTo("error");
		assertThat(alert.cell("Labels")).contains("gen_ai_tool_name=" + TOOL);
		assertThat(alert.links()).containsExactly(RUNBOOKS + ALERT + ".md");
		Row tool = rowOf("tools-body", TOOL);
		assertThat(tool.cell("Status")).isEqualTo("ALERT");
		assertThat(tool.cell("Calls")).isEqualTo("5");
		assertThat(tool.cell("Errors")).isEqualTo("2");
		assertThat(tool.cell("Error ratio")).isEqualTo("40 %");
		assertThat(tool.cell("Last error")).contains("INTERNAL_SERVER_ERROR");
		assertThat(tool.chart()).contains("5 calls, 2 errors");
		assertHealthComponents();
		assertHostileMessageIsText();
		screenshot("status-page-alert.png");

		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		for (int i = 0; i < 2; i++) {
			assertThat(call(TOOL, Map.of()).isError()).isFalse();
		}
		await("the page following two more calls").atMost(DEADLINE)
			.until(() -> rowOf("tools-body", TOOL).cell("Calls"), "7"::equals);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
			.as("updated in place, not reloaded").isEqualTo(Boolean.TRUE);

		assertTheBrowserAskedOnlyTheServer();
		assertThePageAddressesNothingElse();
	}

	@Test
	void showsEveryMcpMethodAndCallsOfToolsTheServerDoesNotHave() {
		this.evaluator.evaluate();
		this.client.listTools();
		this.client.ping();
		this.client.ping();
		assertThatExceptionOfType(McpError.class).isThrownBy(() -> call("no_such_tool", Map.of()));

		open();
		Row list = rowOf("methods-body", "tools/list");
		assertThat(list.cell("Status")).isEqualTo("OK");
		assertThat(list.cell("Calls")).isEqualTo("1");
		assertThat(list.cell("Errors")).isEqualTo("0");
		Row ping = rowOf("methods-body", "ping");
		assertThat(ping.cell("Calls")).isEqualTo("2");
		assertThat(ping.cell("Since start")).isEqualTo("2 / 0");
		assertThat(rows("methods-body")).extracting(Row::name).doesNotContain(McpMeterNames.METHOD_TOOLS_CALL);
		Row unknown = rowOf("tools-body", "unknown tools (names the server does not have)");
		assertThat(unknown.cell("Calls")).isEqualTo("1");
		assertThat(unknown.cell("Errors")).isEqualTo("0 + 1 client");
		assertThat(rows("tools-body")).extracting(Row::name).doesNotContain("_OTHER", "no_such_tool");
	}

	@Test
	void isUsableOnAPhoneAndWithTheKeyboard() {
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			open();
			await("the page read once").atMost(DEADLINE)
				.until(() -> !browser.findElement(By.id("overall")).getText().equals("Loading"));
			Object overflow = ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
			WebElement pause = browser.findElement(By.id("pause"));
			boolean reached = false;
			for (int i = 0; i < 20 && !reached; i++) {
				browser.switchTo().activeElement().sendKeys(Keys.TAB);
				reached = pause.equals(browser.switchTo().activeElement());
			}
			assertThat(reached).as("the pause button is reached with the Tab key").isTrue();
			pause.sendKeys(Keys.ENTER);
			assertThat(pause.getAttribute("aria-pressed")).isEqualTo("true");
			assertThat(pause.getText()).isEqualTo("Resume updates");
			pause.sendKeys(Keys.ENTER);
			assertThat(pause.getAttribute("aria-pressed")).isEqualTo("false");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 1100));
		}
	}

	private void assertHealthComponents() {
		await("the health components").atMost(DEADLINE)
			.until(() -> rows("health-body").stream().map(Row::name).toList(),
					(names) -> names.containsAll(List.of("alerts", "recentErrors", "kalturaSession", "uptime")));
		assertThat(rowOf("health-body", "alerts").cell("Status")).isEqualTo("WARNING");
		assertThat(rowOf("health-body", "uptime").cell("Status")).isEqualTo("UP");
	}

	private void assertHostileMessageIsText() {
		assertThat(rows("errors-body")).extracting((row) -> row.cell("Message"))
			.anySatisfy((message) -> assertThat(message).contains("Invalid entry_id '" + HTML_ENTRY_ID + "'"));
		assertThat(browser.findElements(By.tagName("script"))).as("only the page's own script").hasSize(1);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;"))
			.isEqualTo(Boolean.TRUE);
	}

	private void assertTheBrowserAskedOnlyTheServer() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<String> urls = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = json.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
				urls.add(message.path("params").path("request").path("url").asText());
			}
		}
		String server = "http://127.0.0.1:" + this.managementPort + "/actuator/";
		assertThat(urls).as("requests the page made").isNotEmpty().allSatisfy((url) -> assertThat(url).startsWith(server));
		assertThat(urls).contains(server + "mcpstatus", server + "mcpstatus/data", server + "health");
	}

	private void assertThePageAddressesNothingElse() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(pageUrl())).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
			.startsWith("text/html"));
		Matcher urls = Pattern.compile("(?i)[a-z]+://[a-z0-9.-]+").matcher(page.body());
		while (urls.find()) {
			assertThat(urls.group()).as("the only absolute address is the SVG namespace, which nothing fetches")
				.isEqualTo("http://www.w3.org");
		}
	}

	/** Whether requests other than tool calls reach the meters at all: the page shows only what they hold. */
	private CallToolResult call(String tool, Map<String, Object> arguments) {
		return this.client.callTool(new CallToolRequest(tool, arguments));
	}

	private void open() {
		browser.get(pageUrl());
	}

	private String pageUrl() {
		return "http://127.0.0.1:" + this.managementPort + "/actuator/mcpstatus";
	}

	private static void awaitText(String selector, String text) {
		await(selector + " showing " + text).atMost(DEADLINE)
			.until(() -> browser.findElement(By.cssSelector(selector)).getText(), text::equals);
	}

	/** The rows of a section's table, read in one script: the page may replace them between two reads. */
	@SuppressWarnings("unchecked")
	private static List<Row> rows(String section) {
		List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr')).map(function (row) {
				  var cells = {};
				  row.querySelectorAll('[data-label]').forEach(function (cell) {
				    cells[cell.getAttribute('data-label')] = cell.innerText.trim();
				  });
				  var chart = row.querySelector('svg[role=img]');
				  return { name: row.querySelector('th').innerText.trim(), cells: cells, links: Array.from(row.querySelectorAll('a')).map(function (a) { return a.href; }),
				    chart: chart ? chart.getAttribute('aria-label') : '' };
				});""", section);
		return rows.stream()
			.map((row) -> new Row((String) row.get("name"), (Map<String, String>) row.get("cells"),
					(List<String>) row.get("links"), (String) row.get("chart")))
			.toList();
	}

	private static Row rowOf(String section, String name) {
		return await(name + " in " + section).atMost(DEADLINE)
			.until(() -> rows(section).stream().filter((row) -> row.name().equals(name)).findFirst(),
					Optional::isPresent)
			.get();
	}

	private static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	private record Row(String name, Map<String, String> cells, List<String> links, String chart) {

		String cell(String heading) {
			return this.cells.get(heading);
		}

	}

	private static ChromeDriver startBrowser(Path chromium, Path chromedriver) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100",
				"--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-default-apps", "--disable-sync",
				// Everything but the server is unreachable: a proxy nobody listens on, and no name resolves.
				"--proxy-server=http://127.0.0.1:" + closedPort(), "--proxy-bypass-list=127.0.0.1",
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Optional<Path> onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, command))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
