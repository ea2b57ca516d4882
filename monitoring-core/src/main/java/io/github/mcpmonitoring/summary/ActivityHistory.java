package io.github.mcpmonitoring.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.alerts.rules.MeterHistory.CallWindow;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The recent activity of each tool and upstream API, one point per step (a minute by default) over a bounded span
 * (an hour by default), for the status page's charts: calls, errors and the 95th percentile latency of each step,
 * computed from the same cumulative timers Prometheus scrapes. The current, unfinished step is read at each request.
 */
public class ActivityHistory {

	private final MeterHistory meters;

	private final Clock clock;

	private final Duration step;

	private final int points;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private Map<String, CallWindow> lastTools = Map.of();

	private Map<String, CallWindow> lastApis = Map.of();

	/**
	 * Create an empty history.
	 * @param registry where the tool and API meters are
	 * @param clock the clock
	 * @param step the time between two samples: how often {@link #sample()} is meant to run
	 * @param span how far back samples are kept
	 */
	public ActivityHistory(MeterRegistry registry, Clock clock, Duration step, Duration span) {
		if (step.isNegative() || step.isZero()) {
			throw new InvalidSettingException("step", step, "must be positive");
		}
		if (span.compareTo(step) < 0) {
			throw new InvalidSettingException("span", span, "must be at least one step (" + step + ")");
		}
		this.meters = new MeterHistory(registry, clock, Duration.ZERO);
		this.clock = clock;
		this.step = step;
		this.points = (int) Math.min(10_000, span.toMillis() / step.toMillis());
	}

	/**
	 * Close the current step: keep what each tool and API did since the previous sample, and drop the samples older
	 * than the span.
	 */
	public synchronized void sample() {
		Map<String, CallWindow> tools = this.meters.toolTotals();
		Map<String, CallWindow> apis = this.meters.apiTotals();
		this.samples.addLast(new Sample(this.clock.instant(), points(this.lastTools, tools),
				points(this.lastApis, apis)));
		this.lastTools = tools;
		this.lastApis = apis;
		while (this.samples.size() > this.points) {
			this.samples.removeFirst();
		}
	}

	/**
	 * Return the kept samples and the current step, oldest first.
	 * @return one series per tool and per API, aligned with the sample times
	 */
	public ActivityDescriptor activity() {
		Map<String, CallWindow> tools = this.meters.toolTotals();
		Map<String, CallWindow> apis = this.meters.apiTotals();
		List<Sample> samples;
		synchronized (this) {
			samples = new ArrayList<>(this.samples);
			samples.add(new Sample(this.clock.instant(), points(this.lastTools, tools), points(this.lastApis, apis)));
		}
		List<String> times = samples.stream().map((sample) -> sample.time().toString()).toList();
		return new ActivityDescriptor(this.step.toString(), times, series(samples, Sample::tools),
				series(samples, Sample::apis));
	}

	private static Map<String, Point> points(Map<String, CallWindow> earlier, Map<String, CallWindow> latest) {
		Map<String, Point> points = new TreeMap<>();
		latest.forEach((name, total) -> {
			CallWindow step = total.minus(earlier.get(name));
			double p95 = step.quantile(0.95);
			points.put(name, new Point((long) step.calls(), (long) step.errors(),
					Double.isFinite(p95) ? Math.round(p95 * 1000) : null));
		});
		return points;
	}

	private static Map<String, SeriesDescriptor> series(List<Sample> samples,
			Function<Sample, Map<String, Point>> kind) {
		TreeSet<String> names = new TreeSet<>();
		samples.forEach((sample) -> names.addAll(kind.apply(sample).keySet()));
		Map<String, SeriesDescriptor> series = new TreeMap<>();
		for (String name : names) {
			List<Long> calls = new ArrayList<>(samples.size());
			List<Long> errors = new ArrayList<>(samples.size());
			List<Long> p95Ms = new ArrayList<>(samples.size());
			for (Sample sample : samples) {
				Point point = kind.apply(sample).get(name);
				calls.add((point != null) ? point.calls() : 0L);
				errors.add((point != null) ? point.errors() : 0L);
				p95Ms.add((point != null) ? point.p95Ms() : null);
			}
			series.put(name, new SeriesDescriptor(calls, errors, p95Ms));
		}
		return series;
	}

	private record Sample(Instant time, Map<String, Point> tools, Map<String, Point> apis) {
	}

	private record Point(long calls, long errors, Long p95Ms) {
	}

	/**
	 * The recent activity, oldest first: the last time is now, and its step is not finished.
	 *
	 * @param step the time between two samples (ISO-8601)
	 * @param times when each step ended (ISO-8601)
	 * @param tools per tool name, one value per time
	 * @param apis per upstream API name, one value per time
	 */
	public record ActivityDescriptor(String step, List<String> times, Map<String, SeriesDescriptor> tools,
			Map<String, SeriesDescriptor> apis) {
	}

	/**
	 * One tool's or API's steps.
	 *
	 * @param calls calls that ended in each step, client mistakes included
	 * @param errors failed calls in each step, client mistakes left out
	 * @param p95Ms 95th percentile duration in each step in whole milliseconds, {@code null} without calls
	 */
	public record SeriesDescriptor(List<Long> calls, List<Long> errors, List<Long> p95Ms) {
	}

}
