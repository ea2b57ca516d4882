package io.github.mcpmonitoring.benchmarks;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * Not an item of the benchmarks issue: the floor of {@link CallOverheadBenchmark} (3) plus one ingredient of the
 * starter's hot path at a time, to tell where the starter's cost above the floor goes. Run it together with
 * {@code b03} and {@code b06} so that the ratios are fair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class FloorBreakdownBenchmark {

	private BenchmarkTools withVolatileReset;

	private BenchmarkTools withReadBeforeReset;

	private BenchmarkTools withMethodLookup;

	private final String x = "arg";

	/** Build the proxies. */
	@Setup
	public void setUp() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		Timer timer = Timer.builder("bench.floor")
			.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(new Duration[0]))
			.register(registry);
		AtomicInteger failures = new AtomicInteger();
		this.withVolatileReset = proxy((invocation) -> {
			long start = System.nanoTime();
			try {
				return invocation.proceed();
			}
			finally {
				failures.set(0);
				timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		});
		this.withReadBeforeReset = proxy((invocation) -> {
			long start = System.nanoTime();
			try {
				return invocation.proceed();
			}
			finally {
				if (failures.get() != 0) {
					failures.set(0);
				}
				timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		});
		Map<Method, Timer> timers = new ConcurrentHashMap<>();
		this.withMethodLookup = proxy((invocation) -> {
			Timer resolved = timers.get(invocation.getMethod());
			if (resolved == null) {
				resolved = timers.computeIfAbsent(invocation.getMethod(), (method) -> timer);
			}
			long start = System.nanoTime();
			try {
				return invocation.proceed();
			}
			finally {
				resolved.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		});
	}

	private static BenchmarkTools proxy(MethodInterceptor interceptor) {
		ProxyFactory factory = new ProxyFactory(new BenchmarkTools());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor(Pointcut.TRUE, interceptor));
		return (BenchmarkTools) factory.getProxy();
	}

	/**
	 * The floor plus the volatile store {@code ApiCallRecorder} makes on every success ({@code set(0)}).
	 * @return the result of the call
	 */
	@Benchmark
	public String f1_floorWithVolatileReset() {
		return this.withVolatileReset.work(this.x);
	}

	/**
	 * The floor plus a read that skips the store when there is nothing to reset.
	 * @return the result of the call
	 */
	@Benchmark
	public String f2_floorWithReadBeforeReset() {
		return this.withReadBeforeReset.work(this.x);
	}

	/**
	 * The floor plus a per-call {@code ConcurrentHashMap<Method, ...>} lookup, as the starter's interceptor makes.
	 * @return the result of the call
	 */
	@Benchmark
	public String f3_floorWithMethodLookup() {
		return this.withMethodLookup.work(this.x);
	}

}
