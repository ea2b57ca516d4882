package io.github.mcpmonitoring.errors;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.mcpmonitoring.core.CallFailure;

/**
 * The recent failures inside a time window, as computed at one moment.
 *
 * @param computedAt when the summary was computed
 * @param window the length of the window that ends at {@code computedAt}
 * @param count failures inside the window that are not the client's mistake
 * @param byName those failures by tool or API name, most first, at most ten
 * @param byErrorType those failures by error type, most first, at most ten
 * @param last the most recent failure, the client's mistake or not, inside the window or not, or {@code null} when
 * there was none
 * @param clientErrors client mistakes inside the window
 */
public record RecentErrorsSummary(Instant computedAt, Duration window, int count, Map<String, Integer> byName,
		Map<String, Integer> byErrorType, CallFailure last, int clientErrors) {

}
