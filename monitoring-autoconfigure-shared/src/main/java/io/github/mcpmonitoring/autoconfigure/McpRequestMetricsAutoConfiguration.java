package io.github.mcpmonitoring.autoconfigure;

import java.util.Arrays;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.requests.McpRequestMetrics;
import io.github.mcpmonitoring.requests.McpTransports;
import io.github.mcpmonitoring.requests.MonitoredServerTransportProvider;
import io.github.mcpmonitoring.requests.MonitoredStatelessServerTransport;
import io.github.mcpmonitoring.requests.MonitoredStreamableServerTransportProvider;
import io.github.mcpmonitoring.requests.RequestObserver;
import io.github.mcpmonitoring.requests.ResourceSpecificationsCollector;
import io.github.mcpmonitoring.requests.ResourceUriTemplates;
import io.github.mcpmonitoring.tracing.McpAccessLog;
import io.github.mcpmonitoring.tracing.McpRequestObservations;
import io.github.mcpmonitoring.tracing.ToolContentCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@link AutoConfiguration Auto-configuration} of the request layer: the MCP server's transport (the provider of a
 * stateful server, or the stateless transport) is replaced, for the server only, by a {@code @Primary} decorator that
 * records every request, its answer and the sessions. It backs off when there is not exactly one transport to
 * decorate, and says so once at INFO.
 */
@AutoConfiguration(after = { McpMonitoringAutoConfiguration.class, McpToolMetricsAutoConfiguration.class },
		afterName = { "org.springframework.ai.mcp.server.common.autoconfigure.McpServerAutoConfiguration",
				"org.springframework.ai.mcp.server.common.autoconfigure.McpServerStatelessAutoConfiguration",
				"org.springframework.ai.mcp.server.autoconfigure.McpServerSseWebMvcAutoConfiguration",
				"org.springframework.ai.mcp.server.autoconfigure.McpServerStreamableHttpWebMvcAutoConfiguration",
				"org.springframework.ai.mcp.server.autoconfigure.McpServerStatelessWebMvcAutoConfiguration",
				"org.springframework.ai.mcp.server.autoconfigure.McpServerSseWebFluxAutoConfiguration",
				"org.springframework.ai.mcp.server.autoconfigure.McpServerStreamableHttpWebFluxAutoConfiguration",
				"org.springframework.ai.mcp.server.autoconfigure.McpServerStatelessWebFluxAutoConfiguration",
				"org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerSseWebMvcAutoConfiguration",
				"org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerStreamableHttpWebMvcAutoConfiguration",
				"org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerStatelessWebMvcAutoConfiguration",
				"org.springframework.ai.mcp.server.webflux.autoconfigure.McpServerSseWebFluxAutoConfiguration",
				"org.springframework.ai.mcp.server.webflux.autoconfigure.McpServerStreamableHttpWebFluxAutoConfiguration",
				"org.springframework.ai.mcp.server.webflux.autoconfigure.McpServerStatelessWebFluxAutoConfiguration" })
@ConditionalOnClass(name = { "io.modelcontextprotocol.spec.McpServerTransportProviderBase",
		"reactor.core.publisher.Mono" })
@ConditionalOnBean({ MeterRegistry.class, ToolCallMetrics.class })
@ConditionalOnProperty(prefix = "mcp.monitoring.requests", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ McpRequestsProperties.class, McpTracingProperties.class })
public class McpRequestMetricsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(McpRequestMetricsAutoConfiguration.class);

	static final String PROVIDER_BEAN = "mcpMonitoredTransportProvider";

	static final String STATELESS_BEAN = "mcpMonitoredStatelessTransport";

	@Bean
	@ConditionalOnMissingBean
	public ResourceUriTemplates mcpResourceUriTemplates() {
		return new ResourceUriTemplates();
	}

	/**
	 * Notes the resources the server is built with, for the opt-in resource URI tag.
	 * @param templates supplies where they are noted
	 * @return the collector
	 */
	@Bean
	@ConditionalOnProperty(prefix = "mcp.monitoring.requests.resource-uri", name = "enabled")
	public static ResourceSpecificationsCollector mcpResourceSpecificationsCollector(
			ObjectProvider<ResourceUriTemplates> templates) {
		return new ResourceSpecificationsCollector(templates::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	public McpRequestMetrics mcpRequestMetrics(MeterRegistry registry, ToolCallMetrics toolCallMetrics,
			McpRequestsProperties properties, ResourceUriTemplates resourceUris,
			ObjectProvider<McpRequestObservations> observations, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<McpAccessLog> accessLog, ObjectProvider<ToolContentCapture> contentCapture,
			McpTracingProperties tracingProperties) {
		McpRequestsProperties.Clients clients = properties.getClients();
		McpRequestObservations requestObservations = observations.getIfAvailable();
		RequestObserver observer = new RequestObserver(requestObservations, observationRegistry.getIfAvailable(),
				accessLog.getIfAvailable(), contentCapture.getIfAvailable(),
				toolMdc(tracingProperties, requestObservations != null));
		return new McpRequestMetrics(registry, toolCallMetrics.operationTags(), toolCallMetrics::isRegisteredTool,
				resourceUris::match, clients.isEnabled(), clients.getAllowed(), observer);
	}

	/** Whether tools run with their name and session in the MDC: as configured, or whenever requests are traced. */
	private static boolean toolMdc(McpTracingProperties properties, boolean traced) {
		Boolean configured = properties.getToolMdc().getEnabled();
		return (configured != null) ? configured : traced;
	}

	/**
	 * The provider of a stateful server, decorated. The provider is looked up by name, not injected, since this bean
	 * is a candidate of the same type.
	 * @param beanFactory where the provider is
	 * @param metrics where requests and sessions are recorded
	 * @return the decorated provider
	 */
	@Bean(PROVIDER_BEAN)
	@Primary
	@ConditionalOnSingleCandidate(McpServerTransportProviderBase.class)
	public McpServerTransportProviderBase mcpMonitoredTransportProvider(ListableBeanFactory beanFactory,
			McpRequestMetrics metrics) {
		McpServerTransportProviderBase provider = theOther(beanFactory, McpServerTransportProviderBase.class,
				PROVIDER_BEAN);
		String transport = McpTransports.of(provider);
		if (provider instanceof McpStreamableServerTransportProvider streamable) {
			return new MonitoredStreamableServerTransportProvider(streamable, metrics, transport);
		}
		if (provider instanceof McpServerTransportProvider sessions) {
			return new MonitoredServerTransportProvider(sessions, metrics, transport, McpTransports.isStdio(provider));
		}
		logger.info("The MCP transport provider " + provider.getClass().getName()
				+ " is of no kind the starter knows: MCP requests other than tool calls are not recorded");
		return provider;
	}

	/**
	 * The transport of a stateless server, decorated. The transport is looked up by name, not injected, since this
	 * bean is a candidate of the same type.
	 * @param beanFactory where the transport is
	 * @param metrics where requests are recorded
	 * @return the decorated transport
	 */
	@Bean(STATELESS_BEAN)
	@Primary
	@ConditionalOnSingleCandidate(McpStatelessServerTransport.class)
	public McpStatelessServerTransport mcpMonitoredStatelessTransport(ListableBeanFactory beanFactory,
			McpRequestMetrics metrics) {
		McpStatelessServerTransport transport = theOther(beanFactory, McpStatelessServerTransport.class,
				STATELESS_BEAN);
		return new MonitoredStatelessServerTransport(transport, metrics, McpTransports.of(transport));
	}

	/**
	 * Tells once, at INFO, that requests are not recorded when the server's transport could not be decorated.
	 * @param beanFactory where the transports are
	 * @return the reporter
	 */
	@Bean
	public static SmartInitializingSingleton mcpRequestMetricsReport(ListableBeanFactory beanFactory) {
		return () -> {
			boolean decorated = beanFactory.containsBean(PROVIDER_BEAN) || beanFactory.containsBean(STATELESS_BEAN);
			String[] transports = concat(beanFactory.getBeanNamesForType(McpServerTransportProviderBase.class, false,
					false), beanFactory.getBeanNamesForType(McpStatelessServerTransport.class, false, false));
			if (!decorated && transports.length > 0) {
				logger.info("MCP requests other than tool calls, and sessions, are not recorded: there is not exactly"
						+ " one MCP transport to decorate (found " + Arrays.toString(transports) + ")");
			}
		};
	}

	private static <T> T theOther(ListableBeanFactory beanFactory, Class<T> type, String ownName) {
		String[] names = Arrays.stream(beanFactory.getBeanNamesForType(type, false, false))
			.filter((name) -> !name.equals(ownName))
			.toArray(String[]::new);
		if (names.length != 1) {
			throw new IllegalStateException("Expected exactly one " + type.getSimpleName() + " bean besides "
					+ ownName + " but found " + Arrays.toString(names));
		}
		return beanFactory.getBean(names[0], type);
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
