package io.github.mcpmonitoring.tracing;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * A real tracer for tests, set up as Spring Boot sets it up: Micrometer Tracing over the OpenTelemetry SDK with W3C
 * propagation, its observation handlers in Boot's groups and order (the starter's first), finished spans kept in
 * memory.
 */
public final class InMemoryTracing {

	public final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	public final OtelTracer tracer;

	public final OtelPropagator propagator;

	public final ObservationRegistry registry = ObservationRegistry.create();

	public InMemoryTracing(MeterRegistry meters) {
		ContextPropagators propagators = ContextPropagators.create(TextMapPropagator
			.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));
		OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
			.setTracerProvider(
					SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(this.exporter)).build())
			.setPropagators(propagators)
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = sdk.getTracer("test");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		this.tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of("tenant"), List.of()));
		this.propagator = new OtelPropagator(propagators, otelTracer);
		this.registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new McpRequestTracingObservationHandler(this.tracer, this.propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, this.propagator),
					new PropagatingSenderTracingObservationHandler<>(this.tracer, this.propagator),
					new DefaultTracingObservationHandler(this.tracer)))
			.observationHandler(new FirstMatchingCompositeObservationHandler(new StarterMeteredObservationHandler(),
					new DefaultMeterObservationHandler(meters)));
	}

	public List<SpanData> spans() {
		return this.exporter.getFinishedSpanItems();
	}

	public SpanData span(String name) {
		return spans().stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span " + name + " in " + spans()));
	}

}
