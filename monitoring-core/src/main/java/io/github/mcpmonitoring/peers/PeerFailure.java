package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.modelcontextprotocol.spec.McpError;

/**
 * Why a probe failed: an {@code error.type} from a closed set and a description written here, never text the peer
 * sent (a hostile or broken peer decides what its answers and error messages contain).
 *
 * @param errorType the {@code error.type} of the failed operation
 * @param description what happened, for the health component and the log
 */
public record PeerFailure(String errorType, String description) {

	/** No answer within the timeout. */
	public static final String TIMEOUT = "timeout";

	/** Nothing listens on the peer's port. */
	public static final String CONNECTION_REFUSED = "connection_refused";

	/** The peer's host name does not resolve. */
	public static final String UNKNOWN_HOST = "unknown_host";

	/** The connection broke before a complete answer. */
	public static final String CONNECTION_CLOSED = "connection_closed";

	/** An answer that is not an MCP answer: not JSON-RPC, or not what was asked for. */
	public static final String INVALID_RESPONSE = "invalid_response";

	/** The peer answered {@code initialize} with a protocol version the client does not speak. */
	public static final String UNSUPPORTED_PROTOCOL_VERSION = "unsupported_protocol_version";

	/** A JSON-RPC error with a code outside the specification's. */
	public static final String JSONRPC_ERROR = "jsonrpc_error";

	/** The JSON-RPC error codes of the specification and MCP, kept as {@code error.type} as the conventions say. */
	private static final Set<Integer> KNOWN_CODES = Set.of(-32700, -32600, -32601, -32602, -32603, -32002, -32001,
			-32000);

	private static final int MAX_CAUSES = 16;

	/** Classes named in a description at most: the outermost and the causes closest to it. */
	private static final int MAX_NAMED_CAUSES = 4;

	/**
	 * Classify the failure of a probe.
	 * @param failure what the probe ended with
	 * @param httpStatus the status of the first failed HTTP answer, or of the last answer, or
	 * {@link ObservedHttpClient#NO_RESPONSE}
	 * @param allAnswered whether every HTTP exchange of the probe ended, its answer read to the end
	 * @param timeout the probe's timeout, for the description
	 * @return the failure
	 */
	static PeerFailure of(Throwable failure, int httpStatus, boolean allAnswered, Duration timeout) {
		RefusedAnswerException refused = find(failure, RefusedAnswerException.class);
		if (refused != null) {
			return refused.failure();
		}
		boolean timedOut = has(failure, TimeoutException.class) || has(failure, HttpTimeoutException.class);
		// The peer answered every request to its end and the client still waited: not the answer it asked for.
		if (timedOut && allAnswered && httpStatus != ObservedHttpClient.NO_RESPONSE && httpStatus < 400) {
			return new PeerFailure(INVALID_RESPONSE, "HTTP status " + httpStatus
					+ " with an answer that is not MCP: every exchange ended, no answer within " + timeout.toMillis()
					+ " ms");
		}
		if (timedOut) {
			return new PeerFailure(TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
		}
		if (has(failure, ConnectException.class)) {
			return new PeerFailure(CONNECTION_REFUSED, "connection refused");
		}
		if (has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)) {
			return new PeerFailure(UNKNOWN_HOST, "host name does not resolve");
		}
		if (httpStatus >= 400) {
			return new PeerFailure("http_" + httpStatus, "HTTP status " + httpStatus);
		}
		McpError mcpError = find(failure, McpError.class);
		if (mcpError != null) {
			return jsonRpc((mcpError.getJsonRpcError() != null) ? mcpError.getJsonRpcError().code() : null);
		}
		if (httpStatus == ObservedHttpClient.NO_RESPONSE && has(failure, IOException.class)) {
			return new PeerFailure(CONNECTION_CLOSED, "connection closed before an answer");
		}
		if (httpStatus != ObservedHttpClient.NO_RESPONSE) {
			return new PeerFailure(INVALID_RESPONSE,
					"HTTP status " + httpStatus + " with an answer that is not MCP: " + whatFailed(failure));
		}
		return new PeerFailure(classNames(failure).get(0), whatFailed(failure));
	}

	/**
	 * Say what failed in words of the probe's own: which exchange, when known, and the classes of the exception and its
	 * causes, never their messages (which may quote the peer).
	 */
	private static String whatFailed(Throwable failure) {
		FailedExchangeException exchange = find(failure, FailedExchangeException.class);
		String prefix = (exchange != null) ? exchange.exchange() + " failed with " : "failed with ";
		return prefix + String.join(" caused by ", classNames(failure));
	}

	/**
	 * Return the simple class names of the exception and its causes, outermost first, without the probe's own
	 * {@link FailedExchangeException}.
	 */
	private static List<String> classNames(Throwable failure) {
		List<String> names = new ArrayList<>();
		Throwable current = failure;
		for (int i = 0; i < MAX_CAUSES && current != null && names.size() < MAX_NAMED_CAUSES; i++) {
			if (!(current instanceof FailedExchangeException)) {
				String name = current.getClass().getSimpleName();
				names.add(name.isEmpty() ? current.getClass().getName() : name);
			}
			current = current.getCause();
		}
		if (names.isEmpty()) {
			names.add(failure.getClass().getSimpleName());
		}
		return names;
	}

	/**
	 * Return the failure of a JSON-RPC error answer: its code when the specification or MCP defines it, never its
	 * message.
	 * @param code the error's code, or {@code null}
	 * @return the failure
	 */
	static PeerFailure jsonRpc(Integer code) {
		if (code != null && KNOWN_CODES.contains(code)) {
			return new PeerFailure(String.valueOf(code), "JSON-RPC error " + code);
		}
		return new PeerFailure(JSONRPC_ERROR, "JSON-RPC error");
	}

	private static boolean has(Throwable failure, Class<? extends Throwable> type) {
		return find(failure, type) != null;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		Throwable current = failure;
		for (int i = 0; i < MAX_CAUSES && current != null; i++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

}
