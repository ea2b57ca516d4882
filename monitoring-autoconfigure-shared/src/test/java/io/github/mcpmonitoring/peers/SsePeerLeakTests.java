package io.github.mcpmonitoring.peers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Probes of a real MCP server over SSE all answer and close the event stream each of them opens: after many answered
 * probes no more connections to the server are open on the probe's side than before, and no thread or MCP client of
 * a probe is left, on both MCP SDK lines.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SsePeerLeakTests {

	private static final int PROBES = 200;

	@Test
	void answeredSseProbesCloseTheirEventStreams() throws Exception {
		try (RealMcpPeer peer = new RealMcpPeer(PeerTransport.SSE).start();
				ProbeLeaks.WatchedProbe probe = new ProbeLeaks.WatchedProbe(new PeerSettings("sse",
						URI.create(peer.url()), PeerTransport.SSE, PeerCheck.TOOLS_LIST, Duration.ofSeconds(30),
						Duration.ofSeconds(5), Map.of(), false))) {
			// Probes first, so that what every probe shares (the peer's HTTP client, the server's worker threads)
			// exists before counting.
			for (int i = 0; i < 10; i++) {
				assertThat(probe.probe().join().succeeded()).isTrue();
			}
			int port = URI.create(peer.url()).getPort();
			long connectionsBefore = ProbeLeaks.clientConnectionsTo(port);
			int threadsBefore = ProbeLeaks.threads();
			probe.startWatching();

			for (int i = 0; i < PROBES; i++) {
				PeerProbeResult result = probe.probe().join();
				assertThat(result.failure()).as("probe %d of a healthy SSE peer", i).isNull();
				assertThat(result.tools()).isEqualTo(2);
			}

			// Counted on the probe's side: the test server (the MCP SDK's servlet SSE transport) notices a client
			// that went away only when it next writes to the stream, so it keeps its half of every closed stream, and
			// the file descriptors of this process with it. The HTTP client keeps a connection or two for its next
			// requests.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(ProbeLeaks.clientConnectionsTo(port)).as("connections the probes keep open to the peer")
					.isLessThanOrEqualTo(connectionsBefore + 2);
				assertThat(ProbeLeaks.threads()).as("live threads: %s", ProbeLeaks.threadNames())
					.isLessThanOrEqualTo(threadsBefore + 3);
			});
			// An idle connection the HTTP client keeps may hold on to the last answer it carried, and through it to
			// the probe that read it, until its next exchange: at most one probe per kept connection.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(probe.stillReachable()).as("MCP clients and transports of ended probes")
					.isLessThanOrEqualTo(2 * 2));
		}
	}

}
