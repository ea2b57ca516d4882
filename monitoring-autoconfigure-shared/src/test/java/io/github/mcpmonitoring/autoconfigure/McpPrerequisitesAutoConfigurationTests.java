package io.github.mcpmonitoring.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.server.McpSyncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link McpPrerequisitesAutoConfiguration}: the starter says once at startup why it stays out of the way,
 * and on the other Spring Boot generation registers nothing else. The other generation is played by
 * {@link OtherGeneration}'s class loader.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpPrerequisitesAutoConfigurationTests {

	private static final String OFF = "MCP monitoring is off";

	private static final String NO_SERVER = "MCP monitoring records no tool calls";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(starterAutoConfigurations()));

	@Test
	void saysNothingWhenTheApplicationHasAllTheStarterNeeds(CapturedOutput output) {
		this.contextRunner.withBean(McpSyncServer.class, () -> mock(McpSyncServer.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ToolCallMetrics.class);
		});
		assertThat(output.getAll()).doesNotContain("MCP monitoring");
	}

	@Test
	void onTheOtherGenerationWarnsOnceNamingTheStarterToUseAndRegistersNothingElse(CapturedOutput output) {
		new ApplicationContextRunner().withClassLoader(OtherGeneration.classLoader())
			.withConfiguration(AutoConfigurations.of(starterAutoConfigurations()))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(McpSyncServer.class, () -> mock(McpSyncServer.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(starterBeans(context)).containsExactlyInAnyOrder(
						McpPrerequisitesAutoConfiguration.class.getName(), "mcpMonitoringPrerequisites");
			});
		String warning = onlyLineWith(output, OFF);
		assertThat(warning).startsWith("WARN")
			.contains(BootGeneration.ARTIFACT + " is built for " + BootGeneration.NAME)
			.contains("runs on " + BootGeneration.OTHER_NAME)
			.contains("Depend on " + BootGeneration.OTHER_STARTER + " instead");
	}

	@Test
	void warnsOnceWithoutMicrometer(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ToolCallMetrics.class);
		});
		assertThat(onlyLineWith(output, OFF)).startsWith("WARN")
			.contains("no Micrometer")
			.doesNotContain("actuator")
			.contains("depend on " + BootGeneration.STARTER);
	}

	@Test
	void warnsOnceWithoutTheActuator(CapturedOutput output) {
		new ApplicationContextRunner()
			.withClassLoader(new FilteredClassLoader(BootAutoConfigurations.metricsAutoConfiguration()))
			.withConfiguration(AutoConfigurations.of(starterAutoConfigurations()))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ToolCallMetrics.class);
			});
		assertThat(onlyLineWith(output, OFF)).startsWith("WARN")
			.contains("no Spring Boot actuator")
			.doesNotContain("Micrometer");
	}

	@Test
	void warnsOnceWithoutAnMcpServer(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ToolCallMetrics.class);
		});
		assertThat(onlyLineWith(output, NO_SERVER)).startsWith("WARN").contains("no MCP server");
		assertThat(output.getAll()).doesNotContain(OFF);
	}

	@Test
	void onlyInformsWhenTheApplicationSwitchedItsMcpServerOff(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(onlyLineWith(output, NO_SERVER)).startsWith("INFO");
	}

	@Test
	void saysNothingWhenMonitoringIsSwitchedOff(CapturedOutput output) {
		new ApplicationContextRunner().withClassLoader(OtherGeneration.classLoader())
			.withConfiguration(AutoConfigurations.of(starterAutoConfigurations()))
			.withPropertyValues("mcp.monitoring.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).doesNotContain("MCP monitoring");
	}

	/** The auto-configurations this jar registers, read from its imports file as Boot reads them. */
	private static Class<?>[] starterAutoConfigurations() {
		ClassLoader classLoader = McpPrerequisitesAutoConfigurationTests.class.getClassLoader();
		List<Class<?>> starter = ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.github.mcpmonitoring."))
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toList();
		assertThat(starter).contains(McpPrerequisitesAutoConfiguration.class, McpMonitoringAutoConfiguration.class);
		return starter.toArray(Class<?>[]::new);
	}

	/** The beans whose type is one of the starter's. */
	private static List<String> starterBeans(AssertableApplicationContext context) {
		return Arrays.stream(context.getBeanDefinitionNames()).filter((name) -> {
			Class<?> type = context.getType(name);
			return type != null && type.getName().startsWith("io.github.mcpmonitoring.");
		}).toList();
	}

	private static String onlyLineWith(CapturedOutput output, String text) {
		List<String> lines = output.getAll().lines().filter((line) -> line.contains(text)).toList();
		assertThat(lines).as("lines with '%s'", text).hasSize(1);
		return lines.get(0);
	}

}
