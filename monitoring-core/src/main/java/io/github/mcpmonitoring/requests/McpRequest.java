package io.github.mcpmonitoring.requests;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mcpmonitoring.core.ConnectionTags;
import io.github.mcpmonitoring.tracing.McpRequestObservation;
import io.micrometer.observation.Observation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * One JSON-RPC request the request layer sees, from its arrival to its answer. It travels in the MCP SDK's own
 * transport context, so that the tool call handlers find it: a {@code tools/call} they record is
 * {@link #recordedByToolLayer() marked} and not counted a second time by the request layer, and they take the
 * protocol version and transport of their tags from it.
 */
public final class McpRequest {

	/** The key under which the transport context of a request answers this record. */
	static final String CONTEXT_KEY = McpRequest.class.getName();

	private final String method;

	private final Object id;

	private final Object params;

	private final long startTime;

	private final McpSession session;

	private final ConnectionTags connection;

	private final boolean toolMdc;

	private final AtomicBoolean finished = new AtomicBoolean();

	private volatile boolean recordedByToolLayer;

	private String sessionId;

	private McpRequestObservation observation;

	private volatile Throwable toolFailure;

	McpRequest(String method, Object id, Object params, long startTime, McpSession session, ConnectionTags connection,
			boolean toolMdc) {
		this.method = method;
		this.id = id;
		this.params = params;
		this.startTime = startTime;
		this.session = session;
		this.connection = connection;
		this.toolMdc = toolMdc;
	}

	/**
	 * Return the request a tool call handler answers, read from what the handler receives. Never throws.
	 * @param exchangeOrContext the handler's exchange ({@code McpSyncServerExchange}, {@code McpAsyncServerExchange})
	 * or transport context (stateless servers)
	 * @return the request, or {@code null} when the call did not arrive through the request layer
	 */
	public static McpRequest of(Object exchangeOrContext) {
		try {
			McpTransportContext context = null;
			if (exchangeOrContext instanceof McpSyncServerExchange exchange) {
				context = exchange.transportContext();
			}
			else if (exchangeOrContext instanceof McpAsyncServerExchange exchange) {
				context = exchange.transportContext();
			}
			else if (exchangeOrContext instanceof McpTransportContext transportContext) {
				context = transportContext;
			}
			return (context != null && context.get(CONTEXT_KEY) instanceof McpRequest request) ? request : null;
		}
		catch (RuntimeException ex) {
			// An application's own exchange or context that fails to answer: the call is recorded without it.
			return null;
		}
	}

	/**
	 * Note that the tool layer records this {@code tools/call}, so that the request layer does not.
	 */
	public void recordedByToolLayer() {
		this.recordedByToolLayer = true;
	}

	/**
	 * Return the protocol version and transport the request arrived on.
	 * @return the connection tags
	 */
	public ConnectionTags connection() {
		return this.connection;
	}

	/**
	 * Return the observation of the request, under which the tool runs so that its spans are children of the
	 * request's.
	 * @return the observation, {@link Observation#NOOP} when the request is not traced
	 */
	public Observation observation() {
		McpRequestObservation started = this.observation;
		return (started != null) ? started.observation() : Observation.NOOP;
	}

	/**
	 * Return whether a tool answering the request runs with its name and the session id in the MDC.
	 * @return whether the MDC carries them
	 */
	public boolean toolMdc() {
		return this.toolMdc;
	}

	/**
	 * Return the MCP session id of the request.
	 * @return the session id, or {@code null} when the transport has none
	 */
	public String sessionId() {
		return this.sessionId;
	}

	/**
	 * Hand the exception a tool threw to the request, so that its span fails with it whatever the SDK answers.
	 * @param failure the tool's exception
	 */
	public void toolFailed(Throwable failure) {
		this.toolFailure = failure;
	}

	Throwable toolFailure() {
		return this.toolFailure;
	}

	/** Set when the request arrives, before it travels on. */
	void arrivedInSession(String sessionId) {
		this.sessionId = sessionId;
	}

	/** Set when the request arrives, before it travels on. */
	void observed(McpRequestObservation observation) {
		this.observation = observation;
	}

	McpRequestObservation startedObservation() {
		return this.observation;
	}

	boolean isRecordedByToolLayer() {
		return this.recordedByToolLayer;
	}

	String method() {
		return this.method;
	}

	Object id() {
		return this.id;
	}

	Object params() {
		return this.params;
	}

	long startTime() {
		return this.startTime;
	}

	McpSession session() {
		return this.session;
	}

	/** Return {@code true} the first time only: a request is recorded once, whichever signal ends it first. */
	boolean finish() {
		return this.finished.compareAndSet(false, true);
	}

}
