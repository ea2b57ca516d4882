package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.failures.FailedCall;
import io.github.mcpmonitoring.toolcall.ToolMethod;
import io.github.mcpmonitoring.toolcall.ToolResults;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Handles the calls of a tool method. While the MCP layer records tool calls, its {@link ToolMethod} decides whether
 * a call is part of one the MCP layer records; a call nothing else records is recorded here, when there is a
 * recorder, until its result completes.
 */
final class MonitoredToolMethod extends MonitoredMethod implements ToolMethod.SelfRecording {

	private final ToolMethod toolMethod;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	private final ToolMethod.SelfRecording selfRecording;

	/**
	 * Create an instance.
	 * @param method the tool method
	 * @param toolMethod the method's part in counting calls once, or {@code null} when tool calls are not recorded
	 * at the MCP layer
	 * @param recorder the recorder of calls nothing else records, or {@code null} to leave them unrecorded
	 * @param slowThresholdNanos the threshold of calls the recorder records
	 */
	MonitoredToolMethod(Method method, ToolMethod toolMethod, ToolCallRecorder recorder, long slowThresholdNanos) {
		super(method);
		this.toolMethod = toolMethod;
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
		this.selfRecording = (recorder != null) ? this : null;
	}

	@Override
	Object invoke(MethodInvocation invocation) throws Throwable {
		if (this.toolMethod != null) {
			return this.toolMethod.invoke(invocation, this.selfRecording);
		}
		return record(invocation);
	}

	/** Record a call nothing else records. */
	@Override
	public Object record(MethodInvocation invocation) throws Throwable {
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
			// Not a recording failure: the method's own exception, recorded and rethrown unchanged.
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
			// Recorded outside any tool call of the MCP layer: whether an upstream call ran is not known.
			FailedCall failedCall = FailedCall.tool(this.recorder.toolName(), failure, null, false, false);
			this.recorder.record(startTime, inFlight, ErrorTypes.of(failure), this.slowThresholdNanos,
					ErrorTypes.messageOf(failure), failedCall);
			return;
		}
		String errorType = ToolResults.errorType(result);
		this.recorder.record(startTime, inFlight, errorType, this.slowThresholdNanos,
				ErrorTypes.NONE.equals(errorType) ? null : ToolResults.errorMessage(result));
	}

}
