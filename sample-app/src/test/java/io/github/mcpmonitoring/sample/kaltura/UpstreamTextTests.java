package io.github.mcpmonitoring.sample.kaltura;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpstreamText}.
 */
class UpstreamTextTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private final UpstreamText text = new UpstreamText(List.of(SECRET, "djJ8a3M="));

	@Test
	void keepsAnOrdinaryMessageAsItIs() {
		assertThat(this.text.message("Entry id \"0_abc\" not found")).isEqualTo("Entry id \"0_abc\" not found");
		assertThat(this.text.code("ENTRY_ID_NOT_FOUND")).isEqualTo("ENTRY_ID_NOT_FOUND");
		assertThat(this.text.message(null)).isNull();
	}

	@Test
	void replacesControlAndFormattingCharactersSoNoLineCanBeForged() {
		String forged = "bad secret\r\n2026-01-01 INFO forged line\u0000\u001b[31m\u2028\u202eend\t.";
		assertThat(this.text.message(forged)).isEqualTo("bad secret  2026-01-01 INFO forged line  [31m  end .");
	}

	@Test
	void removesHiddenValuesWhateverTheirCase() {
		assertThat(this.text.message("secret " + SECRET.toUpperCase() + " and ks djJ8a3M=, djj8A3m="))
			.isEqualTo("secret [redacted] and ks [redacted], [redacted]");
	}

	@Test
	void capsMessagesAndCodesAndMarksTheCut() {
		String message = this.text.message("m".repeat(100_000));
		String code = this.text.code("C".repeat(100_000));
		assertThat(message).hasSize(UpstreamText.MAX_LENGTH).endsWith("m...");
		assertThat(code).hasSize(UpstreamText.MAX_CODE_LENGTH).endsWith("C...");
		assertThat(this.text.message("m".repeat(UpstreamText.MAX_LENGTH))).isEqualTo("m".repeat(UpstreamText.MAX_LENGTH));
	}

	@Test
	void removesASecretThatStraddlesTheCapWhole() {
		String message = this.text.message("x".repeat(UpstreamText.MAX_LENGTH - 10) + SECRET + "y".repeat(1000));
		assertThat(message).hasSize(UpstreamText.MAX_LENGTH).doesNotContain(SECRET.substring(0, 4));
	}

	@Test
	void neverSplitsASurrogatePair() {
		String message = this.text.message("x".repeat(UpstreamText.MAX_LENGTH - 4) + "\uD83D\uDE00".repeat(10));
		assertThat(message).endsWith("x...");
		assertThat(message.chars().filter((c) -> Character.isSurrogate((char) c))).isEmpty();
	}

}
