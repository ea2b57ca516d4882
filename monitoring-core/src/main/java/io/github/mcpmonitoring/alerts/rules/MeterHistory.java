package io.github.mcpmonitoring.alerts.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import io.github.mcpmonitoring.failures.FailureClass;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * Snapshots of the cumulative tool-call and slow-call meters, taken before each evaluation, so that rules compute
 * what happened inside a window from the difference between two snapshots: the same arithmetic as PromQL's
 * {@code increase} and {@code histogram_quantile} over the series Prometheus scrapes. Tools are the
 * {@code tools/call} series of {@code mcp.server.operation.duration} by {@code gen_ai.tool.name} (unknown tools under
 * their placeholder); methods are its other series by {@code mcp.method.name}. The series of one name that differ
 * only in other tags (protocol version, transport, status code) are added up.
 */
public class MeterHistory {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Duration retention;

	private final Deque<Capture> captures = new ArrayDeque<>();

	/**
	 * Create a history.
	 * @param registry where the meters are
	 * @param clock the clock
	 * @param retention how far back snapshots are kept: the longest window a rule asks for, plus one evaluation
	 */
	public MeterHistory(MeterRegistry registry, Clock clock, Duration retention) {
		this.registry = registry;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * Take a snapshot of the meters now and drop those older than the retention.
	 */
	public synchronized void capture() {
		Instant now = this.clock.instant();
		this.captures.addLast(new Capture(now, toolTimers(), methodTimers(),
				timers(McpMeterNames.API_CALL_DURATION, McpMeterNames.TAG_API, (id) -> true),
				counters(McpMeterNames.OPERATION_SLOW, McpMeterNames.TAG_TOOL),
				counters(McpMeterNames.API_CALL_SLOW, McpMeterNames.TAG_API),
				counters(AuthenticationFailures.METER_NAME, "name")));
		Instant oldest = now.minus(this.retention);
		while (this.captures.size() > 2 && this.captures.peekFirst().time().isBefore(oldest)) {
			this.captures.removeFirst();
		}
	}

	/**
	 * Return what each tool did inside a window that ends at the last snapshot.
	 * @param window the length of the window
	 * @return the calls, errors and latency histogram of each tool, empty with fewer than two snapshots
	 */
	public synchronized Map<String, CallWindow> toolWindows(Duration window) {
		Capture[] ends = ends(window);
		return (ends != null) ? windows(ends[0].tools(), ends[1].tools()) : Map.of();
	}

	/**
	 * Return what each upstream API did inside a window that ends at the last snapshot.
	 * @param window the length of the window
	 * @return the calls, errors and latency histogram of each API, empty with fewer than two snapshots
	 */
	public synchronized Map<String, CallWindow> apiWindows(Duration window) {
		Capture[] ends = ends(window);
		return (ends != null) ? windows(ends[0].apis(), ends[1].apis()) : Map.of();
	}

	/**
	 * Return what each tool did inside a window that ends now: the meters are read now and compared with the stored
	 * snapshot the window starts at, which stays as it is, so the rules' windows do not move.
	 * @param window the length of the window
	 * @return the calls, errors and latency histogram of each tool; since start while no snapshot is as old as the
	 * window
	 */
	public Map<String, CallWindow> toolWindowsUntilNow(Duration window) {
		Map<TimerKey, TimerSample> now = toolTimers();
		Capture start = startOf(window);
		return windows((start != null) ? start.tools() : Map.of(), now);
	}

	/**
	 * Return what each MCP method other than {@code tools/call} did inside a window that ends now, as
	 * {@link #toolWindowsUntilNow(Duration)}.
	 * @param window the length of the window
	 * @return the calls, errors and latency histogram of each method; since start while no snapshot is as old as the
	 * window; empty when only tool calls are recorded
	 */
	public Map<String, CallWindow> methodWindowsUntilNow(Duration window) {
		Map<TimerKey, TimerSample> now = methodTimers();
		Capture start = startOf(window);
		return windows((start != null) ? start.methods() : Map.of(), now);
	}

	/**
	 * Return what each upstream API did inside a window that ends now, as {@link #toolWindowsUntilNow(Duration)}.
	 * @param window the length of the window
	 * @return the calls, errors and latency histogram of each API; since start while no snapshot is as old as the
	 * window
	 */
	public Map<String, CallWindow> apiWindowsUntilNow(Duration window) {
		Map<TimerKey, TimerSample> now = timers(McpMeterNames.API_CALL_DURATION, McpMeterNames.TAG_API, (id) -> true);
		Capture start = startOf(window);
		return windows((start != null) ? start.apis() : Map.of(), now);
	}

	/**
	 * Return what each tool did since the meters were registered, read now.
	 * @return the calls, errors and latency histogram of each tool since start
	 */
	public Map<String, CallWindow> toolTotals() {
		return windows(Map.of(), toolTimers());
	}

	/**
	 * Return what each MCP method other than {@code tools/call} did since the meters were registered, read now.
	 * @return the calls, errors and latency histogram of each method since start
	 */
	public Map<String, CallWindow> methodTotals() {
		return windows(Map.of(), methodTimers());
	}

	/**
	 * Return what each upstream API did since the meters were registered, read now.
	 * @return the calls, errors and latency histogram of each API since start
	 */
	public Map<String, CallWindow> apiTotals() {
		return windows(Map.of(), timers(McpMeterNames.API_CALL_DURATION, McpMeterNames.TAG_API, (id) -> true));
	}

	/**
	 * The newest stored snapshot at least a window old, or {@code null} when none is. Snapshots are kept for the
	 * window and one evaluation, so none that old means the meters are younger than the window (give or take the
	 * first evaluation): counting from zero is then what happened inside it.
	 */
	private synchronized Capture startOf(Duration window) {
		Instant start = this.clock.instant().minus(window);
		Capture found = null;
		for (Capture capture : this.captures) {
			if (capture.time().isAfter(start)) {
				break;
			}
			found = capture;
		}
		return found;
	}

	private static Map<String, CallWindow> windows(Map<TimerKey, TimerSample> earlier,
			Map<TimerKey, TimerSample> latest) {
		Map<String, CallWindow> windows = new TreeMap<>();
		latest.forEach((key, sample) -> windows.merge(key.name(),
				sample.minus(earlier.get(key), key.errorType(), key.clientError()), CallWindow::plus));
		return windows;
	}

	/**
	 * Return how many slow calls each tool and API made inside a window that ends at the last snapshot.
	 * @param window the length of the window
	 * @return slow calls by kind ({@code tool} or {@code api}) and then by name; empty with fewer than two snapshots
	 */
	public synchronized Map<String, Map<String, Double>> slowCalls(Duration window) {
		Capture[] ends = ends(window);
		if (ends == null) {
			return Map.of();
		}
		return Map.of("tool", increases(ends[0].slowTools(), ends[1].slowTools()), "api",
				increases(ends[0].slowApis(), ends[1].slowApis()));
	}

	/**
	 * Return how many calls of each tool or API looked like authentication failures inside a window that ends at
	 * the last snapshot.
	 * @param window the length of the window
	 * @return authentication failures by tool or API name; empty with fewer than two snapshots
	 */
	public synchronized Map<String, Double> authenticationFailures(Duration window) {
		Capture[] ends = ends(window);
		return (ends != null) ? increases(ends[0].authFailures(), ends[1].authFailures()) : Map.of();
	}

	/** The newest snapshot, and the newest one at least a window older (else the oldest one kept). */
	private Capture[] ends(Duration window) {
		if (this.captures.size() < 2) {
			return null;
		}
		Capture latest = this.captures.peekLast();
		Instant start = latest.time().minus(window);
		Capture earlier = this.captures.peekFirst();
		for (Capture capture : this.captures) {
			if (capture.time().isAfter(start)) {
				break;
			}
			earlier = capture;
		}
		return (earlier == latest) ? null : new Capture[] { earlier, latest };
	}

	private static Map<String, Double> increases(Map<String, Double> earlier, Map<String, Double> latest) {
		Map<String, Double> increases = new TreeMap<>();
		latest.forEach((name, count) -> increases.put(name, Math.max(0, count - earlier.getOrDefault(name, 0.0))));
		return increases;
	}

	/** The tool calls: series without a method (recorded before every method was) count as tool calls. */
	private Map<TimerKey, TimerSample> toolTimers() {
		return timers(McpMeterNames.OPERATION_DURATION, McpMeterNames.TAG_TOOL, (id) -> {
			String method = id.getTag(McpMeterNames.TAG_METHOD);
			return method == null || McpMeterNames.METHOD_TOOLS_CALL.equals(method);
		});
	}

	private Map<TimerKey, TimerSample> methodTimers() {
		return timers(McpMeterNames.OPERATION_DURATION, McpMeterNames.TAG_METHOD,
				(id) -> !McpMeterNames.METHOD_TOOLS_CALL.equals(id.getTag(McpMeterNames.TAG_METHOD)));
	}

	private Map<TimerKey, TimerSample> timers(String meterName, String nameTag, Predicate<Meter.Id> selected) {
		Map<TimerKey, TimerSample> samples = new HashMap<>();
		for (Timer timer : this.registry.find(meterName).timers()) {
			if (!selected.test(timer.getId())) {
				continue;
			}
			String name = timer.getId().getTag(nameTag);
			String errorType = timer.getId().getTag(McpMeterNames.TAG_ERROR_TYPE);
			boolean clientError = FailureClass.CLIENT_MISTAKE.origin()
				.equals(timer.getId().getTag(McpMeterNames.TAG_ERROR_ORIGIN));
			if (name != null && errorType != null) {
				samples.put(new TimerKey(timer.getId(), name, errorType, clientError),
						TimerSample.of(timer.takeSnapshot()));
			}
		}
		return samples;
	}

	private Map<String, Double> counters(String meterName, String tagKey) {
		Map<String, Double> counts = new HashMap<>();
		for (Counter counter : this.registry.find(meterName).counters()) {
			String name = counter.getId().getTag(tagKey);
			if (name != null) {
				counts.merge(name, counter.count(), Double::sum);
			}
		}
		return counts;
	}

	private record Capture(Instant time, Map<TimerKey, TimerSample> tools, Map<TimerKey, TimerSample> methods,
			Map<TimerKey, TimerSample> apis, Map<String, Double> slowTools, Map<String, Double> slowApis,
			Map<String, Double> authFailures) {
	}

	/** One series; its id keeps apart the series of one name and outcome that differ in other tags. */
	private record TimerKey(Meter.Id id, String name, String errorType, boolean clientError) {
	}

	/** Cumulative count and bucket counts of one timer. */
	private record TimerSample(double count, double[] bucketBounds, double[] bucketCounts) {

		static TimerSample of(HistogramSnapshot snapshot) {
			CountAtBucket[] buckets = snapshot.histogramCounts();
			double[] bounds = new double[buckets.length];
			double[] counts = new double[buckets.length];
			for (int i = 0; i < buckets.length; i++) {
				bounds[i] = buckets[i].bucket(TimeUnit.SECONDS);
				counts[i] = buckets[i].count();
			}
			return new TimerSample(snapshot.count(), bounds, counts);
		}

		/** What happened since an earlier sample of the same timer (a timer first seen now started at zero). */
		CallWindow minus(TimerSample earlier, String errorType, boolean clientError) {
			double calls = this.count - ((earlier != null) ? earlier.count : 0);
			double[] counts = new double[this.bucketCounts.length];
			for (int i = 0; i < counts.length; i++) {
				double before = (earlier != null && earlier.bucketCounts.length == counts.length)
						? earlier.bucketCounts[i] : 0;
				counts[i] = this.bucketCounts[i] - before;
			}
			double failed = ErrorTypes.NONE.equals(errorType) ? 0 : calls;
			return clientError ? new CallWindow(calls, 0, this.bucketBounds, counts, failed)
					: new CallWindow(calls, failed, this.bucketBounds, counts, 0);
		}

	}

	/**
	 * What one tool or API did inside a window.
	 *
	 * @param calls calls that ended inside the window, client mistakes included
	 * @param errors those of them that failed, client mistakes excluded
	 * @param bucketBounds upper bounds of the latency histogram buckets, in seconds
	 * @param bucketCounts calls inside the window at or below each bound (cumulative, like Prometheus buckets)
	 * @param clientErrors calls inside the window that failed by the client's mistake
	 */
	public record CallWindow(double calls, double errors, double[] bucketBounds, double[] bucketCounts,
			double clientErrors) {

		/**
		 * Create a window without client mistakes.
		 * @param calls calls that ended inside the window
		 * @param errors those of them that failed
		 * @param bucketBounds upper bounds of the latency histogram buckets, in seconds
		 * @param bucketCounts calls inside the window at or below each bound
		 */
		public CallWindow(double calls, double errors, double[] bucketBounds, double[] bucketCounts) {
			this(calls, errors, bucketBounds, bucketCounts, 0);
		}

		/**
		 * Return the calls that were not the client's mistake: those an error ratio is computed over.
		 * @return calls minus client mistakes
		 */
		public double callsWithoutClientErrors() {
			return this.calls - this.clientErrors;
		}

		/**
		 * Return what happened between an earlier window of the same tool or API and this one, both counted from
		 * the same start.
		 * @param earlier the earlier window, or {@code null} when the tool or API had no calls then
		 * @return the difference, never negative
		 */
		public CallWindow minus(CallWindow earlier) {
			if (earlier == null) {
				return this;
			}
			double[] counts = new double[this.bucketCounts.length];
			for (int i = 0; i < counts.length; i++) {
				double before = (earlier.bucketCounts.length == counts.length) ? earlier.bucketCounts[i] : 0;
				counts[i] = Math.max(0, this.bucketCounts[i] - before);
			}
			return new CallWindow(Math.max(0, this.calls - earlier.calls), Math.max(0, this.errors - earlier.errors),
					this.bucketBounds, counts, Math.max(0, this.clientErrors - earlier.clientErrors));
		}

		CallWindow plus(CallWindow other) {
			double clientErrors = this.clientErrors + other.clientErrors;
			if (other.bucketBounds.length != this.bucketBounds.length) {
				return new CallWindow(this.calls + other.calls, this.errors + other.errors, this.bucketBounds,
						this.bucketCounts, clientErrors);
			}
			double[] counts = new double[this.bucketCounts.length];
			for (int i = 0; i < counts.length; i++) {
				counts[i] = this.bucketCounts[i] + other.bucketCounts[i];
			}
			return new CallWindow(this.calls + other.calls, this.errors + other.errors, this.bucketBounds, counts,
					clientErrors);
		}

		/**
		 * Estimate a quantile of the latency inside the window the way PromQL's {@code histogram_quantile} does:
		 * linear interpolation inside the bucket the rank falls in; the highest finite bound when it falls in the
		 * {@code +Inf} bucket.
		 * @param quantile the quantile, between 0 and 1
		 * @return the estimate in seconds, or {@code NaN} without calls or buckets
		 */
		public double quantile(double quantile) {
			if (this.calls <= 0 || this.bucketBounds.length == 0) {
				return Double.NaN;
			}
			double rank = quantile * this.calls;
			double lowerBound = 0;
			double lowerCount = 0;
			for (int i = 0; i < this.bucketBounds.length; i++) {
				if (this.bucketCounts[i] >= rank) {
					double inBucket = this.bucketCounts[i] - lowerCount;
					if (inBucket <= 0) {
						return this.bucketBounds[i];
					}
					// The order of operations of Prometheus, so that both give the same double.
					return lowerBound + (this.bucketBounds[i] - lowerBound) * ((rank - lowerCount) / inBucket);
				}
				lowerBound = this.bucketBounds[i];
				lowerCount = this.bucketCounts[i];
			}
			return this.bucketBounds[this.bucketBounds.length - 1];
		}

	}

}
