package io.github.mcpmonitoring.autoconfigure.inputvalidation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link CountingJsonSchemaValidator} over MCP SDK 2.0's default validator, with the input schemas of tools
 * the starter's instrumenter wrapped.
 */
class CountingJsonSchemaValidatorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ToolCalls toolCalls = new ToolCalls(() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
			CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier()));

	private final ToolInputSchemas schemas = new ToolInputSchemas();

	private final ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(this.toolCalls,
			Duration.ofSeconds(10), List.of(this.schemas));

	private final JsonSchemaValidator defaultValidator = McpJsonDefaults.getSchemaValidator();

	private final CountingJsonSchemaValidator validator = new CountingJsonSchemaValidator(this.defaultValidator,
			this.schemas);

	@Test
	void validArgumentsRecordNothing() {
		Tool tool = instrument(tool("list_categories", limitSchema()));
		ValidationResponse response = this.validator.validate(tool.inputSchema(), Map.of("limit", 5));
		assertThat(response.valid()).isTrue();
		assertThat(recordedCalls()).isZero();
	}

	@Test
	void wronglyTypedArgumentIsOneFailedCallOfTheToolFromTheClient() {
		Tool tool = instrument(tool("list_categories", limitSchema()));
		Map<String, Object> arguments = Map.of("limit", "abc");
		ValidationResponse response = this.validator.validate(tool.inputSchema(), arguments);
		assertThat(response).isEqualTo(this.defaultValidator.validate(tool.inputSchema(), arguments));
		assertThat(response.valid()).isFalse();
		assertThat(clientToolErrors("list_categories")).isEqualTo(1);
		assertThat(recordedCalls()).isEqualTo(1);
	}

	@Test
	void missingRequiredArgumentIsOneFailedCallOfTheToolFromTheClient() {
		Tool tool = instrument(tool("list_categories", limitSchema()));
		ValidationResponse response = this.validator.validate(tool.inputSchema(), Map.of());
		assertThat(response.valid()).isFalse();
		assertThat(response.errorMessage()).contains("required");
		assertThat(clientToolErrors("list_categories")).isEqualTo(1);
		assertThat(recordedCalls()).isEqualTo(1);
	}

	@Test
	void eachToolsSchemaIsToldApartByIdentityEvenWhenEqual() {
		Tool categories = instrument(tool("list_categories", limitSchema()));
		Tool entries = instrument(tool("search_entries", limitSchema()));
		assertThat(entries.inputSchema()).isEqualTo(categories.inputSchema());
		this.validator.validate(entries.inputSchema(), Map.of());
		assertThat(clientToolErrors("search_entries")).isEqualTo(1);
		assertThat(recordedCalls()).isEqualTo(1);
	}

	@Test
	void aSchemaOfNoInstrumentedToolRecordsNothing() {
		instrument(tool("list_categories", limitSchema()));
		ValidationResponse response = this.validator.validate(limitSchema(), Map.of());
		assertThat(response.valid()).isFalse();
		assertThat(recordedCalls()).isZero();
	}

	@Test
	void aSchemaInstanceSharedByTwoToolsRecordsNothing() {
		Map<String, Object> shared = limitSchema();
		instrument(tool("list_categories", shared));
		instrument(tool("search_entries", shared));
		assertThat(this.validator.validate(shared, Map.of()).valid()).isFalse();
		assertThat(recordedCalls()).isZero();
	}

	@Test
	void failedOutputValidationRecordsNothing() {
		Map<String, Object> outputSchema = limitSchema();
		Tool tool = instrument(Tool.builder("list_categories", limitSchema()).outputSchema(outputSchema).build());
		ValidationResponse response = this.validator.validate(tool.outputSchema(), Map.of("limit", "abc"));
		assertThat(response.valid()).isFalse();
		assertThat(recordedCalls()).isZero();
	}

	@Test
	void schemaChecksAreTheDefaultValidators() {
		Map<String, Object> invalid = Map.of("type", 5);
		assertThat(this.validator.validateSchema(invalid))
			.isEqualTo(this.defaultValidator.validateSchema(invalid))
			.extracting(ValidationResponse::valid)
			.isEqualTo(false);
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.assertConforms("Tool 'x' inputSchema",
				invalid))
			.withMessageStartingWith("Tool 'x' inputSchema is not a valid JSON Schema");
		assertThatNoException().isThrownBy(() -> this.validator.assertConforms("Tool 'x' inputSchema",
				limitSchema()));
		assertThat(recordedCalls()).isZero();
	}

	private Tool instrument(Tool tool) {
		McpServerFeatures.SyncToolSpecification spec = McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> CallToolResult.builder().addTextContent("ok").build())
			.build();
		return this.instrumenter.instrument(spec).tool();
	}

	private static Tool tool(String name, Map<String, Object> inputSchema) {
		return Tool.builder(name, inputSchema).build();
	}

	/** A new schema instance each time: one required integer argument {@code limit}. */
	private static Map<String, Object> limitSchema() {
		return Map.of("type", "object", "properties", Map.of("limit", Map.of("type", "integer")), "required",
				List.of("limit"));
	}

	private long clientToolErrors(String tool) {
		Timer timer = this.registry.find(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", tool)
			.tag("error.type", "tool_error")
			.tag("error.origin", "client")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private long recordedCalls() {
		return this.registry.find(McpMeterNames.OPERATION_DURATION).timers().stream().mapToLong(Timer::count).sum();
	}

}
