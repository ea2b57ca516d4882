package io.github.mcpmonitoring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of rendering {@code /actuator/prometheus} ({@link PrometheusMeterRegistry#scrape()}) with 10, 100 and 500
 * tools, each with successes and two exception types, recorded through the starter or registered directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class ScrapeBenchmark {

	/** Number of tools. */
	@Param({ "10", "100", "500" })
	public int tools;

	/**
	 * {@code starter}: recorded through the starter; {@code plain}: the same series registered directly;
	 * {@code plainMinimal}: only the duration series of outcomes that happened.
	 */
	@Param({ "starter", "plain", "plainMinimal" })
	public String exposition;

	private PrometheusMeterRegistry registry;

	/** Build the registry. */
	@Setup
	public void setUp() {
		this.registry = switch (this.exposition) {
			case "starter" -> ScrapeRegistries.starter(this.tools);
			case "plain" -> ScrapeRegistries.plain(this.tools);
			case "plainMinimal" -> ScrapeRegistries.plainMinimal(this.tools);
			default -> throw new IllegalArgumentException("Unknown exposition " + this.exposition);
		};
	}

	/**
	 * Render the Prometheus text format, as the actuator endpoint does.
	 * @return the text
	 */
	@Benchmark
	public String scrape() {
		return this.registry.scrape();
	}

}
