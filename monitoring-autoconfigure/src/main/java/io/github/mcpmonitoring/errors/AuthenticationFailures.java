package io.github.mcpmonitoring.errors;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts failed tool and API calls that look like authentication failures (a rejected session key such as
 * Kaltura's {@code INVALID_KS}, HTTP 401 or 403) as {@code mcp.upstream.auth.failures}, with tags {@code kind} and
 * {@code name}. A failure is classified by its error type and the start of its message against patterns.
 */
public class AuthenticationFailures implements CallFailureListener {

	/** The name of the counter. */
	public static final String METER_NAME = "mcp.upstream.auth.failures";

	/** What authentication failures look like by default: Kaltura's rejected session key and secret, HTTP 401/403. */
	public static final List<String> DEFAULT_PATTERNS = List.of("INVALID_KS", "START_SESSION_ERROR", "\\b401\\b",
			"\\b403\\b", "(?i)unauthori[sz]ed", "(?i)forbidden", "(?i)authentication", "(?i)access denied");

	/**
	 * How much of an error type or message is matched: a message can come from an upstream and be of any size, and
	 * the markers of an authentication failure come first.
	 */
	private static final int MAX_MATCHED_LENGTH = 1000;

	private final MeterRegistry registry;

	private final Pattern pattern;

	/**
	 * Create a classifier.
	 * @param registry where the counter is registered
	 * @param patterns regular expressions; a failure whose error type or message contains a match is counted
	 */
	public AuthenticationFailures(MeterRegistry registry, List<String> patterns) {
		this.registry = registry;
		this.pattern = Pattern.compile(String.join("|", patterns.stream().map((p) -> "(?:" + p + ")").toList()));
	}

	@Override
	public void onFailure(CallFailure failure) {
		if (isAuthenticationFailure(failure)) {
			Counter.builder(METER_NAME)
				.description("Failed tool and API calls that look like authentication failures")
				.tag("kind", failure.kind())
				.tag("name", failure.name())
				.register(this.registry)
				.increment();
		}
	}

	/**
	 * Tell whether a failure looks like an authentication failure.
	 * @param failure the failure
	 * @return whether its error type or the start of its message matches
	 */
	public boolean isAuthenticationFailure(CallFailure failure) {
		return matches(failure.errorType()) || matches(failure.message());
	}

	private boolean matches(String text) {
		if (text == null) {
			return false;
		}
		Matcher matcher = this.pattern.matcher(text);
		matcher.region(0, Math.min(text.length(), MAX_MATCHED_LENGTH));
		return matcher.find();
	}

}
