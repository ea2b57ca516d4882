package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;
import java.util.function.Predicate;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.core.ToolInvocation;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Handles the calls of a tool method. Inside a tool call that the MCP layer already records, it only refines that
 * call and notes the exception the method threw; otherwise it records the call itself when it has a recorder, unless
 * the MCP layer records the tool the method is (an asynchronous server runs it on another thread than the call's).
 */
final class MonitoredToolMethod extends MonitoredMethod {

	private final String frameworkToolName;

	private final String refinedName;

	private final long refinedSlowThresholdNanos;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	private final Predicate<String> toolsRecordedByMcpLayer;

	/**
	 * Create an instance.
	 * @param method the tool method
	 * @param frameworkToolName the name a framework exposes the method under, or {@code null} when it is not a
	 * framework tool method
	 * @param refinedName the name to give a call recorded by the MCP layer, or {@code null} to keep its name
	 * @param refinedSlowThresholdNanos the threshold to give such a call, or a negative value to keep it
	 * @param recorder the recorder of calls made outside the MCP layer's instrumentation, or {@code null} to leave
	 * them unrecorded
	 * @param slowThresholdNanos the threshold of calls the recorder records
	 * @param toolsRecordedByMcpLayer tells whether the MCP layer records the tool of a given name, or {@code null}
	 * when tool calls are not recorded at the MCP layer and no call is looked for
	 */
	MonitoredToolMethod(Method method, String frameworkToolName, String refinedName, long refinedSlowThresholdNanos,
			ToolCallRecorder recorder, long slowThresholdNanos, Predicate<String> toolsRecordedByMcpLayer) {
		super(method);
		this.frameworkToolName = frameworkToolName;
		this.refinedName = refinedName;
		this.refinedSlowThresholdNanos = refinedSlowThresholdNanos;
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
		this.toolsRecordedByMcpLayer = toolsRecordedByMcpLayer;
	}

	@Override
	Object invoke(MethodInvocation invocation) throws Throwable {
		if (this.toolsRecordedByMcpLayer != null) {
			ToolInvocation open = ToolInvocation.current();
			if (open != null) {
				// Another tool's method, called from this tool's handler, is part of this call, not its tool.
				return (this.frameworkToolName == null || open.mayBeOf(this.frameworkToolName))
						? refine(open, invocation) : invocation.proceed();
			}
		}
		if (this.recorder == null || isRecordedByMcpLayer()) {
			return noteFailure(invocation);
		}
		return record(invocation);
	}

	private boolean isRecordedByMcpLayer() {
		return this.frameworkToolName != null && this.toolsRecordedByMcpLayer != null
				&& this.toolsRecordedByMcpLayer.test(this.frameworkToolName);
	}

	private Object refine(ToolInvocation open, MethodInvocation invocation) throws Throwable {
		open.refine(this.refinedName, this.refinedSlowThresholdNanos);
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			open.failed(ex);
			throw ex;
		}
	}

	private Object noteFailure(MethodInvocation invocation) throws Throwable {
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			ToolInvocation.noteUnscopedFailure(ex);
			throw ex;
		}
	}

	private Object record(MethodInvocation invocation) throws Throwable {
		// A call whose result completes later may end on another thread; a publisher's calls are its subscriptions.
		InFlightCall inFlight = switch (this.returnKind) {
			case IMMEDIATE -> this.recorder.start();
			case COMPLETION_STAGE -> this.recorder.startAsync();
			case PUBLISHER -> null;
		};
		long startTime = this.recorder.monotonicTime();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			finish(startTime, inFlight, null, ex);
			throw ex;
		}
		if (this.returnKind == ReturnKind.IMMEDIATE) {
			finish(startTime, inFlight, result, null);
			return result;
		}
		return this.returnKind.onCompletion(result, (value, failure) -> finish(startTime, inFlight, value, failure),
				this::startSubscription);
	}

	private ReturnKind.Completion startSubscription() {
		InFlightCall inFlight = this.recorder.startAsync();
		long startTime = this.recorder.monotonicTime();
		return (value, failure) -> finish(startTime, inFlight, value, failure);
	}

	private void finish(long startTime, InFlightCall inFlight, Object result, Throwable failure) {
		if (failure != null) {
			this.recorder.record(startTime, inFlight, ErrorTypes.of(failure), this.slowThresholdNanos,
					ErrorTypes.messageOf(failure));
			return;
		}
		String errorType = ToolResults.errorType(result);
		this.recorder.record(startTime, inFlight, errorType, this.slowThresholdNanos,
				ErrorTypes.NONE.equals(errorType) ? null : ToolResults.errorMessage(result));
	}

}
