package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;

import io.github.mcpmonitoring.core.ApiCallRecorder;
import io.github.mcpmonitoring.toolcall.ToolInvocation;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Records the calls of a {@link MonitoredApiCall @MonitoredApiCall} method.
 */
final class MonitoredApiMethod extends MonitoredMethod {

	private final ApiCallRecorder recorder;

	private final long slowThresholdNanos;

	MonitoredApiMethod(Method method, ApiCallRecorder recorder, long slowThresholdNanos) {
		super(method);
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
	}

	@Override
	Object invoke(MethodInvocation invocation) throws Throwable {
		ToolInvocation toolCall = ToolInvocation.current();
		if (toolCall != null) {
			toolCall.upstreamCalled();
		}
		long startTime = this.recorder.monotonicTime();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			// Not a recording failure: the method's own exception, recorded and rethrown unchanged.
			this.recorder.record(startTime, ex, this.slowThresholdNanos);
			throw ex;
		}
		if (this.returnKind == ReturnKind.IMMEDIATE) {
			this.recorder.record(startTime, null, this.slowThresholdNanos);
			return result;
		}
		return this.returnKind.onCompletion(result, (value, failure) -> recorded(startTime, failure),
				() -> startedAt(this.recorder.monotonicTime()));
	}

	private ReturnKind.Completion startedAt(long startTime) {
		return (value, failure) -> recorded(startTime, failure);
	}

	private void recorded(long startTime, Throwable failure) {
		this.recorder.record(startTime, failure, this.slowThresholdNanos);
	}

}
