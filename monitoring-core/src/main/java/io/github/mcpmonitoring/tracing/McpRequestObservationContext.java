package io.github.mcpmonitoring.tracing;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation context of one MCP request: a receiving context of kind {@code SERVER} whose carrier is the
 * request's {@code params._meta}, so that a tracer's own propagator reads the caller's {@code traceparent},
 * {@code tracestate} and {@code baggage} from it.
 * <p>
 * Only string values of {@code _meta} are read, each cut at {@value #MAX_FIELD_LENGTH} characters: what a client
 * sends there is not trusted.
 */
public class McpRequestObservationContext extends ReceiverContext<Map<String, Object>> {

	/** Longest {@code _meta} value handed to a propagator (W3C baggage may be up to 8192 bytes). */
	static final int MAX_FIELD_LENGTH = 8192;

	private final String method;

	private final String target;

	/**
	 * Create the context of a request.
	 * @param method the JSON-RPC method, already bounded
	 * @param target the tool or prompt the request names, already bounded, or {@code null}
	 * @param meta the request's {@code params._meta}, or {@code null}
	 */
	public McpRequestObservationContext(String method, String target, Map<String, Object> meta) {
		super(McpRequestObservationContext::metaValue, Kind.SERVER);
		this.method = method;
		this.target = target;
		setCarrier((meta != null) ? meta : Map.of());
	}

	private static String metaValue(Map<String, Object> meta, String key) {
		if (meta == null) {
			return null;
		}
		Object value = meta.get(key);
		if (!(value instanceof String text)) {
			return null;
		}
		return (text.length() > MAX_FIELD_LENGTH) ? null : text;
	}

	/**
	 * Return the JSON-RPC method of the request.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Return the tool or prompt the request names.
	 * @return the target, or {@code null} when the method names none
	 */
	public String getTarget() {
		return this.target;
	}

	/**
	 * Return a field of the request's {@code _meta} as a propagator would read it.
	 * @param key the field
	 * @return its value, or {@code null} when it is absent, not a string or too long
	 */
	public String metaField(String key) {
		return metaValue(getCarrier(), key);
	}

}
