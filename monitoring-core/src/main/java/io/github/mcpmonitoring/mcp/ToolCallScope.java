package io.github.mcpmonitoring.mcp;

import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.github.mcpmonitoring.requests.McpRequest;
import io.github.mcpmonitoring.tracing.ToolCallMdc;
import io.micrometer.observation.Observation;

/**
 * What a tool runs in on its thread: the scope of its request's observation, so that the spans it starts are children
 * of the request's and the tool timer records under the request's span (its exemplar), and the tool name and session
 * id in the MDC when the request says so. Opening and closing never throw.
 */
final class ToolCallScope implements AutoCloseable {

	/** Nothing opened: the call did not arrive through the request layer. */
	static final ToolCallScope NONE = new ToolCallScope(null, null);

	private static final RecordingFailureLog FAILURE_LOG = new RecordingFailureLog();

	private final Observation.Scope scope;

	private final ToolCallMdc.Restore mdc;

	private ToolCallScope(Observation.Scope scope, ToolCallMdc.Restore mdc) {
		this.scope = scope;
		this.mdc = mdc;
	}

	/**
	 * Open the scope of a call on the current thread.
	 * @param request the call's request, or {@code null}
	 * @param toolName the tool's registered name
	 * @return what to close on the same thread
	 */
	static ToolCallScope open(McpRequest request, String toolName) {
		if (request == null) {
			return NONE;
		}
		Observation.Scope scope = null;
		try {
			Observation observation = request.observation();
			boolean traced = !observation.isNoop();
			if (!traced && !request.toolMdc()) {
				// Nothing to open: the call allocates nothing here.
				return NONE;
			}
			scope = traced ? observation.openScope() : null;
			return new ToolCallScope(scope, request.toolMdc() ? ToolCallMdc.put(toolName, request.sessionId()) : null);
		}
		catch (Throwable ex) {
			if (scope != null) {
				scope.close();
			}
			FAILURE_LOG.recordingFailed("the tool call's scope", ex);
			return NONE;
		}
	}

	@Override
	public void close() {
		if (this == NONE) {
			return;
		}
		try {
			if (this.mdc != null) {
				this.mdc.close();
			}
		}
		catch (Throwable ex) {
			FAILURE_LOG.recordingFailed("the tool call's scope", ex);
		}
		finally {
			if (this.scope != null) {
				this.scope.close();
			}
		}
	}

}
