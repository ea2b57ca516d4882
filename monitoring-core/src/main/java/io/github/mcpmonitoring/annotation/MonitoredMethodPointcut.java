package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods a {@link MonitoredMethodInterceptor} handles. Final classes are left alone: they cannot be
 * proxied, and failing the application's startup to monitor it would be worse than not monitoring it.
 */
public class MonitoredMethodPointcut extends StaticMethodMatcherPointcut {

	private final MonitoredMethodInterceptor interceptor;

	/**
	 * Create a pointcut for the methods the given interceptor handles.
	 * @param interceptor the interceptor
	 */
	public MonitoredMethodPointcut(MonitoredMethodInterceptor interceptor) {
		this.interceptor = interceptor;
		setClassFilter((type) -> !Modifier.isFinal(type.getModifiers()) && interceptor.mayMonitor(type));
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return this.interceptor.isMonitored(method, targetClass);
	}

}
