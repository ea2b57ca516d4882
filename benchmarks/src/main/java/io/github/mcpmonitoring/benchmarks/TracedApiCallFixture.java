package io.github.mcpmonitoring.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.github.mcpmonitoring.annotation.MonitoredMethodInterceptor;
import io.github.mcpmonitoring.annotation.MonitoredMethodPointcut;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.tracing.ApiCallObservations;
import io.github.mcpmonitoring.tracing.McpRequestTracingObservationHandler;
import io.github.mcpmonitoring.tracing.StarterMeteredObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * A {@code @MonitoredApiCall} method in an application that traces every call: Micrometer Tracing over the
 * OpenTelemetry SDK, sampling everything, with its observation handlers grouped and ordered as Spring Boot does, and
 * the batching span processor Boot configures in front of an exporter that drops the finished spans (what a real
 * exporter costs happens off the calling thread).
 */
public final class TracedApiCallFixture {

	/** The annotated methods, behind the starter's advisor with observations. */
	public final BenchmarkTools tracedProxy;

	/** The registry of the call's meters. */
	public final MeterRegistry registry;

	/** The application's observation registry: the tracing and meter handlers, grouped as Boot groups them. */
	public final ObservationRegistry observations;

	/** The spans the exporter was handed. */
	public final SpanCounter exporter = new SpanCounter();

	private final SdkTracerProvider tracerProvider;

	/**
	 * Build the traced application around a meter registry.
	 * @param registry the registry of the call's meters
	 */
	public TracedApiCallFixture(MeterRegistry registry) {
		this.registry = registry;
		this.tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(BatchSpanProcessor.builder(this.exporter).build())
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = this.tracerProvider.get("bench");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(
				ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
		ObservationRegistry observations = ObservationRegistry.create();
		this.observations = observations;
		observations.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new McpRequestTracingObservationHandler(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)))
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new TracingAwareMeterObservationHandler<>(new StarterMeteredObservationHandler(), tracer),
					new TracingAwareMeterObservationHandler<>(new DefaultMeterObservationHandler(registry), tracer)));
		ApiCallMetrics apiMetrics = new ApiCallMetrics(registry, Duration.ofMinutes(1), CallFailureListener.NONE,
				new DefaultFailureClassifier());
		ApiCallObservations apiObservations = new ApiCallObservations(observations);
		MonitoredMethodInterceptor interceptor = new MonitoredMethodInterceptor(TracedApiCallFixture::noTools,
				() -> apiMetrics, () -> apiObservations, null, Duration.ofSeconds(10), Duration.ofSeconds(5), true);
		ProxyFactory factory = new ProxyFactory(new BenchmarkTools());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
		this.tracedProxy = (BenchmarkTools) factory.getProxy();
	}

	/**
	 * Hand the spans still queued to the exporter.
	 */
	public void flush() {
		this.tracerProvider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
	}

	private static ToolCallMetrics noTools() {
		throw new IllegalStateException("no tool method is called here");
	}

	/** Counts the spans it is handed and keeps none. */
	public static final class SpanCounter implements SpanExporter {

		private long spans;

		private String lastSpanName;

		/**
		 * Return how many spans were exported.
		 * @return the count
		 */
		public synchronized long spans() {
			return this.spans;
		}

		/**
		 * Return the name of the last span exported.
		 * @return the name, or {@code null} before the first span
		 */
		public synchronized String lastSpanName() {
			return this.lastSpanName;
		}

		@Override
		public synchronized CompletableResultCode export(Collection<SpanData> spans) {
			this.spans += spans.size();
			for (SpanData span : spans) {
				this.lastSpanName = span.getName();
			}
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
