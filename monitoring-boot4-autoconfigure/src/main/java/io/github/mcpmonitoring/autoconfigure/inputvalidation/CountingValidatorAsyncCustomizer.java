package io.github.mcpmonitoring.autoconfigure.inputvalidation;

import java.util.function.Supplier;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;

import org.springframework.ai.mcp.customizer.McpAsyncServerCustomizer;

/**
 * Gives an asynchronous MCP server the validator that counts rejected tool calls, then applies the customizer it
 * wraps, if any, so that a validator that customizer chooses still wins.
 */
public final class CountingValidatorAsyncCustomizer implements McpAsyncServerCustomizer {

	private final Supplier<JsonSchemaValidator> validator;

	private final McpAsyncServerCustomizer wrapped;

	/**
	 * Create a customizer.
	 * @param validator supplies the counting validator when the server is built
	 * @param wrapped the customizer applied afterwards, or {@code null}
	 */
	public CountingValidatorAsyncCustomizer(Supplier<JsonSchemaValidator> validator, McpAsyncServerCustomizer wrapped) {
		this.validator = validator;
		this.wrapped = wrapped;
	}

	@Override
	public void customize(McpServer.AsyncSpecification<?> specification) {
		specification.jsonSchemaValidator(this.validator.get());
		if (this.wrapped != null) {
			this.wrapped.customize(specification);
		}
	}

}
