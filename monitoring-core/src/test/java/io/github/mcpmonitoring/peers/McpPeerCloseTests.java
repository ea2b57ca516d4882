package io.github.mcpmonitoring.peers;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a probe still in flight when its peer is closed (the application stopping) changes nothing.
 */
class McpPeerCloseTests {

	@Test
	void aProbeThatEndsAfterCloseLeavesTheStatusAlone() throws Exception {
		List<Socket> accepted = new ArrayList<>();
		try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(hanging.accept());
					}
				}
				catch (Exception ex) {
					// closed
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			PeerSettings settings = new PeerSettings("late",
					URI.create("http://127.0.0.1:" + hanging.getLocalPort() + "/mcp"), PeerTransport.STREAMABLE,
					PeerCheck.PING, Duration.ofSeconds(30), Duration.ofMillis(500), Map.of(), false);
			McpPeer peer = new McpPeer(settings, registry, Clock.systemUTC());
			CompletableFuture<PeerStatus> probe = peer.probe();
			peer.close();
			PeerStatus after = probe.get(30, TimeUnit.SECONDS);
			assertThat(after.state()).isEqualTo(PeerState.UNKNOWN);
			assertThat(peer.status().state()).isEqualTo(PeerState.UNKNOWN);
			assertThat(peer.status().consecutiveFailures()).isZero();
			assertThat(registry.get(PeerMeterNames.PEER_UP).gauge().value()).isNaN();
		}
		finally {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

}
