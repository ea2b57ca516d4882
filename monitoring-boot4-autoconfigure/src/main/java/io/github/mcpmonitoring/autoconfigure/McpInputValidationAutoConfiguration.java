package io.github.mcpmonitoring.autoconfigure;

import java.util.function.Supplier;

import io.github.mcpmonitoring.autoconfigure.inputvalidation.CountingJsonSchemaValidator;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.CountingValidatorAsyncCustomizer;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.CountingValidatorSyncCustomizer;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.ServerCustomizersPostProcessor;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.ToolInputSchemas;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import org.springframework.ai.mcp.customizer.McpAsyncServerCustomizer;
import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} that counts a tool call MCP SDK 2.0 rejects by input validation, before
 * the tool's call handler runs, as a failed call of that tool. The server keeps validating with its default
 * validator, decorated; stateful servers (SYNC and ASYNC) take it through their customizer, stateless servers take
 * no customizer, so their rejected calls are not counted.
 */
@AutoConfiguration(after = McpToolMetricsAutoConfiguration.class,
		afterName = "org.springframework.ai.mcp.server.common.autoconfigure.McpServerAutoConfiguration")
@ConditionalOnClass(name = { "io.modelcontextprotocol.util.ToolInputValidator",
		"io.modelcontextprotocol.json.schema.JsonSchemaValidator",
		"org.springframework.ai.mcp.customizer.McpSyncServerCustomizer" })
@ConditionalOnBean(ToolSpecificationInstrumenter.class)
@ConditionalOnProperty(prefix = "mcp.monitoring.tools.input-validation", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpInputValidationProperties.class)
public class McpInputValidationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public ToolInputSchemas mcpToolInputSchemas() {
		return new ToolInputSchemas();
	}

	/**
	 * Wraps the server customizers that exist already; a static infrastructure bean whose validator is made only
	 * when a server is built.
	 * @param schemas supplies the input schemas of the instrumented tools
	 * @return the post-processor
	 */
	@Bean
	public static ServerCustomizersPostProcessor mcpServerCustomizersPostProcessor(
			ObjectProvider<ToolInputSchemas> schemas) {
		return new ServerCustomizersPostProcessor(countingValidator(schemas));
	}

	@Bean
	@ConditionalOnMissingBean
	public McpSyncServerCustomizer mcpCountingValidatorSyncCustomizer(ObjectProvider<ToolInputSchemas> schemas) {
		return new CountingValidatorSyncCustomizer(countingValidator(schemas), null);
	}

	@Bean
	@ConditionalOnMissingBean
	public McpAsyncServerCustomizer mcpCountingValidatorAsyncCustomizer(ObjectProvider<ToolInputSchemas> schemas) {
		return new CountingValidatorAsyncCustomizer(countingValidator(schemas), null);
	}

	/** The SDK's default validator, as the server would take it without a customizer, decorated. */
	private static Supplier<JsonSchemaValidator> countingValidator(ObjectProvider<ToolInputSchemas> schemas) {
		return () -> new CountingJsonSchemaValidator(McpJsonDefaults.getSchemaValidator(), schemas.getObject());
	}

}
