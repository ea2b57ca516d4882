package io.github.mcpmonitoring.requests;

import java.util.List;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Mono;

/**
 * A streamable HTTP transport provider that records every request of its sessions: it hands the server's session
 * factory on wrapped, so that {@code initialize} is timed over the SDK's own initialization and each session is a
 * {@link MonitoredStreamableServerSession}. Everything else is the decorated provider's.
 */
public final class MonitoredStreamableServerTransportProvider implements McpStreamableServerTransportProvider {

	private final McpStreamableServerTransportProvider delegate;

	private final McpRequestMetrics metrics;

	private final String transport;

	/**
	 * Decorate a provider.
	 * @param delegate the provider
	 * @param metrics where requests and sessions are recorded
	 * @param transport the value of {@code network.transport}
	 */
	public MonitoredStreamableServerTransportProvider(McpStreamableServerTransportProvider delegate,
			McpRequestMetrics metrics, String transport) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.transport = transport;
		metrics.trackSessions(transport);
	}

	/**
	 * Return the decorated provider.
	 * @return the provider
	 */
	public McpStreamableServerTransportProvider delegate() {
		return this.delegate;
	}

	@Override
	public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
		this.delegate.setSessionFactory((initializeRequest) -> startSession(sessionFactory, initializeRequest));
	}

	private McpStreamableServerSession.McpStreamableServerSessionInit startSession(
			McpStreamableServerSession.Factory sessionFactory, McpSchema.InitializeRequest initializeRequest) {
		McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(initializeRequest);
		McpSession session = this.metrics.newSession(this.transport, true, protocolVersions());
		Mono<McpSchema.InitializeResult> initResult = Mono.defer(() -> {
			McpRequest request = this.metrics.start(McpMethods.INITIALIZE, initializeRequest, session,
					session.connection(), null, init.session().getId());
			return init.initResult()
				.doOnSuccess((result) -> this.metrics.answered(request, result, null))
				.doOnError((ex) -> this.metrics.failed(request, ex));
		});
		return new McpStreamableServerSession.McpStreamableServerSessionInit(
				new MonitoredStreamableServerSession(init.session(), session, this.metrics), initResult);
	}

	@Override
	public Mono<Void> notifyClients(String method, Object params) {
		return this.delegate.notifyClients(method, params);
	}

	/**
	 * Send a notification to one session's client, as the decorated provider does (MCP SDK 2.0 and later; on older
	 * lines, where the provider has no such method, nothing is sent).
	 * @param sessionId the session
	 * @param method the notification method
	 * @param params its parameters
	 * @return the decorated provider's answer
	 */
	public Mono<Void> notifyClient(String sessionId, String method, Object params) {
		return ProviderMethods.notifyClient(this.delegate, sessionId, method, params);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully();
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

}
