package io.github.mcpmonitoring.failures;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InvalidSettingException;

/**
 * The starter's own classification of failed calls, asked after the application's classifiers.
 * <ul>
 * <li>An authentication failure: the exception or one of its causes carries HTTP status 401 or 403 from the
 * upstream's response; or, only when patterns are configured, an upstream API call whose error type or message
 * start matches one of them.</li>
 * <li>A client mistake: a call the client cancelled ({@link ClientCancellationException}); an exception of one of
 * the configured client error types; an
 * {@link IllegalArgumentException} (which includes Spring AI's {@link NumberFormatException} for a wrongly typed
 * argument) thrown by a tool before any upstream API call in that tool call; an error result the MCP framework
 * answered without entering the tool method (Spring AI's failed argument conversion, MCP SDK 2.0's input
 * validation).</li>
 * <li>Anything else is {@link FailureClass#OTHER}.</li>
 * </ul>
 * JSON-RPC errors a server answers before any tool handler (-32700, -32600, -32601, -32602, -32002) are client
 * mistakes by the same rule; they are not recorded yet, and {@link #isClientJsonRpcError(int)} is where they will be
 * classified.
 */
public class DefaultFailureClassifier implements FailureClassifier {

	/** How much of an error type or message the patterns see: a message can come from anywhere and be of any size. */
	private static final int MAX_MATCHED_LENGTH = 1000;

	private static final int UNAUTHORIZED = 401;

	private static final int FORBIDDEN = 403;

	private final List<Class<?>> clientErrorTypes;

	private final Pattern authFailurePattern;

	/**
	 * Create a classifier.
	 * @param clientErrorTypes exception types whose instances (and those of their subtypes) are client mistakes
	 * @param authFailurePatterns regular expressions that make an upstream API failure whose error type or message
	 * start contains a match an authentication failure; empty for none
	 * @throws InvalidSettingException if a pattern is not a valid regular expression
	 */
	public DefaultFailureClassifier(Collection<? extends Class<?>> clientErrorTypes, List<String> authFailurePatterns) {
		this.clientErrorTypes = List.copyOf(clientErrorTypes);
		this.authFailurePattern = compile(authFailurePatterns);
	}

	/**
	 * Create a classifier with no configured client error types and no patterns.
	 */
	public DefaultFailureClassifier() {
		this(List.of(), List.of());
	}

	private static Pattern compile(List<String> patterns) {
		if (patterns == null || patterns.isEmpty()) {
			// An empty alternation would match every message: no patterns means no match at all.
			return null;
		}
		for (String pattern : patterns) {
			if (pattern == null || pattern.isEmpty()) {
				throw new InvalidSettingException("authFailurePatterns", pattern,
						"must not contain an empty pattern: it would match every message");
			}
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidSettingException("authFailurePatterns", pattern,
						"must contain valid regular expressions: " + ex.getDescription() + " near index "
								+ ex.getIndex() + " of '" + pattern + "'");
			}
		}
		return Pattern.compile(String.join("|", patterns.stream().map((p) -> "(?:" + p + ")").toList()));
	}

	@Override
	public FailureClass classify(FailedCall call) {
		if (isAuthenticationStatus(UpstreamHttpStatus.of(call.failure()))) {
			return FailureClass.AUTHENTICATION;
		}
		if (isClientMistake(call)) {
			return FailureClass.CLIENT_MISTAKE;
		}
		if (!call.isTool() && call.failure() != null && matchesAuthFailurePattern(call.failure())) {
			return FailureClass.AUTHENTICATION;
		}
		return FailureClass.OTHER;
	}

	/**
	 * Tell whether a JSON-RPC error code a server answers with is the client's mistake, as the OpenTelemetry MCP
	 * conventions count them: parse error, invalid request, method not found, invalid params, resource not found.
	 * @param code the JSON-RPC error code
	 * @return whether the code is a client mistake
	 */
	public static boolean isClientJsonRpcError(int code) {
		return code == -32700 || code == -32600 || code == -32601 || code == -32602 || code == -32002;
	}

	private static boolean isAuthenticationStatus(int status) {
		return status == UNAUTHORIZED || status == FORBIDDEN;
	}

	private boolean isClientMistake(FailedCall call) {
		Throwable failure = (call.failure() != null) ? ErrorTypes.unwrap(call.failure()) : null;
		if (failure == null) {
			return call.isTool() && call.beforeToolMethod();
		}
		if (failure instanceof ClientCancellationException || isConfiguredClientErrorType(failure.getClass())) {
			return true;
		}
		return call.isTool() && call.noUpstreamCall() && failure instanceof IllegalArgumentException;
	}

	private boolean isConfiguredClientErrorType(Class<?> type) {
		for (Class<?> clientErrorType : this.clientErrorTypes) {
			if (clientErrorType.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesAuthFailurePattern(Throwable failure) {
		return this.authFailurePattern != null
				&& (matches(ErrorTypes.of(failure)) || matches(ErrorTypes.messageOf(failure)));
	}

	private boolean matches(String text) {
		if (text == null) {
			return false;
		}
		Matcher matcher = this.authFailurePattern.matcher(text);
		matcher.region(0, Math.min(text.length(), MAX_MATCHED_LENGTH));
		return matcher.find();
	}

}
