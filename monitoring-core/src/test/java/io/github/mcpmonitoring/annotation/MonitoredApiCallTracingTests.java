package io.github.mcpmonitoring.annotation;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.tracing.ApiCallObservations;
import io.github.mcpmonitoring.tracing.InMemoryTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the observations of {@link MonitoredApiCall @MonitoredApiCall} methods with a real tracer (Micrometer
 * Tracing over the OpenTelemetry SDK).
 */
class MonitoredApiCallTracingTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final InMemoryTracing tracing = new InMemoryTracing(this.meters);

	private final UpstreamClient target = new UpstreamClient(this.tracing);

	@Test
	void aCallIsAChildSpanOfTheCurrentObservationAndCurrentWhileItRuns() {
		UpstreamClient client = proxy(new ApiCallObservations(this.tracing.registry));
		Observation toolCall = Observation.start("tool.call", this.tracing.registry).contextualName("tools/call x");
		try (Observation.Scope scope = toolCall.openScope()) {
			assertThat(client.get("0_abc")).isEqualTo("entry 0_abc");
		}
		toolCall.stop();

		SpanData api = this.tracing.span("kaltura.media.get");
		assertThat(api.getParentSpanId()).isEqualTo(this.tracing.span("tools/call x").getSpanId());
		assertThat(api.getAttributes().get(AttributeKey.stringKey("api"))).isEqualTo("kaltura.media.get");
		assertThat(api.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(this.target.spanSeenByTheCall).as("the span the call's own requests and log lines see")
			.isEqualTo(api.getSpanId());
	}

	@Test
	void aFailedCallFailsItsSpanAndRethrowsTheSameException() {
		UpstreamClient client = proxy(new ApiCallObservations(this.tracing.registry));
		IOException failure = new IOException("upstream down");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> client.fail(failure)).isSameAs(failure);

		SpanData api = this.tracing.span("kaltura.media.list");
		assertThat(api.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(api.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("IOException");
		assertThat(this.meters.get(McpMeterNames.API_CALL_DURATION).tag("error.type", "IOException").timer().count())
			.isEqualTo(1);
	}

	@Test
	void theStartersTimerIsTheOnlyMeterOfACall() {
		UpstreamClient client = proxy(new ApiCallObservations(this.tracing.registry));
		client.get("0_abc");

		assertThat(this.meters.get(McpMeterNames.API_CALL_DURATION).tag("error.type", "none").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.find("mcp.api.call").timer()).isNull();
		assertThat(this.meters.find("mcp.api.call.active").longTaskTimer()).isNull();
	}

	@Test
	void withoutObservationsACallMakesNoSpan() {
		UpstreamClient client = proxy(null);
		client.get("0_abc");

		assertThat(this.tracing.spans()).isEmpty();
		assertThat(this.meters.get(McpMeterNames.API_CALL_DURATION).timer().count()).isEqualTo(1);
	}

	@Test
	void aCallThatCompletesLaterIsTimedButNotASpan() {
		UpstreamClient client = proxy(new ApiCallObservations(this.tracing.registry));
		client.later().toCompletableFuture().join();

		assertThat(this.tracing.spans()).isEmpty();
		assertThat(this.meters.get(McpMeterNames.API_CALL_DURATION).tag("api", "kaltura.media.later").timer().count())
			.isEqualTo(1);
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(ApiCallObservations observations) {
		ApiCallMetrics apiMetrics = new ApiCallMetrics(this.meters, Duration.ofMinutes(1), CallFailureListener.NONE,
				new DefaultFailureClassifier());
		MonitoredMethodInterceptor interceptor = new MonitoredMethodInterceptor(MonitoredApiCallTracingTests::noTools,
				() -> apiMetrics, () -> observations, null, Duration.ofSeconds(10), Duration.ofSeconds(5), true);
		ProxyFactory proxyFactory = new ProxyFactory(this.target);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvisor(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
		return (T) proxyFactory.getProxy();
	}

	private static ToolCallMetrics noTools() {
		throw new AssertionError("No tool method here: tool metrics must not be asked for");
	}

	public static class UpstreamClient {

		private final InMemoryTracing tracing;

		String spanSeenByTheCall;

		public UpstreamClient(InMemoryTracing tracing) {
			this.tracing = tracing;
		}

		@MonitoredApiCall("kaltura.media.get")
		public String get(String id) {
			Span current = this.tracing.tracer.currentSpan();
			this.spanSeenByTheCall = (current != null) ? current.context().spanId() : null;
			return "entry " + id;
		}

		@MonitoredApiCall("kaltura.media.list")
		public String fail(IOException failure) throws IOException {
			throw failure;
		}

		@MonitoredApiCall("kaltura.media.later")
		public CompletionStage<String> later() {
			return CompletableFuture.completedFuture("later");
		}

	}

}
