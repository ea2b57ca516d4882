package io.github.mcpmonitoring.alerts.rules;

import io.github.mcpmonitoring.alerts.rules.MeterHistory.CallWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallWindow#quantile(double)}: the estimate PromQL's {@code histogram_quantile} makes from the same
 * buckets.
 * <p>
 * The expected values of {@link #givesWhatPromQlGives} are what Prometheus 2.42 computed: each case's buckets were
 * fed to {@code promtool test rules} as series {@code d_bucket{case, le}} (the 14 bounds of the starter plus
 * {@code +Inf}, whose count is the number of calls), evaluating {@code histogram_quantile(q, d_bucket{case="..."})}.
 * They are compared for equality, not closeness: the arithmetic is the same, in the same order.
 */
class CallWindowQuantileTests {

	private static final double[] BOUNDS = { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300 };

	/** 200 calls, from 20 ms to 30 s. */
	private static final CallWindow SPREAD = window(200, 0, 4, 20, 60, 110, 150, 170, 180, 196, 199, 200, 200, 200,
			200);

	/** 200 calls, 10 of them above the last bound (300 s). */
	private static final CallWindow BEYOND_LAST_BOUND = window(200, 0, 4, 20, 60, 110, 150, 170, 180, 186, 188, 189,
			189, 190, 190);

	/** 200 calls, 150 of them in the first bucket. */
	private static final CallWindow FAST = window(200, 150, 160, 170, 180, 190, 200, 200, 200, 200, 200, 200, 200, 200,
			200);

	/** 10 calls, one per bucket from the fourth. */
	private static final CallWindow FEW = window(10, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

	@ParameterizedTest(name = "{0} p{1}")
	@CsvSource({ "SPREAD, 0.01, 0.015", "SPREAD, 0.5, 0.18000000000000002", "SPREAD, 0.9, 2.0", "SPREAD, 0.95, 3.875",
			"SPREAD, 0.99, 8.333333333333332", "SPREAD, 1, 30.0", "BEYOND_LAST_BOUND, 0.5, 0.18000000000000002",
			"BEYOND_LAST_BOUND, 0.95, 120.0", "BEYOND_LAST_BOUND, 0.99, 300.0", "BEYOND_LAST_BOUND, 1, 300.0",
			"FAST, 0.01, 1.3333333333333334E-4", "FAST, 0.5, 0.006666666666666666", "FAST, 0.9, 0.1",
			"FAST, 0.95, 0.2", "FAST, 0.99, 0.44", "FEW, 0.01, 0.05500000000000001", "FEW, 0.5, 5.0",
			"FEW, 0.9, 120.0", "FEW, 0.95, 210.0", "FEW, 0.99, 282.00000000000006" })
	void givesWhatPromQlGives(String name, double quantile, double promQl) {
		assertThat(windowNamed(name).quantile(quantile)).isEqualTo(promQl);
	}

	@Test
	void interpolatesLinearlyInsideTheBucketOfTheRank() {
		// p95 of SPREAD: rank 190 falls in (2 s, 5 s], which holds calls 181 to 196: 2 + 3 * (190 - 180) / 16.
		assertThat(SPREAD.quantile(0.95)).isEqualTo(2 + 3 * (10.0 / 16));
		// p50: rank 100 falls in (0.1 s, 0.2 s], which holds calls 61 to 110: 0.1 + 0.1 * 40 / 50.
		assertThat(SPREAD.quantile(0.5)).isEqualTo(0.1 + 0.1 * (40.0 / 50));
		// The first bucket starts at zero: rank 100 of FAST is in [0, 10 ms], which holds 150 calls.
		assertThat(FAST.quantile(0.5)).isEqualTo(0.01 * (100.0 / 150));
	}

	@Test
	void isUnknownWithoutCallsOrBuckets() {
		assertThat(window(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).quantile(0.95)).isNaN();
		assertThat(new CallWindow(5, 0, new double[0], new double[0]).quantile(0.95)).isNaN();
	}

	private static CallWindow window(double calls, double... cumulativeCounts) {
		return new CallWindow(calls, 0, BOUNDS, cumulativeCounts);
	}

	private static CallWindow windowNamed(String name) {
		return switch (name) {
			case "SPREAD" -> SPREAD;
			case "BEYOND_LAST_BOUND" -> BEYOND_LAST_BOUND;
			case "FAST" -> FAST;
			case "FEW" -> FEW;
			default -> throw new IllegalArgumentException(name);
		};
	}

}
