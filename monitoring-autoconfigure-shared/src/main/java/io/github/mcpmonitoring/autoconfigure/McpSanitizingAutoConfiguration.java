package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@link McpSanitizingFunction} that keeps the secrets in the
 * starter's own keys masked on the {@code env} and {@code configprops} endpoints. Not switched off with
 * {@code mcp.monitoring.enabled}: the keys can hold secrets either way.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
@Conditional(OnBootGenerationCondition.class)
public class McpSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mcpSanitizingFunction")
	public McpSanitizingFunction mcpSanitizingFunction() {
		return new McpSanitizingFunction();
	}

}
