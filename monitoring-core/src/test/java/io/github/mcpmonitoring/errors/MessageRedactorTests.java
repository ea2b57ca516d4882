package io.github.mcpmonitoring.errors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.github.mcpmonitoring.kaltura.TestSessionKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MessageRedactor}.
 */
class MessageRedactorTests {

	private static final String ADMIN_SECRET = "0123456789abcdef0123456789abcdef";

	private static final String KS_V1 = TestSessionKeys.v1(ADMIN_SECRET, 1234, 1700003600, 2, "admin@example.com");

	private static final String KS_V2 = TestSessionKeys.v2(ADMIN_SECRET, 1234, 1700003600, 2, "admin@example.com");

	private final MessageRedactor redactor = new MessageRedactor(List.of("secret", "topsecret"), 200);

	@Test
	void removesLiteralSecrets() {
		assertThat(this.redactor.redact("login with secret failed")).isEqualTo("login with [redacted] failed");
	}

	@Test
	void removesASecretThatContainsAnotherWhole() {
		assertThat(this.redactor.redact("tried topsecret, then secret"))
			.isEqualTo("tried [redacted], then [redacted]");
	}

	@Test
	void ignoresEmptyAndBlankSecrets() {
		MessageRedactor blank = new MessageRedactor(Arrays.asList("", " ", null), 200);
		assertThat(blank.redact("nothing to hide")).isEqualTo("nothing to hide");
	}

	@Test
	void removesAKsV1() {
		assertThat(KS_V1).hasSizeGreaterThan(100);
		assertThat(this.redactor.redact("Invalid KS '" + KS_V1 + "' for partner 1234"))
			.isEqualTo("Invalid KS '[redacted]' for partner 1234");
	}

	@Test
	void removesAKsV2AndTheParameterNameGluedToIt() {
		assertThat(KS_V2).hasSizeGreaterThan(100);
		assertThat(this.redactor.redact("media.list rejected ks=" + KS_V2 + ": INVALID_KS"))
			.isEqualTo("media.list rejected [redacted]: INVALID_KS");
	}

	@Test
	void removesAUrlEncodedKsWhole() {
		// A key in standard Base64, as a KS v1 is written: '+' and '/' become %2B and %2F in a query.
		String standardBase64 = "djJ8MTIzNHwgOfF2Eha+Zty/YdHI+zbbt60DbWHv9dljaYjW/yiDrHoBRJbfDOMpRm1HUM8vp==";
		String encoded = URLEncoder.encode(standardBase64, StandardCharsets.UTF_8);
		assertThat(encoded).contains("%2B").contains("%2F");
		assertThat(this.redactor.redact("SERVICE_FORBIDDEN for ks=" + encoded + " on media.list"))
			.isEqualTo("SERVICE_FORBIDDEN for [redacted] on media.list");
	}

	@Test
	void removesAUrlEncodedSecret() {
		MessageRedactor redactor = new MessageRedactor(List.of("p@ss word+1"), 200);
		assertThat(redactor.redact("rejected secret=p%40ss+word%2B1 and p@ss word+1"))
			.isEqualTo("rejected secret=[redacted] and [redacted]");
	}

	@Test
	void removesAKsV1InAUrlQuery() {
		String ks = TestSessionKeys.v1(ADMIN_SECRET, 1234, 1700003600, 2, "admin@example.com", 42);
		String url = "https://www.kaltura.com/api_v3/service/media/action/get?ks="
				+ URLEncoder.encode(ks, StandardCharsets.UTF_8) + "&entryId=0_abc";
		assertThat(this.redactor.redact("GET " + url + " returned 403")).isEqualTo(
				"GET https://www.kaltura.com/api_v3/service/media/action/get?[redacted]&entryId=0_abc returned 403");
	}

	@Test
	void removesLongHexTokensFromFortyCharactersOn() {
		String sha1 = "8d5e3f1a2b4c6d7e8f9012a3b4c5d6e7f8091a2b";
		assertThat(this.redactor.redact("signature " + sha1)).isEqualTo("signature [redacted]");
		String shorter = sha1.substring(1);
		assertThat(this.redactor.redact("entry " + shorter)).isEqualTo("entry " + shorter);
	}

	@Test
	void truncatesToTheMaximumLength() {
		MessageRedactor shortMessages = new MessageRedactor(List.of(), 16);
		String redacted = shortMessages.redact("connection refused by upstream");
		assertThat(redacted).hasSize(16).isEqualTo("connection refu\u2026");
		assertThat(shortMessages.redact("exactly sixteen!")).isEqualTo("exactly sixteen!");
	}

	@Test
	void truncatesAfterRedactingSoThatNoPartOfASecretIsLeft() {
		MessageRedactor shortMessages = new MessageRedactor(List.of("hunter2-password"), 16);
		String redacted = shortMessages.redact("0123456789 hunter2-password");
		assertThat(redacted).hasSize(16).doesNotContain("hunter").startsWith("0123456789 [red");
	}

	@Test
	void removesSecretsWhateverTheirCase() {
		MessageRedactor redactor = new MessageRedactor(List.of(ADMIN_SECRET, "Hunter2-Password"), 200);
		assertThat(redactor.redact("secret " + ADMIN_SECRET.toUpperCase() + " and HUNTER2-PASSWORD rejected"))
			.isEqualTo("secret [redacted] and [redacted] rejected");
	}

	@Test
	void removesSecretsInEitherUrlEncodingAndAnyHexCase() {
		MessageRedactor redactor = new MessageRedactor(List.of("p@ss word/1"), 200);
		assertThat(redactor.redact("a=p%40ss%20word%2F1 b=p%40ss+word%2f1 c=P%40SS%20WORD/1 d=p@ss%20word%2F1"))
			.isEqualTo("a=[redacted] b=[redacted] c=[redacted] d=[redacted]");
	}

	@Test
	void boundsAMegabyteBase64Run() {
		String redacted = this.redactor.redact("INVALID_KS " + "QUJD".repeat(256 * 1024));
		assertThat(redacted).isEqualTo("INVALID_KS [redacted]\u2026");
	}

	@Test
	void boundsAMegabyteOfTokensBelowTheTokenRule() {
		String token = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0567".substring(0, 39);
		String redacted = this.redactor.redact((token + " ").repeat(1024 * 1024 / 40));
		assertThat(redacted).hasSize(200).startsWith(token + " " + token).endsWith("\u2026");
	}

	@Test
	void neverShowsPartOfASecretOrTokenWhereverTheBoundFalls() {
		MessageRedactor hexSecret = new MessageRedactor(List.of(ADMIN_SECRET), 200);
		for (int padding = 1; padding < 4000; padding++) {
			String message = "B".repeat(padding) + " " + ADMIN_SECRET + " " + KS_V2;
			assertThat(hexSecret.redact(message)).as("after %d characters", padding)
				.doesNotContain(ADMIN_SECRET.substring(0, 4))
				.doesNotContain(KS_V2.substring(0, 4));
		}
	}

	@Test
	void stripsSurroundingWhitespace() {
		assertThat(this.redactor.redact("  timeout \n")).isEqualTo("timeout");
	}

	@Test
	void keepsNull() {
		assertThat(this.redactor.redact(null)).isNull();
	}

	@Test
	void rejectsAMaximumLengthBelowSixteen() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageRedactor(List.of(), 15))
			.withMessageContaining("maxLength");
	}

}
