package io.github.mcpmonitoring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.mcp.ToolResultSizes;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code mcp.monitoring.tools.result-size.enabled} switch of {@link McpToolMetricsAutoConfiguration}.
 */
class McpToolResultSizeAutoConfigurationTests {

	private static final CallToolRequest REQUEST = new CallToolRequest("get_media_entry", Map.of());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(
				AutoConfigurations.of(McpMonitoringAutoConfiguration.class, McpToolMetricsAutoConfiguration.class))
		.withUserConfiguration(ToolsConfiguration.class);

	@Test
	void recordsNoResultSizesByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ToolResultSizes.class);
			assertThat(callTool(context)).isSameAs(ToolsConfiguration.RESULT);
			assertThat(durationCount(context)).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class).find(McpMeterNames.TOOL_RESULT_SIZE).meters()).isEmpty();
		});
	}

	@Test
	void recordsTheSizeOfEachResultWhenSwitchedOn() {
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.result-size.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ToolResultSizes.class);
			assertThat(callTool(context)).isSameAs(ToolsConfiguration.RESULT);
			assertThat(callTool(context)).isSameAs(ToolsConfiguration.RESULT);
			DistributionSummary sizes = context.getBean(MeterRegistry.class)
				.get(McpMeterNames.TOOL_RESULT_SIZE)
				.tag("gen_ai.tool.name", "get_media_entry")
				.summary();
			assertThat(sizes.count()).isEqualTo(2);
			assertThat(sizes.totalAmount()).isEqualTo(2.0 * ToolsConfiguration.TEXT.length());
			assertThat(durationCount(context)).isEqualTo(2);
		});
	}

	@Test
	void backsOffWhenTheUserDefinesToolResultSizes() {
		MeterRegistry ownRegistry = new SimpleMeterRegistry();
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.result-size.enabled=true")
			.withBean("ownResultSizes", ToolResultSizes.class, () -> new ToolResultSizes(ownRegistry))
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolResultSizes.class).hasBean("ownResultSizes");
				callTool(context);
				assertThat(ownRegistry.get(McpMeterNames.TOOL_RESULT_SIZE).summary().count()).isEqualTo(1);
				assertThat(context.getBean(MeterRegistry.class).find(McpMeterNames.TOOL_RESULT_SIZE).meters())
					.isEmpty();
			});
	}

	@Test
	void recordsNoResultSizesWhenToolMonitoringIsOff() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.tools.enabled=false", "mcp.monitoring.tools.result-size.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ToolResultSizes.class);
				assertThat(callTool(context)).isSameAs(ToolsConfiguration.RESULT);
				assertThat(context.getBean(MeterRegistry.class).find(McpMeterNames.TOOL_RESULT_SIZE).meters())
					.isEmpty();
			});
	}

	private static CallToolResult callTool(AssertableApplicationContext context) {
		List<?> tools = context.getBean("syncTools", List.class);
		return ((McpServerFeatures.SyncToolSpecification) tools.get(0)).callHandler().apply(null, REQUEST);
	}

	private static long durationCount(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "get_media_entry")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	@Configuration(proxyBeanMethods = false)
	static class ToolsConfiguration {

		static final String TEXT = "{\"id\":\"0_a\",\"name\":\"Keynote\"}";

		static final CallToolResult RESULT = CallToolResult.builder().addTextContent(TEXT).build();

		@Bean
		List<McpServerFeatures.SyncToolSpecification> syncTools() {
			return List.of(McpServerFeatures.SyncToolSpecification.builder()
				.tool(Tool.builder().name("get_media_entry").description("Get a media entry").build())
				.callHandler((exchange, request) -> RESULT)
				.build());
		}

	}

}
