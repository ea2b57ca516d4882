package io.github.mcpmonitoring.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Makes the span of an MCP request: the tracer's propagator extracts the caller's context from
 * {@code params._meta}, which then is the parent, and the span the request arrived in (the HTTP request's) becomes a
 * link when it belongs to another trace; without a {@code traceparent} in {@code _meta} the span is a child of the
 * observation the request runs under.
 * <p>
 * It must come before the application's own receiving handler, which would take these contexts too.
 */
public class McpRequestTracingObservationHandler
		extends PropagatingReceiverTracingObservationHandler<McpRequestObservationContext> {

	/** The W3C field the MCP specification reserves in {@code _meta} for the caller's trace context. */
	static final String TRACEPARENT = "traceparent";

	// version "-" trace-id: the trace id starts at index 3 and has 32 hex digits.
	private static final int TRACE_ID_START = 3;

	private static final int TRACE_ID_LENGTH = 32;

	/**
	 * Create the handler.
	 * @param tracer the application's tracer
	 * @param propagator the tracer's propagator, which reads {@code _meta} as it reads HTTP headers
	 */
	public McpRequestTracingObservationHandler(Tracer tracer, Propagator propagator) {
		super(tracer, propagator);
	}

	@Override
	public Span.Builder customizeExtractedSpan(McpRequestObservationContext context, Span.Builder builder) {
		Span ambient = ambientSpan(context);
		if (ambient == null) {
			return builder;
		}
		String traceparent = context.metaField(TRACEPARENT);
		if (traceparent == null) {
			return builder.setParent(ambient.context());
		}
		if (!sameTrace(traceparent, ambient.context())) {
			builder.addLink(new Link(ambient));
		}
		return builder;
	}

	/**
	 * Return the span the request arrived in: that of the observation it runs under, else the current one. Not
	 * {@link #getParentSpan}, which answers from this context's own tracing context once the span is being made.
	 */
	private Span ambientSpan(McpRequestObservationContext context) {
		ObservationView parent = context.getParentObservation();
		if (parent != null) {
			TracingContext parentTracing = parent.getContextView().get(TracingContext.class);
			if (parentTracing != null && parentTracing.getSpan() != null) {
				return parentTracing.getSpan();
			}
		}
		return getTracer().currentSpan();
	}

	/**
	 * Tell whether the caller's trace context names the trace the request arrived in, which happens when a client
	 * sends the same {@code traceparent} in its HTTP headers and in {@code _meta}: a link to a span of the same trace
	 * says nothing more.
	 */
	private static boolean sameTrace(String traceparent, TraceContext ambient) {
		String traceId = ambient.traceId();
		return traceId.length() == TRACE_ID_LENGTH && traceparent.length() > TRACE_ID_START + TRACE_ID_LENGTH
				&& traceparent.regionMatches(true, TRACE_ID_START, traceId, 0, TRACE_ID_LENGTH);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof McpRequestObservationContext;
	}

}
