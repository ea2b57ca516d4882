package io.github.mcpmonitoring.peers;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand probes of a peer that accepts connections and never answers leave no thread, no connection, no file
 * descriptor and no object of theirs behind: each probe gives up at its timeout, its exchange is closed and its MCP
 * client and transport are garbage collected, on both MCP SDK lines.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HangingPeerLeakTests {

	private static final int PROBES = 1000;

	@Test
	void thousandProbesOfAHangingPeerLeaveNothingBehind() throws Exception {
		try (FakePeers.Hanging hanging = new FakePeers.Hanging();
				ProbeLeaks.WatchedProbe probe = new ProbeLeaks.WatchedProbe(new PeerSettings("hanging",
						URI.create(hanging.url()), PeerTransport.STREAMABLE, PeerCheck.PING, Duration.ofSeconds(30),
						Duration.ofMillis(20), Map.of("Authorization", "Bearer t"), false))) {
			// One probe first, so that what every probe shares (the peer's HTTP client and its thread, Reactor's
			// timer) exists before counting.
			probe.probe().join();
			await().atMost(Duration.ofSeconds(30)).until(() -> hanging.openConnections() == 0);
			int threadsBefore = ProbeLeaks.threads();
			long descriptorsBefore = ProbeLeaks.openFileDescriptors();
			probe.startWatching();

			Map<String, Integer> errorTypes = new HashMap<>();
			for (int i = 0; i < PROBES; i++) {
				PeerProbeResult result = probe.probe().join();
				errorTypes.merge(result.failure().errorType(), 1, Integer::sum);
			}

			assertThat(errorTypes).isEqualTo(Map.of(PeerFailure.TIMEOUT, PROBES));
			assertThat(probe.watched()).isEqualTo(2 * PROBES);
			// Closing happens on the HTTP client's own thread, after each probe has returned.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(hanging.openConnections()).as("connections the probes left open at the peer").isZero();
				assertThat(ProbeLeaks.threads()).as("live threads: %s", ProbeLeaks.threadNames())
					.isLessThanOrEqualTo(threadsBefore + 3);
				assertThat(ProbeLeaks.openFileDescriptors()).as("open file descriptors")
					.isLessThanOrEqualTo(descriptorsBefore + 4);
			});
			// Each collection may leave some garbage for the next; nothing but a leak keeps one of them reachable.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(probe.stillReachable()).as("MCP clients and transports of ended probes")
					.isZero());
		}
	}

}
