package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import org.aopalliance.intercept.MethodInvocation;

/**
 * A tool method's part in counting its calls once. Inside a tool call the MCP layer records, the method refines that
 * call and notes the exception it threw; outside, it records its call itself, unless the MCP layer records the tool
 * the method implements (an asynchronous server runs it on another thread than the call's).
 */
public final class ToolMethod {

	private final ToolCallMetrics metrics;

	private final String frameworkToolName;

	private final String refinedName;

	private final long refinedSlowThresholdNanos;

	ToolMethod(ToolCallMetrics metrics, String frameworkToolName, String refinedName,
			long refinedSlowThresholdNanos) {
		this.metrics = metrics;
		this.frameworkToolName = frameworkToolName;
		this.refinedName = refinedName;
		this.refinedSlowThresholdNanos = refinedSlowThresholdNanos;
	}

	/**
	 * Run a call of the method.
	 * @param invocation the call
	 * @param selfRecording records the call when nothing else does, or {@code null} to leave such calls unrecorded
	 * @return what the method returned, as the caller must see it
	 * @throws Throwable what the method threw, unchanged
	 */
	public Object invoke(MethodInvocation invocation, SelfRecording selfRecording) throws Throwable {
		ToolInvocation open = ToolInvocation.current();
		if (open != null) {
			// Another tool's method, called from this tool's handler, is part of this call, not its tool.
			return (this.frameworkToolName == null || open.isOf(this.frameworkToolName)) ? refine(open, invocation)
					: invocation.proceed();
		}
		if (selfRecording == null || isRecordedByMcpLayer()) {
			return noteFailure(invocation);
		}
		return selfRecording.record(invocation);
	}

	private boolean isRecordedByMcpLayer() {
		return this.frameworkToolName != null && this.metrics.isRegisteredTool(this.frameworkToolName);
	}

	private Object refine(ToolInvocation open, MethodInvocation invocation) throws Throwable {
		open.refine(this.refinedName, this.refinedSlowThresholdNanos);
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			// Not a recording failure: the method's own exception, noted and rethrown unchanged.
			open.toolMethodFailed(ex);
			throw ex;
		}
	}

	private static Object noteFailure(MethodInvocation invocation) throws Throwable {
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			// Not a recording failure: the method's own exception, noted and rethrown unchanged.
			ToolInvocation.noteUnscopedFailure(ex);
			throw ex;
		}
	}

	/** Records a call of a tool method that nothing else records. */
	@FunctionalInterface
	public interface SelfRecording {

		/**
		 * Run and record the call.
		 * @param invocation the call
		 * @return what the method returned, as the caller must see it
		 * @throws Throwable what the method threw, unchanged
		 */
		Object record(MethodInvocation invocation) throws Throwable;

	}

}
