package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.annotation.MonitoredMethodInterceptor;
import io.github.mcpmonitoring.annotation.MonitoredMethodPointcut;
import io.github.mcpmonitoring.annotation.ToolRefinementsPostProcessor;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.github.mcpmonitoring.tracing.ApiCallObservations;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} of the advisor that times {@code @MonitoredTool} and
 * {@code @MonitoredApiCall} methods.
 * <p>
 * The beans are infrastructure beans, so that the advisor applies whichever auto-proxy creator the application has,
 * and they receive the metrics lazily, so that the meter registry is not created before its customizers.
 */
@AutoConfiguration(after = { McpMonitoringAutoConfiguration.class, McpToolMetricsAutoConfiguration.class })
@ConditionalOnClass(Advisor.class)
@ConditionalOnBean({ ToolCallMetrics.class, ApiCallMetrics.class })
public class MonitoredAnnotationsAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	public static MonitoredMethodInterceptor mcpMonitoredMethodInterceptor(ObjectProvider<ToolCallMetrics> toolMetrics,
			ObjectProvider<ApiCallMetrics> apiMetrics, ObjectProvider<ApiCallObservations> apiObservations,
			ObjectProvider<ToolCalls> toolCalls, Environment environment) {
		// Bound from the environment rather than injected: the auto-proxy creator, a BeanPostProcessor, creates the
		// advisor and this interceptor before the other post-processors are registered. An injected properties bean
		// would be created that early too, missed by those post-processors, and reported as not eligible for them.
		McpMonitoringProperties settings = Binder.get(environment)
			.bindOrCreate("mcp.monitoring", McpMonitoringProperties.class);
		return SettingKeys.under("mcp.monitoring")
			.with("defaultToolSlowThreshold", "mcp.monitoring.tools.slow-threshold")
			.with("defaultApiSlowThreshold", "mcp.monitoring.api.slow-threshold")
			.build(() -> new MonitoredMethodInterceptor(toolMetrics::getObject, apiMetrics::getObject,
					apiObservations::getIfAvailable, toolCalls.getIfAvailable(), settings.getTools().getSlowThreshold(),
					settings.getApi().getSlowThreshold(), settings.getTools().isExceptionTypes()));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(name = "mcpMonitoredMethodAdvisor")
	public static Advisor mcpMonitoredMethodAdvisor(ObjectProvider<MonitoredMethodInterceptor> interceptor) {
		MonitoredMethodInterceptor methodInterceptor = interceptor.getObject();
		return new DefaultPointcutAdvisor(new MonitoredMethodPointcut(methodInterceptor), methodInterceptor);
	}

	@Bean
	@ConditionalOnMissingBean
	public static ToolRefinementsPostProcessor mcpToolRefinementsPostProcessor(
			ObjectProvider<MonitoredMethodInterceptor> interceptor) {
		return new ToolRefinementsPostProcessor(interceptor.getObject());
	}

}
