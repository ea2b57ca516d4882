package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.alerts.AlertTransition;
import io.github.mcpmonitoring.peers.McpPeers;
import io.github.mcpmonitoring.peers.PeerMeterNames;
import io.github.mcpmonitoring.peers.PeerState;
import io.github.mcpmonitoring.peers.PeerTransport;
import io.github.mcpmonitoring.peers.RealMcpPeer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link McpPeersAutoConfiguration}: a real MCP peer that is up, then stopped, then started again on the
 * same port, followed by the gauges and the {@code mcpPeers} health component within an interval and a timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class McpPeersAutoConfigurationTests {

	private static final String TOKEN = "Bearer peer-s3cr3t";

	/** Generous for a busy machine; a peer is probed every 200 ms and each probe gives up after 1 s. */
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(McpMonitoringAutoConfiguration.class, McpHealthAutoConfiguration.class,
				McpPeersAutoConfiguration.class));

	@Test
	void noPeersNoProbes() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(McpPeers.class);
			assertThat(context).doesNotHaveBean("mcpPeersHealthIndicator");
		});
	}

	@Test
	void followsAPeerThatGoesDownAndComesBack(CapturedOutput output) throws Exception {
		RealMcpPeer peer = new RealMcpPeer(PeerTransport.STREAMABLE).start();
		int port = java.net.URI.create(peer.url()).getPort();
		try {
			this.contextRunner.withPropertyValues(peer("tools", peer.url()))
				.withPropertyValues("mcp.monitoring.peers.tools.check=tools-list", "mcp.monitoring.peers.tools.critical=true",
						"mcp.monitoring.peers.tools.headers.Authorization=" + TOKEN)
				.run((context) -> {
						assertThat(context).hasNotFailed();
						MeterRegistry registry = context.getBean(MeterRegistry.class);
						await().atMost(PATIENCE).untilAsserted(() -> assertUp(registry, 1));
						assertThat(registry.get(PeerMeterNames.PEER_TOOLS).tag("peer", "tools").gauge().value())
							.isEqualTo(2);
						assertThat(health(context).status()).isEqualTo("UP");
						assertThat(registry.get(PeerMeterNames.CLIENT_OPERATION_DURATION)
							.tags("peer", "tools", "mcp.method.name", "tools/list", "error.type", "none",
									"server.address", "127.0.0.1")
							.timer()
							.count()).isPositive();

						peer.stop();
						await().atMost(PATIENCE).untilAsserted(() -> assertUp(registry, 0));
						await().atMost(PATIENCE).untilAsserted(() -> assertThat(registry
							.get(PeerMeterNames.PEER_CONSECUTIVE_FAILURES).tag("peer", "tools").gauge().value())
							.isGreaterThanOrEqualTo(2));
						BootHealth.ComponentHealth down = health(context);
						assertThat(down.status()).as("a critical peer down").isEqualTo("DOWN");
						assertThat(peerDetails(down)).containsEntry("state", PeerState.DOWN.name())
							.containsEntry("lastErrorType", "connection_refused")
							.containsEntry("critical", true)
							.containsKey("lastCheckedAt");

						peer.start();
						await().atMost(PATIENCE).untilAsserted(() -> assertUp(registry, 1));
						assertThat(health(context).status()).isEqualTo("UP");
						assertThat(peer.authorizations()).isNotEmpty().containsOnly(TOKEN);
						assertThat(String.valueOf(health(context).details())).doesNotContain("s3cr3t");
					});
		}
		finally {
			peer.stop();
		}
		assertThat(output).doesNotContain("s3cr3t");
		// Once down (a stopping server answers 503 before its port closes), once back: never per failed probe.
		assertThat(output).containsOnlyOnce("'tools' at 127.0.0.1:" + port + " is down: ")
			.containsOnlyOnce("'tools' at 127.0.0.1:" + port + " answers again after ");
	}

	@Test
	void peerDownFiresAndResolvesInProcess() throws Exception {
		RealMcpPeer peer = new RealMcpPeer(PeerTransport.STREAMABLE).start();
		try {
			this.contextRunner.withConfiguration(AutoConfigurations.of(McpSystemMemoryAutoConfiguration.class,
					McpAlertsAutoConfiguration.class))
				.withPropertyValues(peer("gateway", peer.url()))
				.withPropertyValues("mcp.monitoring.alerts.evaluation-interval=100ms",
						"mcp.monitoring.alerts.rules.peer-down.for=300ms")
				.run((context) -> {
					AlertEvaluator evaluator = context.getBean(AlertEvaluator.class);
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					await().atMost(PATIENCE).untilAsserted(() -> assertUp(registry, "gateway", 1));
					assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();

					peer.stop();
					await().atMost(PATIENCE)
						.untilAsserted(() -> assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
							.satisfies((alert) -> {
								assertThat(alert.name()).isEqualTo("McpPeerDown");
								assertThat(alert.labels()).containsEntry("peer", "gateway");
							}));

					peer.start();
					await().atMost(PATIENCE)
						.untilAsserted(() -> assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty());
					assertThat(evaluator.transitions(100)).extracting(AlertTransition::alertName)
						.contains("McpPeerDown");
					assertThat(evaluator.transitions(100)).extracting(AlertTransition::to)
						.contains(AlertState.PENDING, AlertState.FIRING, AlertState.RESOLVED);
				});
		}
		finally {
			peer.stop();
		}
	}

	@Test
	void aPeerThatIsNotCriticalIsOnlyAWarning() throws Exception {
		this.contextRunner.withPropertyValues(peer("optional", "http://127.0.0.1:" + closedPort() + "/mcp"))
			.run((context) -> {
				await().atMost(PATIENCE)
					.untilAsserted(() -> assertUp(context.getBean(MeterRegistry.class), "optional", 0));
				BootHealth.ComponentHealth health = health(context);
				assertThat(health.status()).isEqualTo("UP");
				assertThat(health.details()).containsEntry("level", "warning");
			});
	}

	@Test
	void anInvalidUrlFailsStartupNamingItsKey() {
		this.contextRunner.withPropertyValues("mcp.monitoring.peers.bad.url=ftp://example.org/mcp")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mcp.monitoring.peers.bad.url"));
	}

	@Test
	void healthComponentCanBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues(peer("a", "http://127.0.0.1:9/mcp"))
			.withPropertyValues("management.health.mcppeers.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(McpPeers.class);
				assertThat(context).doesNotHaveBean("mcpPeersHealthIndicator");
			});
	}

	private static String[] peer(String name, String url) {
		String prefix = "mcp.monitoring.peers." + name + ".";
		return new String[] { prefix + "url=" + url, prefix + "interval=200ms", prefix + "timeout=5s" };
	}

	private static void assertUp(MeterRegistry registry, double expected) {
		assertUp(registry, "tools", expected);
	}

	private static void assertUp(MeterRegistry registry, String peer, double expected) {
		assertThat(registry.get(PeerMeterNames.PEER_UP).tag("peer", peer).gauge().value()).isEqualTo(expected);
	}

	private static BootHealth.ComponentHealth health(org.springframework.context.ApplicationContext context) {
		return BootHealth.component(context, "mcpPeersHealthIndicator");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> peerDetails(BootHealth.ComponentHealth health) {
		return (Map<String, Object>) ((Map<String, Object>) health.details().get("peers")).get("tools");
	}

	private static int closedPort() throws Exception {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
