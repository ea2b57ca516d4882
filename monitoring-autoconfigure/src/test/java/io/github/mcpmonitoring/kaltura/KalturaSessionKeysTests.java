package io.github.mcpmonitoring.kaltura;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KalturaSessionKeys}.
 */
class KalturaSessionKeysTests {

	private static final String ADMIN_SECRET = "5f3c8a9e2b7d4c1f0a6e9b8d7c5a4f3e";

	private static final long EXPIRY = 1_750_000_000L;

	@Test
	void readsEverythingFromAKsV1() {
		String ks = TestSessionKeys.v1(ADMIN_SECRET, 1234, EXPIRY, 2, "admin@example.com");
		KalturaSessionKeyInfo info = KalturaSessionKeys.decode(ks);
		assertThat(info).isEqualTo(new KalturaSessionKeyInfo(1, 1234, Instant.ofEpochSecond(EXPIRY), 2,
				"admin@example.com"));
	}

	@Test
	void readsAKsV1WithoutAUser() {
		String ks = TestSessionKeys.v1(ADMIN_SECRET, 567, EXPIRY, 0, "");
		KalturaSessionKeyInfo info = KalturaSessionKeys.decode(ks);
		assertThat(info.sessionType()).isZero();
		assertThat(info.partnerId()).isEqualTo(567);
		assertThat(info.userId()).isNull();
	}

	@Test
	void readsOnlyThePartnerIdOfAKsV2WithoutTheSecret() {
		String ks = TestSessionKeys.v2(ADMIN_SECRET, 1234, EXPIRY, 2, "admin@example.com");
		assertThat(KalturaSessionKeys.decode(ks)).isEqualTo(new KalturaSessionKeyInfo(2, 1234, null, null, null));
		assertThat(KalturaSessionKeys.decode(ks, "")).isEqualTo(new KalturaSessionKeyInfo(2, 1234, null, null, null));
	}

	@Test
	void readsExpiryTypeAndUserOfAKsV2WithTheSecret() {
		String ks = TestSessionKeys.v2(ADMIN_SECRET, 1234, EXPIRY, 2, "admin@example.com");
		assertThat(KalturaSessionKeys.decode(ks, ADMIN_SECRET)).isEqualTo(
				new KalturaSessionKeyInfo(2, 1234, Instant.ofEpochSecond(EXPIRY), 2, "admin@example.com"));
	}

	@Test
	void readsAKsV2InStandardOrUnpaddedBase64() {
		String urlSafe = TestSessionKeys.v2(ADMIN_SECRET, 1234, EXPIRY, 0, "editor");
		byte[] raw = Base64.getUrlDecoder().decode(urlSafe);
		String standard = Base64.getEncoder().encodeToString(raw);
		String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		assertThat(KalturaSessionKeys.decode(standard, ADMIN_SECRET).userId()).isEqualTo("editor");
		assertThat(KalturaSessionKeys.decode(unpadded, ADMIN_SECRET).userId()).isEqualTo("editor");
	}

	@Test
	void rejectsAKsV2WithTheWrongSecret() {
		String ks = TestSessionKeys.v2(ADMIN_SECRET, 1234, EXPIRY, 2, "admin@example.com");
		String wrongSecret = "0000000000000000ffffffffffffffff";
		assertThatIllegalArgumentException().isThrownBy(() -> KalturaSessionKeys.decode(ks, wrongSecret))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(ks).doesNotContain(wrongSecret));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "not a KS, just text!", "aGVsbG8gd29ybGQ=", "bm8gZmllbGRzfGhlcmU=",
			"djJ8YWJjfGVuY3J5cHRlZA==", "djJ8MTIzNA==" })
	void rejectsWhatIsNotAKsWithoutQuotingIt(String garbage) {
		assertThatIllegalArgumentException().isThrownBy(() -> KalturaSessionKeys.decode(garbage))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("Not a Kaltura session key (KS)"));
	}

	@Test
	void rejectsAKsV1WithAnUnreadableExpiryWithoutQuotingIt() {
		String fields = "1234;1234;tomorrow;2;98765;admin@example.com;;;";
		String ks = Base64.getEncoder()
			.encodeToString(("8d5e3f1a2b4c6d7e8f9012a3b4c5d6e7f8091a2b|" + fields).getBytes(StandardCharsets.UTF_8));
		assertThatIllegalArgumentException().isThrownBy(() -> KalturaSessionKeys.decode(ks))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(ks).doesNotContain("tomorrow"));
	}

	@Test
	void rejectsATruncatedKsV2WithTheSecretWithoutQuotingIt() {
		String ks = TestSessionKeys.v2(ADMIN_SECRET, 1234, EXPIRY, 2, "admin@example.com");
		byte[] raw = Base64.getUrlDecoder().decode(ks);
		String truncated = Base64.getUrlEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 5));
		assertThatIllegalArgumentException().isThrownBy(() -> KalturaSessionKeys.decode(truncated, ADMIN_SECRET))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(truncated));
	}

}
