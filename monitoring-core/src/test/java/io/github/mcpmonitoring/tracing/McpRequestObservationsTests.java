package io.github.mcpmonitoring.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpRequestObservations} with a real tracer (Micrometer Tracing over the OpenTelemetry SDK).
 */
class McpRequestObservationsTests {

	private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	private static final String CALLER_TRACEPARENT = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final InMemoryTracing tracing = new InMemoryTracing(this.meters);

	private final McpRequestObservations observations = new McpRequestObservations(this.tracing.registry);

	@Test
	void withoutCallerContextIsAServerSpanUnderTheHttpRequestWithTheRequestsAttributes() {
		Observation http = httpRequest();
		try (Observation.Scope scope = http.openScope()) {
			this.observations
				.start("tools/call", "get_media_entry", "7", "session-1", "2025-06-18", "tcp", null, null)
				.stop("none", "none", null, null);
		}
		http.stop();

		SpanData request = this.tracing.span("tools/call get_media_entry");
		SpanData httpSpan = this.tracing.span("http post /mcp");
		assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(request.getTraceId()).isEqualTo(httpSpan.getTraceId());
		assertThat(request.getParentSpanId()).isEqualTo(httpSpan.getSpanId());
		assertThat(request.getLinks()).isEmpty();
		assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
		assertThat(request.getAttributes().asMap()).containsOnlyKeys(key("mcp.method.name"), key("gen_ai.tool.name"),
				key("gen_ai.operation.name"), key("network.transport"), key("mcp.protocol.version"),
				key("mcp.session.id"), key("jsonrpc.request.id"));
		assertThat(attribute(request, "mcp.method.name")).isEqualTo("tools/call");
		assertThat(attribute(request, "gen_ai.tool.name")).isEqualTo("get_media_entry");
		assertThat(attribute(request, "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(attribute(request, "network.transport")).isEqualTo("tcp");
		assertThat(attribute(request, "mcp.protocol.version")).isEqualTo("2025-06-18");
		assertThat(attribute(request, "mcp.session.id")).isEqualTo("session-1");
		assertThat(attribute(request, "jsonrpc.request.id")).isEqualTo("7");
	}

	@Test
	void isAChildOfTheObservationItIsGivenEvenWhenThatIsNotCurrent() {
		Observation http = httpRequest();
		this.observations.start("ping", null, "1", null, null, "tcp", Map.of(), http).stop("none", "none", null, null);
		http.stop();

		SpanData request = this.tracing.span("ping");
		assertThat(request.getParentSpanId()).isEqualTo(this.tracing.span("http post /mcp").getSpanId());
	}

	@Test
	void callerContextInMetaIsTheParentAndTheHttpSpanOfAnotherTraceALink() {
		Observation http = httpRequest();
		try (Observation.Scope scope = http.openScope()) {
			this.observations
				.start("tools/call", "list_media", "2", "session-1", null, "tcp",
						Map.of("traceparent", CALLER_TRACEPARENT, "progressToken", 3), null)
				.stop("none", "none", null, null);
		}
		http.stop();

		SpanData request = this.tracing.span("tools/call list_media");
		SpanData httpSpan = this.tracing.span("http post /mcp");
		assertThat(request.getTraceId()).isEqualTo(CALLER_TRACE);
		assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);
		assertThat(request.getParentSpanContext().isRemote()).isTrue();
		assertThat(request.getLinks()).singleElement().satisfies((link) -> {
			assertThat(link.getSpanContext().getTraceId()).isEqualTo(httpSpan.getTraceId());
			assertThat(link.getSpanContext().getSpanId()).isEqualTo(httpSpan.getSpanId());
		});
	}

	@Test
	void callerContextOfTheHttpRequestsOwnTraceNeedsNoLink() {
		Observation http = httpRequest();
		try (Observation.Scope scope = http.openScope()) {
			String httpTrace = this.tracing.tracer.currentSpan().context().traceId();
			this.observations
				.start("tools/call", "list_media", "2", null, null, "tcp",
						Map.of("traceparent", "00-" + httpTrace + "-" + CALLER_SPAN + "-01"), null)
				.stop("none", "none", null, null);
		}
		http.stop();

		SpanData request = this.tracing.span("tools/call list_media");
		assertThat(request.getTraceId()).isEqualTo(this.tracing.span("http post /mcp").getTraceId());
		assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);
		assertThat(request.getLinks()).isEmpty();
	}

	@Test
	void callerBaggageInMetaIsExtractedByThePropagator() {
		McpRequestObservation request = this.observations.start("tools/call", "list_media", "2", null, null, "tcp",
				Map.of("traceparent", CALLER_TRACEPARENT, "baggage", "tenant=acme"), null);
		String tenant;
		try (Observation.Scope scope = request.observation().openScope()) {
			tenant = this.tracing.tracer.getBaggage("tenant").get();
		}
		request.stop("none", "none", null, null);
		assertThat(tenant).isEqualTo("acme");
	}

	@Test
	void metaValuesThatAreNotTextAreIgnored() {
		Observation http = httpRequest();
		Map<String, Object> meta = new HashMap<>();
		meta.put("traceparent", Map.of("trace", CALLER_TRACE));
		try (Observation.Scope scope = http.openScope()) {
			this.observations.start("tools/call", "list_media", "2", null, null, "tcp", meta, null)
				.stop("none", "none", null, null);
		}
		http.stop();

		SpanData request = this.tracing.span("tools/call list_media");
		assertThat(request.getParentSpanId()).isEqualTo(this.tracing.span("http post /mcp").getSpanId());
	}

	@Test
	void aToolErrorResultFailsTheSpanWithItsErrorType() {
		this.observations.start("tools/call", "get_media_entry", "3", null, null, "tcp", null, null)
			.stop("tool_error", "server", null, null);

		SpanData request = this.tracing.span("tools/call get_media_entry");
		assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(request, "error.type")).isEqualTo("tool_error");
		assertThat(attribute(request, "error.origin")).isEqualTo("server");
	}

	@Test
	void aServerJsonRpcErrorFailsTheSpanWithItsCode() {
		this.observations.start("resources/read", null, "4", null, null, "tcp", null, null)
			.stop("-32603", "server", "-32603", null);

		SpanData request = this.tracing.span("resources/read");
		assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(request, "error.type")).isEqualTo("-32603");
		assertThat(attribute(request, "rpc.response.status_code")).isEqualTo("-32603");
	}

	@Test
	void aClientMistakeKeepsItsCodeButIsNoServerError() {
		this.observations.start("tools/call", "_OTHER", "5", null, null, "tcp", null, null)
			.stop("", "client", "-32602", null);

		SpanData request = this.tracing.span("tools/call _OTHER");
		assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
		assertThat(attribute(request, "rpc.response.status_code")).isEqualTo("-32602");
		assertThat(request.getAttributes().get(key("error.type"))).isNull();
	}

	@Test
	void makesNoMeterBesideTheStartersOwn() {
		this.observations.start("tools/call", "list_media", "6", null, null, "tcp", null, null)
			.stop("none", "none", null, null);
		httpRequest().stop();

		assertThat(this.meters.find("http.server.requests").timer()).as("other observations keep their meters")
			.isNotNull();
		assertThat(this.meters.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("mcp."));
	}

	@Test
	void aRegistryWithoutHandlersObservesNothing() {
		McpRequestObservations unobserved = new McpRequestObservations(ObservationRegistry.create());
		assertThat(unobserved.start("tools/call", "list_media", "1", null, null, "tcp", null, null))
			.isSameAs(McpRequestObservation.NOOP);
		assertThat(new McpRequestObservations(ObservationRegistry.NOOP).start("ping", null, null, null, null, "tcp",
				null, null))
			.isSameAs(McpRequestObservation.NOOP);
	}

	private Observation httpRequest() {
		return Observation.createNotStarted("http.server.requests", this.tracing.registry)
			.contextualName("http post /mcp")
			.start();
	}

	private static AttributeKey<String> key(String name) {
		return AttributeKey.stringKey(name);
	}

	private static String attribute(SpanData span, String name) {
		return span.getAttributes().get(key(name));
	}

}
