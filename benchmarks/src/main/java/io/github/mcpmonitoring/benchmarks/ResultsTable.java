package io.github.mcpmonitoring.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a JMH JSON result file of this module's benchmarks into the Markdown tables of {@code RESULTS.md}: ns/op and
 * B/op of each benchmark, and the ratios the benchmarks issue sets targets for.
 * <p>
 * Run: {@code java -cp benchmarks/target/mcp-monitoring-benchmarks.jar
 * io.github.mcpmonitoring.benchmarks.ResultsTable benchmarks/target/jmh-result.json}
 */
public final class ResultsTable {

	private final Map<String, JsonNode> results = new LinkedHashMap<>();

	private ResultsTable(JsonNode root) {
		for (JsonNode result : root) {
			String name = result.get("benchmark").asText();
			name = name.substring(name.lastIndexOf('.') + 1);
			JsonNode params = result.get("params");
			if (params != null) {
				name = name + "[" + params.get("tools").asText() + "," + params.get("exposition").asText() + "]";
			}
			this.results.put(name, result);
		}
	}

	/**
	 * Print the tables.
	 * @param args the JMH JSON result file
	 * @throws IOException if the file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		new ResultsTable(new ObjectMapper().readTree(new File(args[0]))).print();
	}

	private void print() {
		System.out.println("| benchmark | score | error (99.9 %) | B/op |");
		System.out.println("|---|---:|---:|---:|");
		this.results.forEach((name, result) -> {
			JsonNode primary = result.get("primaryMetric");
			System.out.printf(Locale.ROOT, "| `%s` | %.1f %s | ± %.1f | %s |%n", name, primary.get("score").asDouble(),
					primary.get("scoreUnit").asText(), primary.get("scoreError").asDouble(), allocation(result));
		});
		System.out.println();
		if (this.results.containsKey("b03_floorProxyTimer")) {
			printCallRatios();
		}
		if (this.results.containsKey("scrape[10,starter]")) {
			printScrapeRatios();
		}
	}

	private void printCallRatios() {
		double floor = score("b03_floorProxyTimer");
		double timed = score("b04_timedAspect");
		double proxyBytes = bytes("b02_noopProxy");
		System.out.println("| item | ns/op | × (3) floor | × (4) TimedAspect | B/op beyond the proxy |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (String name : new String[] { "b05_monitoredTool", "b05n_monitoredToolWithoutInFlight",
				"b06_monitoredApiCall" }) {
			System.out.printf(Locale.ROOT, "| `%s` | %.1f | %.2f | %.2f | %.0f |%n", name, score(name),
					score(name) / floor, score(name) / timed, bytes(name) - proxyBytes);
		}
		System.out.println();
		double bare = score("b07b_bareHandler");
		System.out.println("| item | ns/op | ns over the bare handler | B/op |");
		System.out.println("|---|---:|---:|---:|");
		for (String name : new String[] { "b07_toolSpecWrapper", "b07n_toolSpecWrapperWithoutInFlight" }) {
			System.out.printf(Locale.ROOT, "| `%s` | %.1f | %.1f | %.0f |%n", name, score(name), score(name) - bare,
					bytes(name));
		}
		System.out.println();
		double both = score("b08_wrapperAndAnnotation");
		double sum = score("b05_monitoredTool") + score("b07_toolSpecWrapper");
		double overheadBoth = both - bare - score("b02_noopProxy");
		double overheadSum = (score("b05_monitoredTool") - score("b02_noopProxy")) + (score("b07_toolSpecWrapper") - bare);
		System.out.printf(Locale.ROOT, "(8) = %.1f ns/op, (5) + (7) = %.1f ns/op, ratio %.2f; overheads: (8) − (7b) − (2) = "
				+ "%.1f ns vs [(5) − (2)] + [(7) − (7b)] = %.1f ns%n", both, sum, both / sum, overheadBoth, overheadSum);
		System.out.println();
		double throwsBase = score("b09a_noopProxyThrows");
		System.out.println("| failure path | ns/op | ns over its baseline | B/op |");
		System.out.println("|---|---:|---:|---:|");
		failure("b09b_monitoredToolThrows", throwsBase);
		failure("b09c_monitoredApiCallThrows", throwsBase);
		failure("b09d_wrapperIsErrorResult", bare);
		failure("b09e_wrapperAndAnnotationThrows", bare + throwsBase);
		System.out.println();
	}

	private void failure(String name, double baseline) {
		System.out.printf(Locale.ROOT, "| `%s` | %.1f | %.1f | %.0f |%n", name, score(name), score(name) - baseline,
				bytes(name));
	}

	private void printScrapeRatios() {
		System.out.println("| tools | starter µs | plain (same series) µs | starter ÷ plain | plain-minimal µs "
				+ "| starter ÷ minimal | starter µs per tool |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		for (String tools : new String[] { "10", "100", "500" }) {
			double starter = score("scrape[" + tools + ",starter]");
			double plain = score("scrape[" + tools + ",plain]");
			double minimal = score("scrape[" + tools + ",plainMinimal]");
			System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.1f | %.2f | %.2f |%n", tools, starter, plain,
					starter / plain, minimal, starter / minimal, starter / Integer.parseInt(tools));
		}
		System.out.println();
	}

	private double score(String name) {
		JsonNode result = this.results.get(name);
		return (result != null) ? result.get("primaryMetric").get("score").asDouble() : Double.NaN;
	}

	private double bytes(String name) {
		JsonNode result = this.results.get(name);
		JsonNode norm = (result != null) ? result.path("secondaryMetrics").get("gc.alloc.rate.norm") : null;
		return (norm != null) ? norm.get("score").asDouble() : Double.NaN;
	}

	private String allocation(JsonNode result) {
		JsonNode norm = result.path("secondaryMetrics").get("gc.alloc.rate.norm");
		return (norm != null) ? String.format(Locale.ROOT, "%.1f", norm.get("score").asDouble()) : "n/a";
	}

}
