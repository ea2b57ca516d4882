package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInvocation;

/**
 * How calls of one monitored method are recorded; resolved once per method.
 */
abstract class MonitoredMethod {

	/** A method that is not monitored after all: calls pass straight through. */
	static final MonitoredMethod PASS_THROUGH = new MonitoredMethod(ReturnKind.IMMEDIATE) {
		@Override
		Object invoke(MethodInvocation invocation) throws Throwable {
			return invocation.proceed();
		}
	};

	final ReturnKind returnKind;

	MonitoredMethod(ReturnKind returnKind) {
		this.returnKind = returnKind;
	}

	MonitoredMethod(Method method) {
		this(ReturnKind.of(method.getReturnType()));
	}

	abstract Object invoke(MethodInvocation invocation) throws Throwable;

}
