package io.github.mcpmonitoring.autoconfigure.inputvalidation;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mcpmonitoring.toolcall.ServerTool;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link JsonSchemaValidator} that answers exactly as the validator it decorates and records a failed validation
 * of a tool's input schema as one rejected call of that tool. MCP SDK 2.0 validates a call's arguments with the
 * server's validator once, before the tool's call handler runs, and answers an invalid call with an error result
 * without running the handler, so this is the one place such a call can be seen. Validations against other schemas
 * (a tool's output schema, the input schema of a tool added at run time) are answered and not recorded.
 */
public final class CountingJsonSchemaValidator implements JsonSchemaValidator {

	private static final Log logger = LogFactory.getLog(CountingJsonSchemaValidator.class);

	private final JsonSchemaValidator delegate;

	private final ToolInputSchemas schemas;

	private final AtomicBoolean unknownSchemaLogged = new AtomicBoolean();

	/**
	 * Create a validator.
	 * @param delegate the validator whose answers are passed on
	 * @param schemas the input schemas of the instrumented tools
	 */
	public CountingJsonSchemaValidator(JsonSchemaValidator delegate, ToolInputSchemas schemas) {
		this.delegate = delegate;
		this.schemas = schemas;
	}

	@Override
	public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
		ServerTool tool = this.schemas.toolOf(schema);
		long startTime = (tool != null) ? tool.monotonicTime() : 0;
		ValidationResponse response = this.delegate.validate(schema, structuredContent);
		if (response != null && !response.valid()) {
			rejected(tool, startTime, response.errorMessage());
		}
		return response;
	}

	@Override
	public void assertConforms(String context, Map<String, Object> schema) {
		this.delegate.assertConforms(context, schema);
	}

	@Override
	public ValidationResponse validateSchema(Map<String, Object> schema) {
		return this.delegate.validateSchema(schema);
	}

	private void rejected(ServerTool tool, long startTime, String errorMessage) {
		if (tool == null) {
			if (this.unknownSchemaLogged.compareAndSet(false, true) && logger.isDebugEnabled()) {
				logger.debug("A validation failed against a schema that is no instrumented tool's input schema"
						+ " (an output schema, or a tool added at run time): not counted");
			}
			return;
		}
		// The text of the error result the client gets, as MCP SDK 2.0 words it.
		tool.inputRejected(startTime, "Tool (" + tool.name() + ") input validation failed: " + errorMessage);
	}

}
