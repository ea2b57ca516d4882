package io.github.mcpmonitoring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.CountingValidatorAsyncCustomizer;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.CountingValidatorSyncCustomizer;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.ServerCustomizersPostProcessor;
import io.github.mcpmonitoring.autoconfigure.inputvalidation.ToolInputSchemas;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.modelcontextprotocol.util.ToolInputValidator;
import org.junit.jupiter.api.Test;

import org.springframework.ai.mcp.customizer.McpAsyncServerCustomizer;
import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpInputValidationAutoConfiguration}: which beans it creates and when it backs off, its entry in
 * this jar's auto-configuration imports and its key in this jar's configuration metadata.
 */
class McpInputValidationAutoConfigurationTests {

	private static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(AutoConfigurations.of(McpMonitoringAutoConfiguration.class,
				McpToolMetricsAutoConfiguration.class, McpInputValidationAutoConfiguration.class));

	@Test
	void countsRejectedCallsThroughItsOwnCustomizersWhenThereAreNone() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ToolInputSchemas.class)
				.hasSingleBean(ServerCustomizersPostProcessor.class);
			assertThat(context.getBean(McpSyncServerCustomizer.class)).isInstanceOf(CountingValidatorSyncCustomizer.class);
			assertThat(context.getBean(McpAsyncServerCustomizer.class))
				.isInstanceOf(CountingValidatorAsyncCustomizer.class);
			assertThat(context.getBean(ToolSpecificationInstrumenter.class)).isNotNull();
		});
	}

	@Test
	void wrapsACustomizerOfTheApplicationInsteadOfAddingOne() {
		McpAsyncServerCustomizer own = (specification) -> specification.instructions("own");
		this.contextRunner.withBean("ownCustomizer", McpAsyncServerCustomizer.class, () -> own).run((context) -> {
			assertThat(context.getBeanNamesForType(McpAsyncServerCustomizer.class)).containsExactly("ownCustomizer");
			assertThat(context.getBean(McpAsyncServerCustomizer.class)).isNotSameAs(own)
				.isInstanceOf(CountingValidatorAsyncCustomizer.class);
		});
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.input-validation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ToolInputSchemas.class)
				.doesNotHaveBean(ServerCustomizersPostProcessor.class)
				.doesNotHaveBean(McpSyncServerCustomizer.class));
	}

	@Test
	void backsOffWithoutToolMetrics() {
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ToolInputSchemas.class)
				.doesNotHaveBean(McpSyncServerCustomizer.class));
	}

	@Test
	void backsOffOnAnMcpSdkThatDoesNotValidateInputsBeforeTheHandler() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ToolInputValidator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ToolInputSchemas.class)
				.doesNotHaveBean(McpSyncServerCustomizer.class));
	}

	@Test
	void thisJarImportsTheSharedAutoConfigurationsAndItsOwn() throws IOException {
		List<String> shared = Files.readAllLines(
				Path.of("..", "monitoring-autoconfigure-shared", "src", "main", "resources").resolve(IMPORTS));
		String own = new ClassPathResource(IMPORTS).getContentAsString(StandardCharsets.UTF_8);
		assertThat(own.lines().toList()).containsAll(shared)
			.contains(McpInputValidationAutoConfiguration.class.getName())
			.hasSize(shared.size() + 1)
			.isSorted();
	}

	@Test
	void describesTheSwitchInThisJarsMetadata() throws IOException {
		JsonNode enabled = null;
		for (URL url : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
					if ("mcp.monitoring.tools.input-validation.enabled".equals(property.path("name").asText())) {
						enabled = property;
					}
				}
			}
		}
		assertThat(enabled).isNotNull();
		assertThat(enabled.path("defaultValue").asBoolean(false)).isTrue();
		assertThat(enabled.path("description").asText()).startsWith("Whether to count a tool call");
	}

}
