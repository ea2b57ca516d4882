package io.github.mcpmonitoring.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.core.ErrorTypeCardinalityFilter;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the heap the starter retains with a number of tools (500 unless given), measured with JOL's object graph
 * walk, next to the same series registered without the starter, the recent-errors buffer empty and full, and a
 * heap-used delta as a cross-check.
 * <p>
 * Run: {@code java -cp benchmarks/target/mcp-monitoring-benchmarks.jar io.github.mcpmonitoring.benchmarks.RetainedHeap}
 */
public final class RetainedHeap {

	private static final int RECENT_ERRORS_CAPACITY = 1000;

	private static final int MESSAGE_MAX_LENGTH = 200;

	private RetainedHeap() {
	}

	/**
	 * Measure and print.
	 * @param args the number of tools, optional
	 */
	public static void main(String[] args) {
		int tools = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		PrometheusMeterRegistry empty = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		empty.config().meterFilter(new ErrorTypeCardinalityFilter(50));
		long emptySize = GraphLayout.parseInstance(empty).totalSize();

		ScrapeRegistries.StarterMetrics starter = ScrapeRegistries.starterMetrics(tools);
		long starterSize = GraphLayout.parseInstance(starter.registry(), starter.metrics()).totalSize() - emptySize;
		long plainSize = GraphLayout.parseInstance(ScrapeRegistries.plain(tools)).totalSize() - emptySize;
		long minimalSize = GraphLayout.parseInstance(ScrapeRegistries.plainMinimal(tools)).totalSize() - emptySize;

		List<SyncToolSpecification> bare = toolSpecifications(tools);
		ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(
				new ToolCalls(starter::metrics), Duration.ofSeconds(10));
		List<SyncToolSpecification> instrumented = new ArrayList<>();
		bare.forEach((spec) -> instrumented.add(instrumenter.instrument(spec)));
		long withoutWrappers = GraphLayout.parseInstance(starter.registry(), starter.metrics(), bare).totalSize();
		long withWrappers = GraphLayout.parseInstance(starter.registry(), starter.metrics(), bare, instrumented)
			.totalSize();
		long wrappersSize = withWrappers - withoutWrappers;

		System.out.printf("tools: %d (each: success, tool_error, 2 exception types)%n", tools);
		System.out.printf("JOL, starter (ToolCallMetrics + its meters in a PrometheusMeterRegistry): %,d B (%,d B/tool)%n",
				starterSize, starterSize / tools);
		System.out.printf("JOL, same series registered directly:                 %,d B (%,d B/tool)%n", plainSize,
				plainSize / tools);
		System.out.printf("JOL, only success + 2 exception-type timers:           %,d B (%,d B/tool)%n", minimalSize,
				minimalSize / tools);
		System.out.printf("JOL, starter beyond the same series:                   %,d B (%,d B/tool)%n",
				starterSize - plainSize, (starterSize - plainSize) / tools);
		System.out.printf("JOL, tool-spec wrappers (new spec + handler per tool):  %,d B (%,d B/tool)%n",
				wrappersSize, wrappersSize / tools);
		RecentErrors recentErrors = new RecentErrors(RECENT_ERRORS_CAPACITY,
				new MessageRedactor(List.of(), MESSAGE_MAX_LENGTH));
		long emptyBuffer = GraphLayout.parseInstance(recentErrors).totalSize();
		fill(ScrapeRegistries.starterMetrics(tools, recentErrors), tools);
		long fullBuffer = GraphLayout.parseInstance(recentErrors).totalSize();
		System.out.printf("JOL, recent-errors buffer, empty (capacity %d):          %,d B%n", RECENT_ERRORS_CAPACITY,
				emptyBuffer);
		System.out.printf("JOL, recent-errors buffer, full (%d x %d-char messages): %,d B (%,d B/entry)%n",
				RECENT_ERRORS_CAPACITY, MESSAGE_MAX_LENGTH, fullBuffer, fullBuffer / RECENT_ERRORS_CAPACITY);
		System.out.printf("JOL, total with 500 tools and a full buffer:           %,d B%n",
				starterSize + wrappersSize + fullBuffer);
		System.out.printf("heap-used delta after System.gc(), starter:            %,d B%n", heapUsedDelta(tools));
	}

	/** Fill the buffer with distinct failures whose messages are as long as kept. */
	private static void fill(ScrapeRegistries.StarterMetrics starter, int tools) {
		// Words, not one long token: the redactor removes token-like values, which would shorten the messages.
		String padding = "while reading the media entry list ".repeat(MESSAGE_MAX_LENGTH / 20);
		long threshold = Duration.ofSeconds(10).toNanos();
		for (int i = 0; i < 2 * RECENT_ERRORS_CAPACITY; i++) {
			ToolCallRecorder recorder = starter.metrics().recorder(ScrapeRegistries.toolName(i % tools));
			recorder.record(recorder.monotonicTime(), null, "KalturaApiException", threshold,
					"Entry 0_" + i + " not found: " + padding);
		}
	}

	private static long heapUsedDelta(int tools) {
		long before = usedAfterGc();
		ScrapeRegistries.StarterMetrics held = ScrapeRegistries.starterMetrics(tools);
		long after = usedAfterGc();
		if (held.metrics().registeredToolCount() != tools) {
			throw new IllegalStateException("Tools not registered");
		}
		return after - before;
	}

	private static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static List<SyncToolSpecification> toolSpecifications(int tools) {
		List<SyncToolSpecification> specs = new ArrayList<>();
		for (int i = 0; i < tools; i++) {
			McpSchema.Tool tool = McpSchema.Tool.builder()
				.name(ScrapeRegistries.toolName(i))
				.description("tool " + i)
				.inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), false, null, null))
				.build();
			specs.add(SyncToolSpecification.builder()
				.tool(tool)
				.callHandler((exchange, request) -> CallOverheadFixture.SUCCESS)
				.build());
		}
		return specs;
	}

}
