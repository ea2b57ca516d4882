package io.github.mcpmonitoring.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonText}, read back by a real JSON parser.
 */
class JsonTextTests {

	private final ObjectMapper parser = new ObjectMapper();

	@Test
	void writesObjectsInTheirOrderWithEveryValueType() throws Exception {
		Map<String, Object> labels = new LinkedHashMap<>();
		labels.put("z", "last");
		labels.put("a", "first");
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("name", "tool-error-rate");
		document.put("repeat", true);
		document.put("value", 0.25);
		document.put("count", 3);
		document.put("missing", null);
		document.put("labels", labels);
		document.put("list", List.of("a", 1));

		String json = new String(JsonText.write(document), StandardCharsets.UTF_8);

		assertThat(json).isEqualTo("{\"name\":\"tool-error-rate\",\"repeat\":true,\"value\":0.25,\"count\":3,"
				+ "\"missing\":null,\"labels\":{\"z\":\"last\",\"a\":\"first\"},\"list\":[\"a\",1]}");
		assertThat(this.parser.readTree(json).get("labels").get("z").asText()).isEqualTo("last");
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "bell \u0007 nul \u0000",
			"separators \u2028 \u2029", "accents éü and emoji \uD83D\uDE00", "</script><b>", "" })
	void aStringReadsBackAsItWasWritten(String text) throws Exception {
		JsonNode node = this.parser.readTree(JsonText.write(Map.of("text", text)));

		assertThat(node.get("text").asText()).isEqualTo(text);
	}

	@Test
	void anUnpairedSurrogateIsEscapedSoTheDocumentStaysValidUtf8() throws Exception {
		String text = "high \uD83D alone, low \uDE00 alone";

		byte[] bytes = JsonText.write(List.of(text));

		String json = new String(bytes, StandardCharsets.UTF_8);
		assertThat(json).contains("\\ud83d").contains("\\ude00").doesNotContain("?");
		assertThat(this.parser.readTree(bytes).get(0).asText()).isEqualTo(text);
	}

	@Test
	void aNumberThatIsNotFiniteIsNull() throws Exception {
		JsonNode node = this.parser.readTree(JsonText.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, 1.5f)));

		assertThat(node.get(0).isNull()).isTrue();
		assertThat(node.get(1).isNull()).isTrue();
		assertThat(node.get(2).asDouble()).isEqualTo(1.5);
	}

	@Test
	void aValueWithNoJsonFormIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonText.write(List.of(new Object())))
			.withMessageContaining("java.lang.Object");
	}

}
