package io.github.mcpmonitoring.peers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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

/**
 * Failed probes write no stack trace, from the starter or from the MCP SDK client under it: twenty failed probes of
 * four broken peers (a closed port, garbage, HTTP 500, a peer that never answers) log one WARN per peer going down
 * and nothing else at INFO or above, with the log at the level a Spring Boot application has by default. Runs on
 * both MCP SDK lines and both transports.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailedProbeLogTests {

	private static final int PROBES_PER_PEER = 5;

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

		List<ILoggingEvent> events = List.copyOf(this.appender.list);
		assertThat(events).as("events with a stack trace: %s", describe(events))
			.allSatisfy((event) -> assertThat(event.getThrowableProxy()).isNull());
		assertThat(events).as("log: %s", describe(events))
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.INFO))
			.allSatisfy((event) -> {
				assertThat(event.getLoggerName()).isEqualTo(McpPeer.class.getName());
				assertThat(event.getLevel()).isEqualTo(Level.WARN);
			})
			.extracting(ILoggingEvent::getFormattedMessage)
			.hasSize(4)
			.anySatisfy((message) -> assertThat(message).startsWith("MCP peer 'closed' "))
			.anySatisfy((message) -> assertThat(message).startsWith("MCP peer 'garbage' "))
			.anySatisfy((message) -> assertThat(message).startsWith("MCP peer 'failing' "))
			.anySatisfy((message) -> assertThat(message).startsWith("MCP peer 'hanging' "));
	}

	private static McpPeer peer(String name, String url, PeerTransport transport) {
		PeerSettings settings = new PeerSettings(name, URI.create(url), transport, PeerCheck.PING,
				Duration.ofSeconds(30), Duration.ofMillis(500), Map.of(), false);
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
