package io.github.mcpmonitoring.benchmarks.floor;

import java.lang.annotation.Annotation;
import java.util.List;

import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.util.ClassUtils;

/**
 * The floor of any AOP-based interceptor, for the end-to-end benchmarks: a Spring AOP advisor that proxies the same
 * methods of the sample as the starter's annotations advisor ({@code @MonitoredTool}, {@code @MonitoredApiCall} and
 * the framework tool methods {@code @Tool} and {@code @McpTool}) and only proceeds.
 * <p>
 * Not part of the starter. The e2e scripts add it to the sample jar with {@code -Dloader.path} (the jar this package
 * is packaged in: {@code benchmarks-boot4/target/mcp-monitoring-benchmarks-boot4-noop-proxies.jar} for the sample
 * on Boot 4.1, {@code benchmarks/target/mcp-monitoring-benchmarks-noop-proxies.jar} for the sample on Boot 3.5) and
 * {@code --spring.main.sources=io.github.mcpmonitoring.benchmarks.floor.NoopProxyFloor}, with the starter disabled:
 * what the sample costs then over the sample alone is what proxying these beans costs whatever the interceptor does.
 */
@Configuration(proxyBeanMethods = false)
public class NoopProxyFloor {

	// @McpTool under Spring AI 2.0's package and under 1.1's.
	private static final List<String> FRAMEWORK_TOOL_ANNOTATIONS = List.of(
			"org.springframework.ai.tool.annotation.Tool", "org.springframework.ai.mcp.annotation.McpTool",
			"org.springaicommunity.mcp.annotation.McpTool");

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor benchmarkNoopProxyAdvisor() {
		ComposablePointcut pointcut = new ComposablePointcut(
				AnnotationMatchingPointcut.forMethodAnnotation(MonitoredTool.class))
			.union(AnnotationMatchingPointcut.forMethodAnnotation(MonitoredApiCall.class));
		for (Class<? extends Annotation> type : frameworkToolAnnotations()) {
			pointcut.union(AnnotationMatchingPointcut.forMethodAnnotation(type));
		}
		MethodInterceptor proceed = MethodInvocation::proceed;
		return new DefaultPointcutAdvisor(pointcut, proceed);
	}

	private static List<Class<? extends Annotation>> frameworkToolAnnotations() {
		ClassLoader classLoader = NoopProxyFloor.class.getClassLoader();
		return FRAMEWORK_TOOL_ANNOTATIONS.stream()
			.filter((name) -> ClassUtils.isPresent(name, classLoader))
			.<Class<? extends Annotation>>map((name) -> annotationType(name, classLoader))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Annotation> annotationType(String name, ClassLoader classLoader) {
		return (Class<? extends Annotation>) ClassUtils.resolveClassName(name, classLoader);
	}

}
