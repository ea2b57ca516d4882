package io.github.mcpmonitoring.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Caps the number of distinct {@code error.type} values on the starter's meters: beyond the maximum, new exception
 * types are recorded as {@code other} and a warning is logged once. {@code none} and {@code tool_error} are always
 * kept.
 */
public class ErrorTypeCardinalityFilter implements MeterFilter {

	private static final Log logger = LogFactory.getLog(ErrorTypeCardinalityFilter.class);

	private final int maxErrorTypes;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Create a filter that keeps at most the given number of distinct exception types.
	 * @param maxErrorTypes the maximum number of distinct exception types, at least 1
	 */
	public ErrorTypeCardinalityFilter(int maxErrorTypes) {
		SettingChecks.requireAtLeast("maxErrorTypes", maxErrorTypes, 1);
		this.maxErrorTypes = maxErrorTypes;
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		if (!id.getName().startsWith("mcp.")) {
			return id;
		}
		String errorType = id.getTag(McpMeterNames.TAG_ERROR_TYPE);
		if (errorType == null || isAllowed(errorType)) {
			return id;
		}
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("More than " + this.maxErrorTypes + " distinct exception types were recorded on MCP meters;"
					+ " further ones are recorded as error.type=other (raise mcp.monitoring.max-error-types to keep them)");
		}
		return id.replaceTags(replaceErrorType(id));
	}

	private boolean isAllowed(String errorType) {
		if (ErrorTypes.NONE.equals(errorType) || ErrorTypes.TOOL_ERROR.equals(errorType)
				|| ErrorTypes.OTHER.equals(errorType) || this.seen.contains(errorType)) {
			return true;
		}
		synchronized (this.seen) {
			if (this.seen.size() < this.maxErrorTypes) {
				this.seen.add(errorType);
				return true;
			}
			return this.seen.contains(errorType);
		}
	}

	private static Iterable<Tag> replaceErrorType(Meter.Id id) {
		return id.getTags()
			.stream()
			.map((tag) -> McpMeterNames.TAG_ERROR_TYPE.equals(tag.getKey())
					? Tag.of(McpMeterNames.TAG_ERROR_TYPE, ErrorTypes.OTHER) : tag)
			.toList();
	}

}
