package io.github.mcpmonitoring.autoconfigure.inputvalidation;

import java.util.function.Supplier;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import org.springframework.ai.mcp.customizer.McpAsyncServerCustomizer;
import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the MCP server customizer beans that exist already (Spring AI's own in servlet applications, or the
 * application's) so that they install the validator that counts rejected tool calls first. Spring AI builds its
 * server with a single customizer, so a second customizer bean would make its startup fail.
 */
public final class ServerCustomizersPostProcessor implements BeanPostProcessor {

	private final Supplier<JsonSchemaValidator> validator;

	/**
	 * Create a post-processor.
	 * @param validator supplies the counting validator when a server is built
	 */
	public ServerCustomizersPostProcessor(Supplier<JsonSchemaValidator> validator) {
		this.validator = validator;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof McpSyncServerCustomizer && bean instanceof McpAsyncServerCustomizer) {
			// A wrapper could keep only one of the two types the server beans inject it by.
			return bean;
		}
		if (bean instanceof McpSyncServerCustomizer customizer
				&& !(bean instanceof CountingValidatorSyncCustomizer)) {
			return new CountingValidatorSyncCustomizer(this.validator, customizer);
		}
		if (bean instanceof McpAsyncServerCustomizer customizer
				&& !(bean instanceof CountingValidatorAsyncCustomizer)) {
			return new CountingValidatorAsyncCustomizer(this.validator, customizer);
		}
		return bean;
	}

}
