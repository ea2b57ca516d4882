package io.github.mcpmonitoring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.mcpmonitoring.requests.McpRequest;
import io.github.mcpmonitoring.requests.MonitoredStatelessServerTransport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks that each benchmark measures what it claims to: no JMH run, no timing.
 */
class BenchmarkFixturesTests {

	private final CallOverheadFixture fixture = new CallOverheadFixture();

	@AfterEach
	void closeFixture() {
		this.fixture.close();
	}

	@Test
	void annotatedMethodsRecordOnceEach() {
		assertThat(this.fixture.floorProxy.work("a")).isEqualTo("a");
		assertThat(this.fixture.timedAspectProxy.timedWork("a")).isEqualTo("a");
		assertThat(this.fixture.monitoredProxy.toolWork("a")).isEqualTo("a");
		assertThat(this.fixture.monitoredProxy.apiWork("a")).isEqualTo("a");
		assertThat(this.fixture.monitoredProxyWithoutInFlight.toolWork("a")).isEqualTo("a");
		assertThat(this.fixture.registry.get("bench.floor").timer().count()).isOne();
		assertThat(this.fixture.registry.get("bench.timed").timer().count()).isOne();
		assertThat(toolCalls(this.fixture.registry, "bench_tool", "none")).isOne();
		assertThat(this.fixture.registry.get("mcp.api.call.duration").tag("api", "bench.api").timer().count()).isOne();
		assertThat(toolCalls(this.fixture.registryWithoutInFlight, "bench_tool", "none")).isOne();
		assertThat(this.fixture.registryWithoutInFlight.find("mcp.server.operation.active").meters()).isEmpty();
	}

	@Test
	void theTracedApiCallIsASpanAndRecordsTheStartersTimerOnly() {
		TracedApiCallFixture traced = new TracedApiCallFixture(this.fixture.registry);
		assertThat(traced.tracedProxy.apiWork("a")).isEqualTo("a");
		traced.flush();
		assertThat(traced.exporter.spans()).isEqualTo(1);
		assertThat(this.fixture.registry.get("mcp.api.call.duration").tag("api", "bench.api").timer().count())
			.isEqualTo(1);
		assertThat(this.fixture.registry.find("mcp.api.call").timer()).isNull();
	}

	@Test
	void theRequestLayerDecoratesTheServersHandlerAndAnswersAsTheBareOne() {
		RequestLayerFixture requests = new RequestLayerFixture(this.fixture.registry, this.fixture.toolMetrics,
				ObservationRegistry.NOOP);
		assertThat(requests.monitoredServer.getClass().getEnclosingClass())
			.isEqualTo(MonitoredStatelessServerTransport.class);
		assertThat(requests.bareServer.getClass().getEnclosingClass()).isNotEqualTo(
				MonitoredStatelessServerTransport.class);
		JSONRPCResponse bare = RequestLayerFixture.handle(requests.bareServer);
		JSONRPCResponse monitored = RequestLayerFixture.handle(requests.monitoredServer);
		assertThat(monitored.result()).isSameAs(bare.result()).isSameAs(CallOverheadFixture.SUCCESS);
		assertThat(monitored.id()).isEqualTo(bare.id()).isEqualTo(RequestLayerFixture.TOOLS_CALL.id());
	}

	@Test
	void theWrapperInARequestReadsItsRecord() {
		RequestLayerFixture requests = new RequestLayerFixture(this.fixture.registry, this.fixture.toolMetrics,
				ObservationRegistry.NOOP);
		assertThat(McpRequest.of(requests.requestContext)).isNotNull();
		assertThat(requests.wrappedTool.apply(requests.requestContext, RequestLayerFixture.CALL))
			.isSameAs(CallOverheadFixture.SUCCESS);
		assertThat(requestToolCalls("tcp")).isOne();
		assertThat(requestToolCalls("")).isZero();
	}

	@Test
	void aToolCallThroughBothLayersIsRecordedOnceWithItsRequestsConnection() {
		RequestLayerFixture requests = new RequestLayerFixture(this.fixture.registry, this.fixture.toolMetrics,
				ObservationRegistry.NOOP);
		assertThat(RequestLayerFixture.handle(requests.monitoredServerWithWrappedTool).result())
			.isSameAs(CallOverheadFixture.SUCCESS);
		assertThat(requestToolCalls("tcp")).isOne();
		assertThat(this.fixture.registry.find("mcp.server.operation.duration")
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", RequestLayerFixture.TOOL_NAME)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum()).isOne();
	}

	@Test
	void aTracedToolCallIsOneSpanAndOneTimerAndAnUntracedOneNoSpan() {
		TracedApiCallFixture traced = new TracedApiCallFixture(this.fixture.registry);
		RequestLayerFixture requests = new RequestLayerFixture(this.fixture.registry, this.fixture.toolMetrics,
				traced.observations);
		RequestLayerFixture.handle(requests.monitoredServerWithWrappedTool);
		traced.flush();
		assertThat(traced.exporter.spans()).isZero();
		assertThat(RequestLayerFixture.handle(requests.tracedServerWithWrappedTool).result())
			.isSameAs(CallOverheadFixture.SUCCESS);
		traced.flush();
		assertThat(traced.exporter.spans()).isOne();
		assertThat(traced.exporter.lastSpanName()).isEqualTo("tools/call " + RequestLayerFixture.TOOL_NAME);
		assertThat(requestToolCalls("tcp")).isEqualTo(2);
		assertThat(this.fixture.registry.find("mcp.server.operation").meters()).isEmpty();
	}

	@Test
	void theStreamableSessionOfTheRequestLayerHandsTheToolItsRecordAndAnswersAsTheSdksOwn() {
		List<McpRequest> seen = new ArrayList<>();
		StreamableRequestFixture streamable = new StreamableRequestFixture(this.fixture.registry,
				this.fixture.toolMetrics, (exchange, call) -> {
					seen.add(McpRequest.of(exchange));
					return CallOverheadFixture.SUCCESS;
				});
		assertThat(streamable.monitoredSession.getClass().getSimpleName())
			.isEqualTo("MonitoredStreamableServerSession");
		JSONRPCResponse bare = (JSONRPCResponse) StreamableRequestFixture.handle(streamable.bareSession);
		JSONRPCResponse monitored = (JSONRPCResponse) StreamableRequestFixture.handle(streamable.monitoredSession);
		assertThat(monitored.result()).isSameAs(bare.result()).isSameAs(CallOverheadFixture.SUCCESS);
		assertThat(monitored.id()).isEqualTo(bare.id()).isEqualTo(RequestLayerFixture.TOOLS_CALL.id());
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isNull();
		assertThat(seen.get(1)).isNotNull();
		assertThat(seen.get(1).sessionId()).isEqualTo("bench-session");
	}

	@Test
	void timedAspectAndFloorUseTheStarterBuckets() {
		this.fixture.timedAspectProxy.timedWork("a");
		this.fixture.floorProxy.work("a");
		assertThat(this.fixture.registry.get("bench.timed").timer().takeSnapshot().histogramCounts()).hasSize(14);
		assertThat(this.fixture.registry.get("bench.floor").timer().takeSnapshot().histogramCounts()).hasSize(14);
	}

	@Test
	void inFlightMeterIsTheOneTheStarterRegistersAndCountsWhileASampleRuns() {
		LongTaskTimer.Sample sample = this.fixture.inFlightMeter.start();
		assertThat(this.fixture.registry.get("mcp.server.operation.active")
			.tag("gen_ai.tool.name", "bench_in_flight_tool")
			.longTaskTimer()
			.activeTasks()).isOne();
		sample.stop();
		assertThat(this.fixture.inFlightMeter.activeTasks()).isZero();
	}

	@Test
	void wrappedHandlersRecordOnceWithTheRightOutcome() {
		assertThat(this.fixture.wrappedHandler.apply(null, CallOverheadFixture.REQUEST))
			.isSameAs(CallOverheadFixture.SUCCESS);
		this.fixture.wrappedHandlerWithoutInFlight.apply(null, CallOverheadFixture.REQUEST);
		this.fixture.wrappedHandlerCallingAnnotated.apply(null, CallOverheadFixture.REQUEST);
		this.fixture.wrappedErrorHandler.apply(null, CallOverheadFixture.REQUEST);
		assertThat(this.fixture.wrappedHandlerCallingFailing.apply(null, CallOverheadFixture.REQUEST))
			.isSameAs(CallOverheadFixture.ERROR);
		assertThat(toolCalls(this.fixture.registry, "bench_tool", "none")).isOne();
		assertThat(toolCalls(this.fixture.registryWithoutInFlight, "bench_tool", "none")).isOne();
		assertThat(toolCalls(this.fixture.registry, "bench_annotated_tool", "none")).isOne();
		assertThat(toolCalls(this.fixture.registry, "bench_error_tool", "tool_error")).isOne();
		assertThat(toolCalls(this.fixture.registry, "bench_failing_annotated_tool", "BenchmarkFailure")).isOne();
		assertThat(this.fixture.registry.find("mcp.server.operation.duration")
			.tag("gen_ai.tool.name", "bench_failing_tool")
			.timers()).isEmpty();
	}

	@Test
	void wrappedHandlerWithResultSizeRecordsTheCallAndTheSizeOfItsResult() {
		assertThat(this.fixture.wrappedHandlerWithResultSize.apply(null, CallOverheadFixture.REQUEST))
			.isSameAs(CallOverheadFixture.SUCCESS);
		assertThat(toolCalls(this.fixture.registry, CallOverheadFixture.SIZED_TOOL_NAME, "none")).isOne();
		DistributionSummary sizes = this.fixture.registry.get("mcp.server.tool.result.size")
			.tag("gen_ai.tool.name", CallOverheadFixture.SIZED_TOOL_NAME)
			.summary();
		assertThat(sizes.count()).isOne();
		assertThat(sizes.totalAmount()).isEqualTo(2.0);
		this.fixture.wrappedHandler.apply(null, CallOverheadFixture.REQUEST);
		assertThat(this.fixture.registry.find("mcp.server.tool.result.size").summaries()).hasSize(1);
	}

	@Test
	void failingMethodsRecordTheirExceptionType() {
		assertThatExceptionOfType(BenchmarkTools.BenchmarkFailure.class)
			.isThrownBy(() -> this.fixture.monitoredProxy.failingToolWork("a"));
		assertThatExceptionOfType(BenchmarkTools.BenchmarkFailure.class)
			.isThrownBy(() -> this.fixture.monitoredProxy.failingApiWork("a"));
		assertThat(toolCalls(this.fixture.registry, "bench_failing_tool", "BenchmarkFailure")).isOne();
		assertThat(this.fixture.registry.get("mcp.api.call.duration")
			.tags("api", "bench.failing_api", "error.type", "BenchmarkFailure")
			.timer()
			.count()).isOne();
		assertThat(this.fixture.recentErrors.totalCount()).isEqualTo(2);
	}

	@Test
	void starterAndPlainRegistriesExposeTheSameSeries() {
		Set<String> starter = series(ScrapeRegistries.starter(3).scrape());
		assertThat(starter).contains(
				"mcp_server_operation_duration_seconds_count{error_origin=\"server\",error_type=\"KalturaApiException\",gen_ai_operation_name=\"execute_tool\",gen_ai_prompt_name=\"\",gen_ai_tool_name=\"tool_2\",mcp_method_name=\"tools/call\",mcp_protocol_version=\"\",network_transport=\"\",rpc_response_status_code=\"\"}");
		assertThat(series(ScrapeRegistries.plain(3).scrape())).isEqualTo(starter);
		assertThat(series(ScrapeRegistries.plainMinimal(3).scrape())).isNotEmpty().isSubsetOf(starter);
	}

	private double requestToolCalls(String transport) {
		return this.fixture.registry.get("mcp.server.operation.duration")
			.tags("gen_ai.tool.name", RequestLayerFixture.TOOL_NAME, "error.type", "none", "network.transport",
					transport)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static double toolCalls(MeterRegistry registry, String tool, String errorType) {
		return registry.get("mcp.server.operation.duration")
			.tags("gen_ai.tool.name", tool, "error.type", errorType)
			.timer()
			.count();
	}

	/** The series of a scrape, without their values. */
	private static Set<String> series(String scrape) {
		return scrape.lines()
			.filter((line) -> !line.startsWith("#"))
			.map((line) -> line.substring(0, line.lastIndexOf(' ')))
			.collect(Collectors.toSet());
	}

}
