package io.github.mcpmonitoring.autoconfigure.inputvalidation;

import java.util.function.Supplier;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;

import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;

/**
 * Gives a synchronous MCP server the validator that counts rejected tool calls, then applies the customizer it
 * wraps, if any, so that a validator that customizer chooses still wins.
 */
public final class CountingValidatorSyncCustomizer implements McpSyncServerCustomizer {

	private final Supplier<JsonSchemaValidator> validator;

	private final McpSyncServerCustomizer wrapped;

	/**
	 * Create a customizer.
	 * @param validator supplies the counting validator when the server is built
	 * @param wrapped the customizer applied afterwards, or {@code null}
	 */
	public CountingValidatorSyncCustomizer(Supplier<JsonSchemaValidator> validator, McpSyncServerCustomizer wrapped) {
		this.validator = validator;
		this.wrapped = wrapped;
	}

	@Override
	public void customize(McpServer.SyncSpecification<?> specification) {
		specification.jsonSchemaValidator(this.validator.get());
		if (this.wrapped != null) {
			this.wrapped.customize(specification);
		}
	}

}
