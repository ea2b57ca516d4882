package io.github.mcpmonitoring.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes of real peers over the line's MCP Java SDK client: a real MCP server on both transports, and peers that
 * fail in each way the probe tells apart. These tests run on both Spring generations, so on MCP SDK 0.18 and 2.0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class McpPeerProbeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@Test
	void realStreamablePeerAnswersPingWithTheHeadersConfigured() throws Exception {
		try (RealMcpPeer peer = new RealMcpPeer(PeerTransport.STREAMABLE).start();
				McpPeerProbe probe = new McpPeerProbe(settings(peer.url(), PeerTransport.STREAMABLE, PeerCheck.PING,
						Map.of("Authorization", "Bearer s3cret-token")))) {
			PeerProbeResult result = probe.probe().join();
			assertThat(result.failure()).isNull();
			assertThat(result.operations()).extracting(PeerProbeResult.Operation::methodName)
				.containsExactly("initialize", "ping");
			assertThat(result.operations()).extracting(PeerProbeResult.Operation::errorType)
				.containsOnly("none");
			assertThat(result.tools()).isNull();
			assertThat(peer.authorizations()).isNotEmpty().containsOnly("Bearer s3cret-token");
		}
	}

	@Test
	void realStreamablePeerSaysHowManyToolsItOffers() throws Exception {
		try (RealMcpPeer peer = new RealMcpPeer(PeerTransport.STREAMABLE).start();
				McpPeerProbe probe = new McpPeerProbe(
						settings(peer.url(), PeerTransport.STREAMABLE, PeerCheck.TOOLS_LIST, Map.of()))) {
			PeerProbeResult result = probe.probe().join();
			assertThat(result.failure()).isNull();
			assertThat(result.operations()).extracting(PeerProbeResult.Operation::methodName)
				.containsExactly("initialize", "tools/list");
			assertThat(result.tools()).isEqualTo(2);
		}
	}

	@Test
	void realSsePeerAnswers() throws Exception {
		try (RealMcpPeer peer = new RealMcpPeer(PeerTransport.SSE).start();
				McpPeerProbe probe = new McpPeerProbe(
						settings(peer.url(), PeerTransport.SSE, PeerCheck.TOOLS_LIST, Map.of()))) {
			PeerProbeResult result = probe.probe().join();
			assertThat(result.failure()).isNull();
			assertThat(result.tools()).isEqualTo(2);
		}
	}

	@Test
	void closedPortIsConnectionRefused() throws Exception {
		String url = "http://127.0.0.1:" + FakePeers.closedPort() + "/mcp";
		try (McpPeerProbe probe = new McpPeerProbe(settings(url, PeerTransport.STREAMABLE, PeerCheck.PING, Map.of()))) {
			PeerProbeResult result = probe.probe().join();
			assertThat(result.failure().errorType()).isEqualTo(PeerFailure.CONNECTION_REFUSED);
			assertThat(result.operations()).singleElement()
				.satisfies((operation) -> assertThat(operation.methodName()).isEqualTo("initialize"));
		}
	}

	@Test
	void peerThatAcceptsAndNeverAnswersIsATimeout() throws Exception {
		try (FakePeers.Hanging hanging = new FakePeers.Hanging();
				McpPeerProbe probe = new McpPeerProbe(new PeerSettings("hanging", URI.create(hanging.url()),
						PeerTransport.STREAMABLE, PeerCheck.PING, Duration.ofSeconds(30), Duration.ofMillis(200),
						Map.of(), false))) {
			PeerProbeResult result = probe.probe().join();
			assertThat(result.failure().errorType()).isEqualTo(PeerFailure.TIMEOUT);
			assertThat(result.failure().description()).isEqualTo("no answer within 200 ms");
		}
	}

	@Test
	void httpServerErrorIsItsStatus() throws Exception {
		assertThat(failureAgainst(500, "text/html", "<html>oops</html>").errorType()).isEqualTo("http_500");
	}

	@Test
	void unauthorizedIsItsStatus() throws Exception {
		assertThat(failureAgainst(401, "text/plain", "no").errorType()).isEqualTo("http_401");
	}

	@Test
	void garbageIsAnInvalidResponseAndNoneOfItIsShown() throws Exception {
		PeerFailure failure = failureAgainst(200, "application/json", "{not json at all: \u0000 <script>");
		assertThat(failure.errorType()).isEqualTo(PeerFailure.INVALID_RESPONSE);
		assertThat(failure.description()).doesNotContain("script", "json at all");
	}

	@Test
	void eventStreamThatBreaksAfterItsHeadersSaysSoWithNoneOfItsText() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread peer = new Thread(() -> answerWithBrokenChunkedStream(server));
			peer.setDaemon(true);
			peer.start();
			String url = "http://127.0.0.1:" + server.getLocalPort() + "/sse";
			try (McpPeerProbe probe = new McpPeerProbe(settings(url, PeerTransport.SSE, PeerCheck.PING, Map.of()))) {
				PeerFailure failure = probe.probe().join().failure();
				assertThat(failure.errorType()).isEqualTo(PeerFailure.INVALID_RESPONSE);
				assertThat(failure.description())
					.startsWith("HTTP status 200 with an answer that is not MCP: the event stream failed with ")
					.endsWith("IOException")
					.doesNotContain("peer-text");
			}
		}
	}

	/**
	 * Answer the event stream's request with the headers of a chunked event stream, then with a chunk whose size line
	 * is not a size: as a peer does that writes its stream from two threads at once.
	 */
	private static void answerWithBrokenChunkedStream(ServerSocket server) {
		try (Socket socket = server.accept()) {
			BufferedReader request = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String line = request.readLine();
			while (line != null && !line.isEmpty()) {
				line = request.readLine();
			}
			OutputStream answer = socket.getOutputStream();
			answer.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "peer-text\r\n").getBytes(StandardCharsets.US_ASCII));
			answer.flush();
			// Until the client gives up on the stream and closes it.
			socket.getInputStream().transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// The probe closed the connection.
		}
	}

	@Test
	void olderProtocolVersionIsUnsupported() throws Exception {
		String answer = """
				{"jsonrpc":"2.0","id":"%s","result":{"protocolVersion":"2023-01-01","capabilities":{},
				"serverInfo":{"name":"old","version":"0"}}}""";
		HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			String request = new String(exchange.getRequestBody().readAllBytes());
			// Answer with the request's id, which the client chose.
			java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)")
				.matcher(request);
			byte[] body = answer.formatted(id.find() ? id.group(1) : "0").getBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try (McpPeerProbe probe = new McpPeerProbe(
				settings(FakePeers.url(server), PeerTransport.STREAMABLE, PeerCheck.PING, Map.of()))) {
			assertThat(probe.probe().join().failure().errorType())
				.isEqualTo(PeerFailure.UNSUPPORTED_PROTOCOL_VERSION);
		}
		finally {
			server.stop(0);
		}
	}

	private static PeerFailure failureAgainst(int status, String contentType, String body) throws Exception {
		HttpServer server = FakePeers.answering(status, contentType, body);
		try (McpPeerProbe probe = new McpPeerProbe(
				settings(FakePeers.url(server), PeerTransport.STREAMABLE, PeerCheck.PING, Map.of()))) {
			PeerProbeResult result = probe.probe().join();
			assertThat(result.succeeded()).isFalse();
			return result.failure();
		}
		finally {
			server.stop(0);
		}
	}

	static PeerSettings settings(String url, PeerTransport transport, PeerCheck check, Map<String, String> headers) {
		return new PeerSettings("peer", URI.create(url), transport, check, Duration.ofSeconds(30), TIMEOUT, headers,
				false);
	}

}
