package io.github.mcpmonitoring.peers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Failed probes write no stack trace, from the starter or from the MCP SDK client under it: five failed probes of
 * each broken peer (a closed port, garbage, HTTP 500, a peer that never answers; peers that answer a JSON-RPC error,
 * an older protocol version, a media type that is not MCP or an event stream with lines that are not events) log one
 * WARN per peer going down and nothing else at INFO or above, with the log at the level a Spring Boot application has
 * by default; nothing the peers sent reaches the log or the status. Runs on both MCP SDK lines and both transports.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailedProbeLogTests {

	private static final int PROBES_PER_PEER = 5;

	private static final String WARNING_START = "MCP peer '";

	private static final String INITIALIZER_LOGGER = "io.modelcontextprotocol.client.LifecycleInitializer";

	/** In every text the peers below send, and nowhere in the log or a status. */
	private static final String PEER_TEXT = "peer-text <b>injected</b>";

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureLog() {
		this.previousLevel = this.root.getLevel();
		// A Spring Boot application logs at INFO unless told otherwise.
		this.root.setLevel(Level.INFO);
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	@AfterEach
	void restoreLog() {
		this.root.detachAppender(this.appender);
		this.root.setLevel(this.previousLevel);
	}

	@ParameterizedTest
	@EnumSource(PeerTransport.class)
	void failedProbesLogOneWarningPerPeerAndNoStackTrace(PeerTransport transport) throws Exception {
		HttpServer garbage = FakePeers.answering(200, "application/json", "{not json at all");
		HttpServer failing = FakePeers.answering(500, "text/html", "<html>oops</html>");
		try (FakePeers.Hanging hanging = new FakePeers.Hanging();
				McpPeer closed = peer("closed", "http://127.0.0.1:" + FakePeers.closedPort() + "/mcp", transport);
				McpPeer answeringGarbage = peer("garbage", FakePeers.url(garbage), transport);
				McpPeer answering500 = peer("failing", FakePeers.url(failing), transport);
				McpPeer neverAnswering = peer("hanging", hanging.url(), transport)) {
			Map<McpPeer, String> expected = Map.of(closed, PeerFailure.CONNECTION_REFUSED, answeringGarbage,
					PeerFailure.INVALID_RESPONSE, answering500, "http_500", neverAnswering, PeerFailure.TIMEOUT);
			expected.forEach((peer, errorType) -> {
				for (int i = 0; i < PROBES_PER_PEER; i++) {
					PeerStatus status = peer.probe().join();
					assertThat(status.state()).isEqualTo(PeerState.DOWN);
					assertThat(status.lastErrorType()).as(peer.settings().name()).isEqualTo(errorType);
				}
			});
		}
		finally {
			garbage.stop(0);
			failing.stop(0);
		}

		assertOneWarningPerPeerAndNoStackTrace("closed", "garbage", "failing", "hanging");
	}

	@ParameterizedTest
	@EnumSource(PeerTransport.class)
	void peersAnsweringWhatTheClientWouldLogLogOneWarningEachAndNoneOfTheirText(PeerTransport transport)
			throws Exception {
		Map<String, ScriptedPeer> scripted = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		scripted.put("refuses-initialize", new ScriptedPeer(transport, (request) -> request.error(-32601, PEER_TEXT)));
		expected.put("refuses-initialize", "-32601");
		scripted.put("refuses-ping", new ScriptedPeer(transport,
				(request) -> "ping".equals(request.method()) ? request.error(4711, PEER_TEXT)
						: request.result(ScriptedPeer.Request.initializeResult(request.protocolVersion(), PEER_TEXT))));
		expected.put("refuses-ping", PeerFailure.JSONRPC_ERROR);
		scripted.put("refuses-without-id", new ScriptedPeer(transport, (request) -> ScriptedPeer.Answer
			.json("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"" + PEER_TEXT + "\"}}")));
		expected.put("refuses-without-id", PeerFailure.INVALID_RESPONSE);
		scripted.put("older-protocol", new ScriptedPeer(transport,
				(request) -> request.result(ScriptedPeer.Request.initializeResult("2023-01-01", PEER_TEXT))));
		expected.put("older-protocol", PeerFailure.UNSUPPORTED_PROTOCOL_VERSION);
		scripted.put("malformed-event-stream", new ScriptedPeer(transport,
				(request) -> ScriptedPeer.Answer.raw("text/event-stream", PEER_TEXT + "\n\n")));
		expected.put("malformed-event-stream", PeerFailure.INVALID_RESPONSE);
		scripted.put("event-not-json-rpc", new ScriptedPeer(transport, (request) -> ScriptedPeer.Answer
			.raw("text/event-stream", "event: message\ndata: {\"text\":\"" + PEER_TEXT + "\"}\n\n")));
		expected.put("event-not-json-rpc", PeerFailure.INVALID_RESPONSE);
		if (transport == PeerTransport.STREAMABLE) {
			scripted.put("other-media-type",
					new ScriptedPeer(transport, (request) -> ScriptedPeer.Answer.raw("text/plain", PEER_TEXT)));
			expected.put("other-media-type", PeerFailure.INVALID_RESPONSE);
		}
		Map<String, PeerStatus> statuses = new LinkedHashMap<>();
		try {
			scripted.forEach((name, scriptedPeer) -> {
				// None of them hangs: a timeout well above the first probe's class loading.
				try (McpPeer peer = peer(name, scriptedPeer.url(), transport, Duration.ofSeconds(10))) {
					for (int i = 0; i < PROBES_PER_PEER; i++) {
						statuses.put(name, peer.probe().join());
					}
				}
			});
		}
		finally {
			scripted.values().forEach(ScriptedPeer::close);
		}

		assertOneWarningPerPeerAndNoStackTrace(scripted.keySet().toArray(String[]::new));
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains("peer-text"));
		assertThat(statuses).allSatisfy((name, status) -> {
			assertThat(status.state()).as(name).isEqualTo(PeerState.DOWN);
			assertThat(status.consecutiveFailures()).as(name).isEqualTo(PROBES_PER_PEER);
			assertThat(status.lastError()).as(name).doesNotContain("peer-text");
		});
		assertThat(statuses).extractingFromEntries(Map.Entry::getKey, (entry) -> entry.getValue().lastErrorType())
			.containsExactlyElementsOf(expected.entrySet()
				.stream()
				.map((entry) -> tuple(entry.getKey(), entry.getValue()))
				.toList());
	}

	private void assertOneWarningPerPeerAndNoStackTrace(String... peers) {
		List<ILoggingEvent> events = List.copyOf(this.appender.list);
		assertThat(events).as("events with a stack trace: %s", describe(events))
			.allSatisfy((event) -> assertThat(event.getThrowableProxy()).isNull());
		assertThat(events).as("log: %s", describe(events))
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.INFO))
			// The MCP client logs each answered initialize at INFO, which no API of it turns off: the probe hands it
			// only words of its own (checked above for the text the peers sent).
			.filteredOn((event) -> !event.getLoggerName().equals(INITIALIZER_LOGGER))
			.allSatisfy((event) -> {
				assertThat(event.getLoggerName()).isEqualTo(McpPeer.class.getName());
				assertThat(event.getLevel()).isEqualTo(Level.WARN);
			})
			.extracting(ILoggingEvent::getFormattedMessage)
			.map((message) -> message.startsWith(WARNING_START)
					? message.substring(WARNING_START.length(), message.indexOf('\'', WARNING_START.length()))
					: message)
			.containsExactlyInAnyOrder(peers);
	}

	private static McpPeer peer(String name, String url, PeerTransport transport) {
		return peer(name, url, transport, Duration.ofMillis(500));
	}

	private static McpPeer peer(String name, String url, PeerTransport transport, Duration timeout) {
		PeerSettings settings = new PeerSettings(name, URI.create(url), transport, PeerCheck.PING,
				Duration.ofSeconds(30), timeout, Map.of(), false);
		return new McpPeer(settings, new SimpleMeterRegistry(), Clock.systemUTC());
	}

	private static String describe(List<ILoggingEvent> events) {
		return events.stream()
			.map((event) -> event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
					+ ((event.getThrowableProxy() != null) ? " [" + event.getThrowableProxy().getClassName() + "]"
							: ""))
			.collect(Collectors.joining("\n", "\n", ""));
	}

}
