package io.github.mcpmonitoring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata that the build generates for IDEs: the keys of every built-in alert rule are
 * the keys the binder accepts, and their defaults are the values the properties start with.
 */
class ConfigurationMetadataTests {

	private static final String PREFIX = "mcp.monitoring.alerts.rules.";

	@Test
	void describesTheKeysOfEveryBuiltInRuleWithTheirDefaults() throws Exception {
		Map<String, JsonNode> properties = properties();
		List<McpAlertsProperties.Rule> rules = rules(new McpAlertsProperties().getRules());
		assertThat(rules).hasSize(10);
		for (McpAlertsProperties.Rule rule : rules) {
			String base = PREFIX + rule.id() + ".";
			assertThat(properties).containsKeys(base + "enabled", base + "severity", base + "threshold", base + "for");
			assertThat(properties).doesNotContainKeys(base + "id", base + "for-duration");
			assertThat(properties.get(base + "severity").path("defaultValue").asText())
				.isEqualTo(rule.getSeverity().name().toLowerCase(Locale.ROOT));
			assertThat(properties.get(base + "threshold").path("defaultValue").asDouble(Double.NaN)).as(base)
				.isEqualTo(rule.getThreshold());
			JsonNode forDuration = properties.get(base + "for");
			assertThat(forDuration.path("description").asText()).isNotBlank();
			assertThat(DurationStyle.detectAndParse(forDuration.path("defaultValue").asText())).as(base)
				.isEqualTo(rule.getFor());
		}
	}

	@Test
	void describesTheSettingsOfTheRulesThatHaveMore() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get(PREFIX + "tool-error-rate.window").path("defaultValue").asText()).isEqualTo("5m");
		assertThat(properties.get(PREFIX + "tool-error-rate.min-calls").path("defaultValue").asLong()).isEqualTo(10);
		assertThat(properties.get(PREFIX + "memory.critical-threshold").path("defaultValue").asDouble())
			.isEqualTo(0.90);
		assertThat(properties).containsKey(PREFIX + "upstream-auth-failure.patterns");
		assertThat(properties.get(PREFIX + "memory.severity").path("description").asText())
			.startsWith("Severity of the memory alert above the threshold: info, warning or error.");
	}

	@Test
	void describesTheRangeOfTheThresholdsThatAreRatiosOrCountsFromOne() throws Exception {
		Map<String, JsonNode> properties = properties();
		for (String rule : List.of("tool-error-rate", "memory", "cpu", "disk-space")) {
			assertThat(properties.get(PREFIX + rule + ".threshold").path("description").asText()).as(rule)
				.contains("between 0 and 1");
		}
		assertThat(properties.get(PREFIX + "api-consecutive-failures.threshold").path("description").asText())
			.contains("at least 1");
	}

	private static List<McpAlertsProperties.Rule> rules(McpAlertsProperties.Rules rules) throws Exception {
		List<McpAlertsProperties.Rule> result = new ArrayList<>();
		for (Method getter : McpAlertsProperties.Rules.class.getMethods()) {
			if (McpAlertsProperties.Rule.class.isAssignableFrom(getter.getReturnType())) {
				result.add((McpAlertsProperties.Rule) getter.invoke(rules));
			}
		}
		return result;
	}

	private static Map<String, JsonNode> properties() throws IOException {
		Map<String, JsonNode> properties = new HashMap<>();
		ObjectMapper mapper = new ObjectMapper();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					String name = property.path("name").asText();
					if (name.startsWith("mcp.monitoring.")) {
						assertThat(properties.put(name, property)).as("the only entry of " + name).isNull();
					}
				}
			}
		}
		assertThat(properties).as("the starter's generated metadata is on the class path").isNotEmpty();
		return properties;
	}

}
