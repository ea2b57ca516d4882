package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand probes of a peer that accepts connections and never answers leave no thread, no connection and no file
 * descriptor behind: each probe gives up at its timeout and its exchange is closed, on both MCP SDK lines.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HangingPeerLeakTests {

	private static final int PROBES = 1000;

	@Test
	void thousandProbesOfAHangingPeerLeaveNothingBehind() throws Exception {
		try (FakePeers.Hanging hanging = new FakePeers.Hanging();
				McpPeerProbe probe = new McpPeerProbe(new PeerSettings("hanging", URI.create(hanging.url()),
						PeerTransport.STREAMABLE, PeerCheck.PING, Duration.ofSeconds(30), Duration.ofMillis(20),
						Map.of("Authorization", "Bearer t"), false))) {
			// One probe first, so that what every probe shares (the peer's HTTP client and its thread, Reactor's
			// timer) exists before counting.
			probe.probe().join();
			await().atMost(Duration.ofSeconds(30)).until(() -> hanging.openConnections() == 0);
			int threadsBefore = threads();
			long descriptorsBefore = openFileDescriptors();

			Map<String, Integer> errorTypes = new HashMap<>();
			for (int i = 0; i < PROBES; i++) {
				PeerProbeResult result = probe.probe().join();
				errorTypes.merge(result.failure().errorType(), 1, Integer::sum);
			}

			assertThat(errorTypes).isEqualTo(Map.of(PeerFailure.TIMEOUT, PROBES));
			// Closing happens on the HTTP client's own thread, after each probe has returned.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(hanging.openConnections()).as("connections the probes left open at the peer").isZero();
				assertThat(threads()).as("live threads: %s", threadNames()).isLessThanOrEqualTo(threadsBefore + 3);
				assertThat(openFileDescriptors()).as("open file descriptors")
					.isLessThanOrEqualTo(descriptorsBefore + 4);
			});
		}
	}

	private static int threads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static java.util.List<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
	}

	private static long openFileDescriptors() throws IOException {
		Path descriptors = Path.of("/proc/self/fd");
		if (!Files.isDirectory(descriptors)) {
			return 0;
		}
		try (Stream<Path> open = Files.list(descriptors)) {
			return open.count();
		}
	}

}
