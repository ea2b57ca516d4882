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
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
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
		Map<String, McpAlertsProperties.Rule> rules = rulesById(new McpAlertsProperties().getRules());
		assertThat(rules).hasSize(13);
		for (Map.Entry<String, McpAlertsProperties.Rule> entry : rules.entrySet()) {
			String base = PREFIX + entry.getKey() + ".";
			McpAlertsProperties.Rule rule = entry.getValue();
			assertThat(properties).containsKeys(base + "enabled", base + "severity", base + "for");
			assertThat(properties).doesNotContainKeys(base + "id", base + "for-duration");
			assertThat(properties.get(base + "severity").path("defaultValue").asText())
				.isEqualTo(rule.getSeverity().name().toLowerCase(Locale.ROOT));
			Double threshold = threshold(rule);
			if (threshold != null) {
				assertThat(properties.get(base + "threshold").path("defaultValue").asDouble(Double.NaN)).as(base)
					.isEqualTo(threshold);
				assertThat(properties.get(base + "threshold").path("description").asText()).as(base).isNotBlank();
			}
			else {
				assertThat(properties).doesNotContainKey(base + "threshold");
			}
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
		assertThat(properties.get(PREFIX + "tool-latency.window").path("defaultValue").asText()).isEqualTo("5m");
		assertThat(properties.get(PREFIX + "unknown-tool-calls.window").path("defaultValue").asText()).isEqualTo("5m");
		assertThat(properties).doesNotContainKeys(PREFIX + "memory.critical-threshold",
				PREFIX + "upstream-auth-failure.patterns");
		assertThat(properties).containsKeys("mcp.monitoring.auth-failure-patterns",
				"mcp.monitoring.health.memory.warning-threshold", "mcp.monitoring.health.memory.critical-threshold");
		assertThat(properties.get("mcp.monitoring.auth-failure-patterns").path("defaultValue").size())
			.as("no patterns unless configured").isZero();
		assertThat(properties).containsKey("mcp.monitoring.client-error-types");
		assertThat(properties.get(PREFIX + "memory.severity").path("description").asText())
			.startsWith("Severity of the memory alert above mcp.monitoring.health.memory.warning-threshold: info,"
					+ " warning or error.");
	}

	@Test
	void describesTheRangeOfTheThresholdsThatAreRatiosOrCountsFromOne() throws Exception {
		Map<String, JsonNode> properties = properties();
		for (String rule : List.of("tool-error-rate", "cpu", "disk-space")) {
			assertThat(properties.get(PREFIX + rule + ".threshold").path("description").asText()).as(rule)
				.contains("between 0 and 1");
		}
		assertThat(properties.get(PREFIX + "api-consecutive-failures.threshold").path("description").asText())
			.contains("at least 1");
	}

	/** The settings of every rule by id, the key the binder derives from the getter's name. */
	static Map<String, McpAlertsProperties.Rule> rulesById(McpAlertsProperties.Rules rules) throws Exception {
		Map<String, McpAlertsProperties.Rule> result = new TreeMap<>();
		for (Method getter : McpAlertsProperties.Rules.class.getMethods()) {
			if (McpAlertsProperties.Rule.class.isAssignableFrom(getter.getReturnType())) {
				String id = getter.getName().substring(3).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
				result.put(id, (McpAlertsProperties.Rule) getter.invoke(rules));
			}
		}
		return result;
	}

	/** The threshold of a rule's settings, or {@code null} for a rule without one. */
	static Double threshold(McpAlertsProperties.Rule rule) throws Exception {
		try {
			return (Double) rule.getClass().getMethod("getThreshold").invoke(rule);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
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
