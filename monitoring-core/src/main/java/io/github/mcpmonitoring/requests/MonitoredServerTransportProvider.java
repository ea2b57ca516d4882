package io.github.mcpmonitoring.requests;

import java.util.List;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;

/**
 * A transport provider of the SSE or stdio kind that records every request of its sessions: it hands the server's
 * session factory on wrapped, so that each session is a {@link MonitoredServerSession} over a transport that shows
 * the session's responses. Everything else is the decorated provider's.
 */
public final class MonitoredServerTransportProvider implements McpServerTransportProvider {

	private final McpServerTransportProvider delegate;

	private final McpRequestMetrics metrics;

	private final String transport;

	private final boolean countsSessions;

	/**
	 * Decorate a provider.
	 * @param delegate the provider
	 * @param metrics where requests and sessions are recorded
	 * @param transport the value of {@code network.transport}
	 * @param countsSessions whether the provider closes the sessions whose client went away, so that they can be
	 * counted in the session meters; Spring AI's SSE transports forget such a session without closing it
	 */
	public MonitoredServerTransportProvider(McpServerTransportProvider delegate, McpRequestMetrics metrics,
			String transport, boolean countsSessions) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.transport = transport;
		this.countsSessions = countsSessions;
		if (countsSessions) {
			metrics.trackSessions(transport);
		}
	}

	/**
	 * Return the decorated provider.
	 * @return the provider
	 */
	public McpServerTransportProvider delegate() {
		return this.delegate;
	}

	@Override
	public void setSessionFactory(McpServerSession.Factory sessionFactory) {
		this.delegate.setSessionFactory((sessionTransport) -> {
			ResponseWatchingServerTransport watched = new ResponseWatchingServerTransport(sessionTransport,
					this.metrics);
			McpServerSession session = sessionFactory.create(watched);
			return new MonitoredServerSession(session, watched,
					this.metrics.newSession(this.transport, this.countsSessions, protocolVersions()), this.metrics);
		});
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
