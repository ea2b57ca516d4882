package io.github.mcpmonitoring.annotation;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Registers what {@code @MonitoredTool} says about the framework tool methods of a bean when the bean is
 * initialised, before the tool specifications an MCP server builds from it are instrumented.
 */
public class ToolRefinementsPostProcessor implements BeanPostProcessor {

	private final MonitoredMethodInterceptor interceptor;

	/**
	 * Create a post-processor.
	 * @param interceptor the interceptor that reads the annotations
	 */
	public ToolRefinementsPostProcessor(MonitoredMethodInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		this.interceptor.registerToolRefinements(ClassUtils.getUserClass(bean));
		return bean;
	}

}
