package io.github.mcpmonitoring.requests;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.mcpmonitoring.core.ConnectionTags;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.OperationTags;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.failures.FailureClass;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The meters of the request layer: {@code mcp.server.operation.duration} of every request the tool layer does not
 * record, {@code mcp.server.session.duration} and {@code mcp.server.session.active} of stateful transports, and, on
 * opt-in, {@code mcp.server.client.requests}. Every tag value is bounded: method, tool and prompt names a client
 * sent become {@code _OTHER} unless the server knows them. Meters of successful requests are resolved once per
 * method, name and connection, so recording one builds no tags. Never throws: a recording failure is logged once.
 */
public final class McpRequestMetrics {

	/** Value of {@code mcp.client.name} for a client outside the allow-list. */
	static final String OTHER_CLIENT = "other";

	private static final String MISSING_HANDLER = "Missing handler for request type";

	private final MeterRegistry registry;

	private final Clock clock;

	private final OperationTags operationTags;

	private final Predicate<String> registeredTools;

	private final Function<String, String> resourceUris;

	private final boolean clients;

	private final Set<String> allowedClients;

	private final RequestObserver observer;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	private final Set<String> answeredPrompts = ConcurrentHashMap.newKeySet();

	private final Map<String, Map<String, Map<ConnectionTags, Timer>>> succeeded = new ConcurrentHashMap<>();

	private final Map<FailedKey, Timer> failed = new ConcurrentHashMap<>();

	private final Map<ConnectionTags, Timer> sessionDurations = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> activeSessions = new ConcurrentHashMap<>();

	private final Map<ClientKey, Counter> clientRequests = new ConcurrentHashMap<>();

	/**
	 * Create the meters.
	 * @param registry where the meters are registered
	 * @param operationTags the tag keys of {@code mcp.server.operation.duration}
	 * @param registeredTools whether the server has a tool of a name
	 * @param resourceUris the registered resource template or static URI a requested URI matches, {@code _OTHER} when
	 * none does; asked only when {@code mcp.resource.uri} is a key
	 * @param clients whether requests are counted per client
	 * @param allowedClients the client names counted under their own name; the others are {@code other}
	 */
	public McpRequestMetrics(MeterRegistry registry, OperationTags operationTags, Predicate<String> registeredTools,
			Function<String, String> resourceUris, boolean clients, Collection<String> allowedClients) {
		this(registry, operationTags, registeredTools, resourceUris, clients, allowedClients, null);
	}

	/**
	 * Create the meters, and the spans and access-log lines of requests.
	 * @param registry where the meters are registered
	 * @param operationTags the tag keys of {@code mcp.server.operation.duration}
	 * @param registeredTools whether the server has a tool of a name
	 * @param resourceUris the registered resource template or static URI a requested URI matches, {@code _OTHER} when
	 * none does; asked only when {@code mcp.resource.uri} is a key
	 * @param clients whether requests are counted per client
	 * @param allowedClients the client names counted under their own name; the others are {@code other}
	 * @param observer the spans and access log of requests, or {@code null} when there are neither
	 */
	public McpRequestMetrics(MeterRegistry registry, OperationTags operationTags, Predicate<String> registeredTools,
			Function<String, String> resourceUris, boolean clients, Collection<String> allowedClients,
			RequestObserver observer) {
		this.observer = (observer != null && observer.isActive()) ? observer : null;
		this.registry = registry;
		this.clock = registry.config().clock();
		this.operationTags = operationTags;
		this.registeredTools = registeredTools;
		this.resourceUris = resourceUris;
		this.clients = clients;
		this.allowedClients = Set.copyOf(allowedClients);
	}

	/**
	 * Register the gauge of active sessions of a stateful transport, at zero until a session opens.
	 * @param transport the value of {@code network.transport}
	 */
	void trackSessions(String transport) {
		try {
			activeSessions(transport);
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpMeterNames.SESSION_ACTIVE, ex);
		}
	}

	/**
	 * A session that has not negotiated anything yet.
	 * @param transport the value of {@code network.transport}
	 * @param counted whether the transport tells when the session ends, so that it is counted in the session meters
	 * @param knownVersions the protocol versions the server knows
	 */
	McpSession newSession(String transport, boolean counted, List<String> knownVersions) {
		return new McpSession(this.operationTags.connection("", transport), counted, knownVersions);
	}

	/** The connection of a stateless transport: no session, no protocol version. */
	ConnectionTags statelessConnection(String transport) {
		return this.operationTags.connection("", transport);
	}

	/** A request that arrived now. */
	McpRequest start(String method, Object params, McpSession session, ConnectionTags connection, Object id) {
		return start(method, params, session, connection, id, null);
	}

	/** A request that arrived now in a session of an id. */
	McpRequest start(String method, Object params, McpSession session, ConnectionTags connection, Object id,
			String sessionId) {
		McpRequest request = new McpRequest(method, id, params, this.clock.monotonicTime(), session, connection,
				this.observer != null && this.observer.toolMdc());
		// For the MDC of a running tool too, with or without spans.
		request.arrivedInSession(sessionId);
		if (this.observer != null) {
			observe(request, sessionId);
		}
		return request;
	}

	private void observe(McpRequest request, String sessionId) {
		try {
			String method = McpMethods.bounded(request.method(), null);
			request.observed(this.observer.start(method, target(request, method), request.id(), sessionId,
					request.connection().protocolVersion(), request.connection().transport(), request.params()));
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed("the request's span", ex);
		}
	}

	private String target(McpRequest request, String method) {
		if (McpMeterNames.METHOD_TOOLS_CALL.equals(method)) {
			return tool(request);
		}
		return McpMethods.PROMPTS_GET.equals(method) ? prompt(request) : null;
	}

	/**
	 * Take what {@code initialize} negotiated for a session and count the session as open.
	 * @param session the session
	 * @param protocolVersion the protocol version of the server's answer
	 * @param knownVersions the versions the server knows; any other becomes {@code _OTHER}
	 * @param clientName the client's name from its {@code clientInfo}, or {@code null}
	 */
	void initialized(McpSession session, String protocolVersion, List<String> knownVersions, String clientName) {
		try {
			String version = (protocolVersion == null) ? ""
					: knownVersions.contains(protocolVersion) ? protocolVersion : McpMeterNames.OTHER_VALUE;
			ConnectionTags connection = this.operationTags.connection(version, session.connection().transport());
			if (session.open(connection, boundedClient(clientName), this.clock.monotonicTime()) && session.counted()) {
				activeSessions(connection.transport()).incrementAndGet();
			}
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpMeterNames.SESSION_ACTIVE, ex);
		}
	}

	/** Count a session as ended, the first time it ends only. */
	void sessionEnded(McpSession session) {
		try {
			if (!session.counted() || !session.end()) {
				return;
			}
			ConnectionTags connection = session.connection();
			activeSessions(connection.transport()).decrementAndGet();
			sessionDuration(connection).record(this.clock.monotonicTime() - session.openTime(), TimeUnit.NANOSECONDS);
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpMeterNames.SESSION_DURATION, ex);
		}
	}

	/**
	 * Record a request the server answered.
	 * @param request the request
	 * @param result the result of the answer, or {@code null}
	 * @param error the JSON-RPC error of the answer, or {@code null}
	 */
	void answered(McpRequest request, Object result, McpSchema.JSONRPCResponse.JSONRPCError error) {
		try {
			Integer code = (error != null)
					? ((error.code() != null) ? error.code() : McpSchema.ErrorCodes.INTERNAL_ERROR) : null;
			record(request, result, code);
		}
		catch (Throwable ex) {
			// An Error too: a failure to record must never change the answer the client gets.
			this.failureLog.recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
		}
	}

	/**
	 * Record a request whose answer failed before it reached the transport, as the SDK answers such a failure: with
	 * the failure's JSON-RPC error code, or an internal error.
	 * @param request the request
	 * @param failure the failure
	 */
	void failed(McpRequest request, Throwable failure) {
		try {
			record(request, null, code(failure));
		}
		catch (Throwable ex) {
			// An Error too: the failure the transport answers stays the handler's own.
			this.failureLog.recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
		}
	}

	private void record(McpRequest request, Object result, Integer code) {
		if (!request.finish()) {
			return;
		}
		long duration = this.clock.monotonicTime() - request.startTime();
		try {
			if (code == null) {
				succeeded(request, result, duration);
			}
			else {
				failed(request, code, duration);
			}
		}
		finally {
			if (this.observer != null) {
				observed(request, result, code, duration);
			}
		}
	}

	/** Stop the request's span and write its access-log line, with the values of its metric attributes. */
	private void observed(McpRequest request, Object result, Integer code, long duration) {
		try {
			String method = McpMethods.bounded(request.method(), code);
			String target = target(request, method);
			Throwable toolFailure = request.toolFailure();
			String errorType = ErrorTypes.NONE;
			String origin = McpMeterNames.ORIGIN_NONE;
			String status = null;
			if (code != null) {
				status = Integer.toString(code);
				boolean clientMistake = DefaultFailureClassifier.isClientJsonRpcError(code);
				origin = clientMistake ? FailureClass.CLIENT_MISTAKE.origin() : FailureClass.OTHER.origin();
				errorType = clientMistake ? ErrorTypes.NONE
						: (toolFailure != null) ? ErrorTypes.of(toolFailure) : status;
			}
			else if (isErrorResult(result)) {
				origin = FailureClass.OTHER.origin();
				errorType = (toolFailure != null) ? ErrorTypes.of(toolFailure) : ErrorTypes.TOOL_ERROR;
			}
			this.observer.end(request, result, method, target, duration, errorType, origin, status);
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed("the request's span", ex);
		}
	}

	private static int code(Throwable failure) {
		if (failure instanceof McpError mcpError) {
			if (mcpError.getJsonRpcError() != null && mcpError.getJsonRpcError().code() != null) {
				return mcpError.getJsonRpcError().code();
			}
			// SDK 0.18's stateless server answers a method it has no handler for with a bare McpError.
			String message = mcpError.getMessage();
			if (message != null && message.startsWith(MISSING_HANDLER)) {
				return McpSchema.ErrorCodes.METHOD_NOT_FOUND;
			}
		}
		return McpSchema.ErrorCodes.INTERNAL_ERROR;
	}

	private void succeeded(McpRequest request, Object result, long duration) {
		String method = McpMethods.bounded(request.method(), null);
		String tool = "";
		String name = "";
		if (McpMeterNames.METHOD_TOOLS_CALL.equals(method)) {
			// Recorded by the tool layer, or on SDK 2.0 by the input-validation hook when the arguments were rejected.
			countClient(request, method, tool(request), isErrorResult(result) ? FailureClass.OTHER.origin()
					: McpMeterNames.ORIGIN_NONE);
			return;
		}
		if (McpMethods.INITIALIZE.equals(method) && result instanceof McpSchema.InitializeResult initializeResult
				&& request.session() != null) {
			initialized(request.session(), initializeResult.protocolVersion(), request.session().knownVersions(),
					clientName(request.params()));
		}
		if (McpMethods.PROMPTS_GET.equals(method)) {
			name = McpMethods.stringParam(request.params(), "name");
			if (name != null) {
				// The server found a prompt of that name: its prompts are finite.
				this.answeredPrompts.add(name);
			}
			name = (name != null) ? name : "";
		}
		String uri = resourceUri(method, request);
		ConnectionTags connection = connection(request, method);
		successTimer(method, McpMethods.PROMPTS_GET.equals(method) ? name : uri, connection).record(duration,
				TimeUnit.NANOSECONDS);
		countClient(request, method, tool, McpMeterNames.ORIGIN_NONE);
	}

	private void failed(McpRequest request, int code, long duration) {
		String method = McpMethods.bounded(request.method(), code);
		String status = Integer.toString(code);
		boolean clientMistake = DefaultFailureClassifier.isClientJsonRpcError(code);
		String origin = clientMistake ? FailureClass.CLIENT_MISTAKE.origin() : FailureClass.OTHER.origin();
		String tool = McpMeterNames.METHOD_TOOLS_CALL.equals(method) ? tool(request) : "";
		countClient(request, method, tool, origin);
		if (McpMeterNames.METHOD_TOOLS_CALL.equals(method) && request.isRecordedByToolLayer()) {
			return;
		}
		String prompt = McpMethods.PROMPTS_GET.equals(method) ? prompt(request) : "";
		FailedKey key = new FailedKey(method, tool, prompt, resourceUri(method, request),
				clientMistake ? "" : status, origin, status, connection(request, method));
		Timer timer = this.failed.get(key);
		if (timer == null) {
			timer = this.failed.computeIfAbsent(key, this::failedTimer);
		}
		timer.record(duration, TimeUnit.NANOSECONDS);
	}

	private Timer successTimer(String method, String name, ConnectionTags connection) {
		Map<ConnectionTags, Timer> timers = this.succeeded
			.computeIfAbsent(method, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (key) -> new ConcurrentHashMap<>());
		Timer timer = timers.get(connection);
		if (timer != null) {
			return timer;
		}
		boolean prompt = McpMethods.PROMPTS_GET.equals(method);
		return timers.computeIfAbsent(connection,
				(key) -> register(method, "", prompt ? name : "", prompt ? "" : name, ErrorTypes.NONE,
						McpMeterNames.ORIGIN_NONE, "", key));
	}

	private Timer failedTimer(FailedKey key) {
		return register(key.method(), key.tool(), key.prompt(), key.resourceUri(), key.errorType(), key.origin(),
				key.status(), key.connection());
	}

	private Timer register(String method, String tool, String prompt, String resourceUri, String errorType,
			String origin, String status, ConnectionTags connection) {
		Timer.Builder builder = Timer.builder(McpMeterNames.OPERATION_DURATION)
			.description("Duration of MCP server operations")
			.serviceLevelObjectives(McpMeterNames.durationBuckets());
		return this.operationTags
			.tag(builder, method, tool, prompt, resourceUri, errorType, origin, status, connection)
			.register(this.registry);
	}

	/** The connection of the request; initialize takes the version its answer negotiated. */
	private static ConnectionTags connection(McpRequest request, String method) {
		if (McpMethods.INITIALIZE.equals(method) && request.session() != null) {
			return request.session().connection();
		}
		return request.connection();
	}

	private String tool(McpRequest request) {
		String name = McpMethods.stringParam(request.params(), "name");
		return (name != null && this.registeredTools.test(name)) ? name : McpMeterNames.OTHER_VALUE;
	}

	private String prompt(McpRequest request) {
		String name = McpMethods.stringParam(request.params(), "name");
		return (name != null && this.answeredPrompts.contains(name)) ? name : McpMeterNames.OTHER_VALUE;
	}

	private String resourceUri(String method, McpRequest request) {
		if (!this.operationTags.resourceUri() || !McpMethods.RESOURCES_READ.equals(method)) {
			return "";
		}
		String uri = McpMethods.stringParam(request.params(), "uri");
		String template = (uri != null) ? this.resourceUris.apply(uri) : null;
		return (template != null) ? template : McpMeterNames.OTHER_VALUE;
	}

	private static boolean isErrorResult(Object result) {
		return result instanceof McpSchema.CallToolResult callToolResult
				&& Boolean.TRUE.equals(callToolResult.isError());
	}

	private static String clientName(Object params) {
		if (params instanceof McpSchema.InitializeRequest initializeRequest) {
			return (initializeRequest.clientInfo() != null) ? initializeRequest.clientInfo().name() : null;
		}
		if (params instanceof Map<?, ?> map && map.get("clientInfo") instanceof Map<?, ?> clientInfo
				&& clientInfo.get("name") instanceof String name) {
			return name;
		}
		return null;
	}

	private String boundedClient(String clientName) {
		if (clientName == null) {
			return "";
		}
		return this.allowedClients.contains(clientName) ? clientName : OTHER_CLIENT;
	}

	private void countClient(McpRequest request, String method, String tool, String origin) {
		if (!this.clients) {
			return;
		}
		String client = (request.session() != null) ? request.session().clientName() : "";
		ClientKey key = new ClientKey(client, method, tool, origin);
		Counter counter = this.clientRequests.get(key);
		if (counter == null) {
			counter = this.clientRequests.computeIfAbsent(key,
					(k) -> Counter.builder(McpMeterNames.CLIENT_REQUESTS)
						.description("MCP requests per client")
						.tag(McpMeterNames.TAG_CLIENT_NAME, k.client())
						.tag(McpMeterNames.TAG_METHOD, k.method())
						.tag(McpMeterNames.TAG_TOOL, k.tool())
						.tag(McpMeterNames.TAG_ERROR_ORIGIN, k.origin())
						.register(this.registry));
		}
		counter.increment();
	}

	private AtomicInteger activeSessions(String transport) {
		AtomicInteger active = this.activeSessions.get(transport);
		if (active != null) {
			return active;
		}
		return this.activeSessions.computeIfAbsent(transport, (key) -> {
			AtomicInteger count = new AtomicInteger();
			Gauge.builder(McpMeterNames.SESSION_ACTIVE, count, AtomicInteger::get)
				.description("MCP sessions open now")
				.tag(McpMeterNames.TAG_TRANSPORT, key)
				.strongReference(true)
				.register(this.registry);
			return count;
		});
	}

	private Timer sessionDuration(ConnectionTags connection) {
		Timer timer = this.sessionDurations.get(connection);
		if (timer != null) {
			return timer;
		}
		return this.sessionDurations.computeIfAbsent(connection,
				(key) -> Timer.builder(McpMeterNames.SESSION_DURATION)
					.description("Duration of MCP sessions")
					.serviceLevelObjectives(McpMeterNames.durationBuckets())
					.tag(McpMeterNames.TAG_TRANSPORT, key.transport())
					.tag(McpMeterNames.TAG_PROTOCOL_VERSION, key.protocolVersion())
					.register(this.registry));
	}

	private record FailedKey(String method, String tool, String prompt, String resourceUri, String errorType,
			String origin, String status, ConnectionTags connection) {
	}

	private record ClientKey(String client, String method, String tool, String origin) {
	}

}
