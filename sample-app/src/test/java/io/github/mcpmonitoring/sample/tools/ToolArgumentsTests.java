package io.github.mcpmonitoring.sample.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ToolArguments}.
 */
class ToolArgumentsTests {

	@ParameterizedTest
	@ValueSource(strings = { "0_abc123de", "1_X", "123_abcDEF9" })
	void acceptsKalturaEntryIds(String entryId) {
		assertThat(ToolArguments.entryId(entryId)).isEqualTo(entryId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "0_", "_abc", "0_abc-de", "0_abc de", "0_abc\n", "../0_abc", "x0_abc" })
	void rejectsAnythingElseNamingTheParameter(String entryId) {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.entryId(entryId))
			.withMessageContaining("entry_id");
	}

	@Test
	void rejectsAMissingEntryId() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.entryId(null));
	}

	@Test
	void abbreviatesALongBadEntryIdInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.entryId("x".repeat(500)))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
	}

	@Test
	void defaultsAndClampsTheLimit() {
		assertThat(ToolArguments.limit(null)).isEqualTo(10);
		assertThat(ToolArguments.limit(0)).isEqualTo(1);
		assertThat(ToolArguments.limit(-5)).isEqualTo(1);
		assertThat(ToolArguments.limit(25)).isEqualTo(25);
		assertThat(ToolArguments.limit(1000)).isEqualTo(100);
	}

	@Test
	void treatsBlankTextAsAbsent() {
		assertThat(ToolArguments.optionalText("  ")).isNull();
		assertThat(ToolArguments.optionalText(" keynote ")).isEqualTo("keynote");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.requiredText("query", " "))
			.withMessage("query must not be empty");
	}

}
