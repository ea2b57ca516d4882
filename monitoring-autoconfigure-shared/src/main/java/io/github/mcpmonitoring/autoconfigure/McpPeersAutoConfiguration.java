package io.github.mcpmonitoring.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.health.McpPeersHealthIndicator;
import io.github.mcpmonitoring.peers.McpPeers;
import io.github.mcpmonitoring.peers.PeerSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link AutoConfiguration Auto-configuration} of the synthetic probes of the peer MCP servers listed under
 * {@code mcp.monitoring.peers}: a real MCP exchange with each on the starter's scheduler, the client-side meters and
 * the {@code mcpPeers} health component, which is in no probe group unless the application puts it in one.
 */
@AutoConfiguration(after = McpMonitoringAutoConfiguration.class,
		beforeName = { "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration",
				"org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration" })
@ConditionalOnClass(name = { "io.modelcontextprotocol.client.McpAsyncClient", "reactor.core.publisher.Mono" })
@ConditionalOnBean({ MeterRegistry.class, MonitoringScheduler.class })
@ConditionalOnProperty(prefix = "mcp.monitoring", name = "enabled", matchIfMissing = true)
@Conditional(McpPeersAutoConfiguration.OnPeersCondition.class)
@EnableConfigurationProperties(McpPeersProperties.class)
public class McpPeersAutoConfiguration {

	private static final String PEERS = "mcp.monitoring.peers";

	@Bean
	@ConditionalOnMissingBean
	public McpPeers mcpPeers(McpPeersProperties properties, MeterRegistry registry, MonitoringScheduler scheduler) {
		List<PeerSettings> settings = new ArrayList<>();
		properties.getPeers().forEach((name, peer) -> settings.add(settings(name, peer)));
		return new McpPeers(settings, registry, Clock.systemUTC()).scheduleOn(scheduler);
	}

	private static PeerSettings settings(String name, McpPeersProperties.Peer peer) {
		return SettingKeys.under(PEERS + "." + name)
			.build(() -> new PeerSettings(name, peer.getUrl(), peer.getTransport(), peer.getCheck(),
					peer.getInterval(), peer.getTimeout(), peer.getHeaders(), peer.isCritical()));
	}

	/**
	 * The {@code mcpPeers} health component, where Spring Boot's health support is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = BootGeneration.HEALTH_INDICATOR)
	static class PeersHealthConfiguration {

		@Bean
		@ConditionalOnEnabledMcpHealthIndicator("mcppeers")
		@ConditionalOnMissingBean(name = "mcpPeersHealthIndicator")
		McpPeersHealthIndicator mcpPeersHealthIndicator(McpPeers peers) {
			return new McpPeersHealthIndicator(peers);
		}

	}

	/**
	 * Matches when at least one peer is configured.
	 */
	static class OnPeersCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, Object> peers = Binder.get(context.getEnvironment())
				.bind(PEERS, Bindable.mapOf(String.class, Object.class))
				.orElse(Map.of());
			return peers.isEmpty() ? ConditionOutcome.noMatch("no peer under " + PEERS)
					: ConditionOutcome.match(peers.size() + " peers under " + PEERS);
		}

	}

}
