package io.github.mcpmonitoring.sample.kaltura;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionFreeUrls}.
 */
class SessionFreeUrlsTests {

	private static final String KS = "djJ8MTIzNHxzZWNyZXQ=";

	private static final List<String> HIDDEN = List.of(KS);

	@Test
	void keepsAUrlWithoutSessionAsItIs() {
		String url = "https://cfvod.kaltura.com/p/123/sp/12300/thumbnail/entry_id/0_abc123de/version/100002";
		assertThat(SessionFreeUrls.withoutSessionKey(url, HIDDEN)).isEqualTo(url);
	}

	@Test
	void dropsTheKsPathSegmentPair() {
		assertThat(SessionFreeUrls.withoutSessionKey(
				"https://cdn.example/p/1/playManifest/entryId/0_abc/ks/" + KS + "/format/download", HIDDEN))
			.isEqualTo("https://cdn.example/p/1/playManifest/entryId/0_abc/format/download");
		assertThat(SessionFreeUrls.withoutSessionKey("https://cdn.example/p/1/entryId/0_abc/KS/" + KS, HIDDEN))
			.isEqualTo("https://cdn.example/p/1/entryId/0_abc");
	}

	@Test
	void dropsKsQueryParametersAndTheFragment() {
		assertThat(SessionFreeUrls.withoutSessionKey(
				"https://cdn.example/download?ks=" + KS + "&flavor=0_x&Ks=other#ks=" + KS, HIDDEN))
			.isEqualTo("https://cdn.example/download?flavor=0_x");
		assertThat(SessionFreeUrls.withoutSessionKey("https://cdn.example/download?ks=" + KS, HIDDEN))
			.isEqualTo("https://cdn.example/download");
	}

	@Test
	void dropsUserInfo() {
		assertThat(SessionFreeUrls.withoutSessionKey("https://user:pa%40ss@cdn.example/p/1?x=a@b", HIDDEN))
			.isEqualTo("https://cdn.example/p/1?x=a@b");
		assertThat(SessionFreeUrls.withoutUserInfo("http://admin:hunter2@127.0.0.1:8080"))
			.isEqualTo("http://127.0.0.1:8080");
		assertThat(SessionFreeUrls.withoutUserInfo("https://www.kaltura.com/")).isEqualTo("https://www.kaltura.com/");
	}

	@Test
	void dropsAUrlThatStillCarriesTheKsOrIsNotPlainAscii() {
		assertThat(SessionFreeUrls.withoutSessionKey("https://cdn.example/p/1/session" + KS, HIDDEN)).isNull();
		assertThat(SessionFreeUrls.withoutSessionKey("https://cdn.example/p/1\r\nX-Forged: 1", HIDDEN)).isNull();
		assertThat(SessionFreeUrls.withoutSessionKey("https://cdn.example/" + "a".repeat(3000), HIDDEN)).isNull();
		assertThat(SessionFreeUrls.withoutSessionKey(null, HIDDEN)).isNull();
	}

}
