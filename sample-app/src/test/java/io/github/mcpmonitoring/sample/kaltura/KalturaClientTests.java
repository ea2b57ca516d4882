package io.github.mcpmonitoring.sample.kaltura;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.sun.net.httpserver.HttpServer;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.sample.kaltura.KalturaTransportException.Reason;
import io.github.mcpmonitoring.testing.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link KalturaClient} over real HTTP against the embedded demo backend.
 */
class KalturaClientTests {

	private static DemoKalturaBackend backend;

	private static KalturaClient client;

	@BeforeAll
	static void startBackend() {
		backend = DemoKalturaBackend.start(DemoFaults::none, Clock.systemUTC());
		client = clientFor(backend.serviceUrl(), Duration.ofSeconds(5));
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void pingAnswersTrueWithoutSession() {
		assertThat(client.ping()).isTrue();
	}

	@Test
	void startSessionReturnsAKeyThatToStringHides() {
		KalturaSessionKey ks = startAdminSession();
		assertThat(ks.value()).isNotBlank();
		assertThat(ks.toString()).doesNotContain(ks.value()).contains("redacted");
	}

	@Test
	void getSessionDescribesTheSession() {
		long before = Instant.now().getEpochSecond();
		SessionInfo info = client.getSession(startAdminSession());
		assertThat(info.partnerId()).isEqualTo(backend.partnerId());
		assertThat(info.userId()).isEqualTo("tester");
		assertThat(info.sessionType()).isEqualTo(KalturaSessionType.ADMIN.code());
		assertThat(info.expiry()).isBetween(before + 3600, Instant.now().getEpochSecond() + 3600);
		assertThat(info.privileges()).isEqualTo("disableentitlement");
	}

	@Test
	void listMediaReturnsAPageNewestFirst() {
		KalturaList<MediaEntry> page = client.listMedia(startAdminSession(), MediaFilter.freeText(null, 5));
		assertThat(page.totalCount()).isEqualTo(backend.entryCount()).isGreaterThanOrEqualTo(20);
		assertThat(page.objects()).hasSize(5);
		assertThat(page.objects()).extracting(MediaEntry::createdAt).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void listMediaFiltersByFreeTextAndByAnyWord() {
		KalturaSessionKey ks = startAdminSession();
		KalturaList<MediaEntry> keynote = client.listMedia(ks, MediaFilter.freeText("opening keynote", 10));
		KalturaList<MediaEntry> anyWord = client.listMedia(ks, MediaFilter.anyWord("podcast keynote", 10));
		assertThat(keynote.objects()).extracting(MediaEntry::id).containsExactly("0_e5b2h8mz");
		assertThat(anyWord.objects()).extracting(MediaEntry::id).contains("0_e5b2h8mz", "0_m8f2d6tr");
	}

	@Test
	void getMediaReturnsTheEntry() {
		MediaEntry entry = client.getMedia(startAdminSession(), "0_abc123de");
		assertThat(entry.id()).isEqualTo("0_abc123de");
		assertThat(entry.name()).isEqualTo("Welcome to Northwind");
		assertThat(entry.mediaType()).isEqualTo(1);
		assertThat(entry.duration()).isPositive();
		assertThat(entry.createdAt()).isPositive();
		assertThat(entry.categoriesIds()).isEqualTo("101,102");
		assertThat(entry.status()).isEqualTo("2");
		assertThat(entry.thumbnailUrl()).contains("/thumbnail/entry_id/0_abc123de");
		assertThat(entry.downloadUrl()).contains("0_abc123de");
	}

	@Test
	void getMediaOfUnknownEntryFailsWithEntryIdNotFound() {
		KalturaApiException ex = catchThrowableOfType(KalturaApiException.class,
				() -> client.getMedia(startAdminSession(), "0_missing1"));
		assertThat(ex.getCode()).isEqualTo(KalturaApiException.ENTRY_ID_NOT_FOUND);
		assertThat(ex.getApi()).isEqualTo("media.get");
		assertThat(ex.getMessage()).contains("0_missing1");
	}

	@Test
	void listCategoriesReturnsAllOrMatching() {
		KalturaSessionKey ks = startAdminSession();
		KalturaList<Category> all = client.listCategories(ks, new CategoryFilter(null, 100));
		KalturaList<Category> events = client.listCategories(ks, new CategoryFilter("connect", 100));
		assertThat(all.totalCount()).isGreaterThanOrEqualTo(5);
		assertThat(all.objects()).allSatisfy((category) -> assertThat(category.fullName()).isNotBlank());
		assertThat(events.objects()).singleElement()
			.satisfies((category) -> assertThat(category.fullName()).isEqualTo("Events>Connect 2024"));
	}

	@Test
	void revokedSessionFailsWithInvalidKsAndTheMessageHidesTheKs() {
		try (DemoKalturaBackend own = DemoKalturaBackend.start(DemoFaults::none, Clock.systemUTC())) {
			KalturaClient ownClient = clientFor(own.serviceUrl(), Duration.ofSeconds(5));
			KalturaSessionKey ks = ownClient.startSession(own.adminSecret(), "tester", KalturaSessionType.ADMIN,
					own.partnerId(), Duration.ofHours(1), "");
			own.revokeSessions();
			KalturaApiException ex = catchThrowableOfType(KalturaApiException.class,
					() -> ownClient.listMedia(ks, MediaFilter.freeText(null, 1)));
			assertThat(ex.getCode()).isEqualTo(KalturaApiException.INVALID_KS);
			assertThat(ex.isInvalidKs()).isTrue();
			// The demo, like Kaltura, quotes the KS in its message: the client must not pass it on.
			assertThat(ex.getMessage()).contains("Invalid KS").contains("[redacted]").doesNotContain(ks.value());
		}
	}

	@Test
	void errorMessagesHideTheKsAndTheSecretUrlEncodedToo() {
		KalturaSessionKey ks = new KalturaSessionKey("djJ8MTIzNHwgOfF2Eha+Zty/YdHI+zbbt60Db==");
		String secret = "s3cret+/=";
		String message = "SERVICE_FORBIDDEN for ks=djJ8MTIzNHwgOfF2Eha%2BZty%2FYdHI%2Bzbbt60Db%3D%3D, secret "
				+ "s3cret%2B%2F%3D and " + ks.value();
		String redacted = new UpstreamText(KalturaClient.hiddenValues(ks, secret)).message(message);
		assertThat(redacted).isEqualTo("SERVICE_FORBIDDEN for ks=[redacted], secret [redacted] and [redacted]");
	}

	@Test
	void malformedSessionFailsWithInvalidKs() {
		KalturaApiException ex = catchThrowableOfType(KalturaApiException.class,
				() -> client.getMedia(new KalturaSessionKey("not-a-ks"), "0_abc123de"));
		assertThat(ex.getCode()).isEqualTo("INVALID_KS");
		assertThat(ex.getMessage()).doesNotContain("not-a-ks");
	}

	@Test
	void wrongSecretFailsWithoutRevealingIt() {
		String secret = "wrong-secret-0123456789";
		KalturaApiException ex = catchThrowableOfType(KalturaApiException.class, () -> client.startSession(secret,
				"tester", KalturaSessionType.ADMIN, backend.partnerId(), Duration.ofHours(1), ""));
		assertThat(ex.getCode()).isEqualTo("START_SESSION_ERROR");
		assertThat(ex.getMessage()).doesNotContain(secret).doesNotContain(backend.adminSecret());
	}

	@Test
	void closedPortFailsWithTransportException() {
		URI closedPort = URI.create("http://127.0.0.1:" + LoopbackPorts.free());
		KalturaClient unreachable = clientFor(closedPort, Duration.ofSeconds(5));
		KalturaTransportException ex = catchThrowableOfType(KalturaTransportException.class,
				() -> unreachable.listMedia(new KalturaSessionKey("secret-ks-value"), MediaFilter.freeText(null, 1)));
		assertThat(ex.getReason()).isEqualTo(Reason.CONNECTION_FAILED);
		assertThat(ex.getCode()).isEqualTo("CONNECTION_FAILED");
		assertThat(ex.getApi()).isEqualTo("media.list");
		assertThat(ex.getMessage()).doesNotContain("secret-ks-value");
	}

	@Test
	void slowAnswerFailsWithTimeout() {
		try (DemoKalturaBackend slow = DemoKalturaBackend.start(() -> new DemoFaults(Duration.ofMillis(1500), 0),
				Clock.systemUTC())) {
			KalturaClient impatient = clientFor(slow.serviceUrl(), Duration.ofMillis(200));
			KalturaTransportException ex = catchThrowableOfType(KalturaTransportException.class, impatient::ping);
			assertThat(ex.getReason()).isEqualTo(Reason.TIMEOUT);
		}
	}

	@Test
	void nonSuccessStatusFailsWithHttpError() {
		// The demo backend answers 404 outside /api_v3/service/...
		KalturaClient misconfigured = clientFor(URI.create(backend.serviceUrl() + "/wrong-prefix"),
				Duration.ofSeconds(5));
		KalturaTransportException ex = catchThrowableOfType(KalturaTransportException.class, misconfigured::ping);
		assertThat(ex.getReason()).isEqualTo(Reason.HTTP_ERROR);
		assertThat(ex.getMessage()).contains("404");
	}

	@Test
	void nonJsonBodyFailsWithInvalidResponse() throws IOException {
		HttpServer html = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		html.createContext("/", (exchange) -> {
			byte[] body = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		html.start();
		try {
			KalturaClient confused = clientFor(URI.create("http://127.0.0.1:" + html.getAddress().getPort()),
					Duration.ofSeconds(5));
			KalturaTransportException ex = catchThrowableOfType(KalturaTransportException.class, confused::ping);
			assertThat(ex.getReason()).isEqualTo(Reason.INVALID_RESPONSE);
		}
		finally {
			html.stop(0);
		}
	}

	@Test
	void demoErrorRateOneFailsEveryDataCallWithAKalturaApiError() {
		try (DemoKalturaBackend failing = DemoKalturaBackend.start(() -> new DemoFaults(Duration.ZERO, 1.0),
				Clock.systemUTC())) {
			KalturaClient failingClient = clientFor(failing.serviceUrl(), Duration.ofSeconds(5));
			KalturaSessionKey ks = failingClient.startSession(failing.adminSecret(), "tester",
					KalturaSessionType.ADMIN, failing.partnerId(), Duration.ofHours(1), "");
			assertThat(failingClient.getSession(ks).partnerId()).isEqualTo(failing.partnerId());
			assertThat(catchThrowableOfType(KalturaApiException.class,
					() -> failingClient.listMedia(ks, MediaFilter.freeText(null, 1))).getCode())
				.isEqualTo("INTERNAL_SERVER_ERROR");
			assertThat(catchThrowableOfType(KalturaApiException.class,
					() -> failingClient.getMedia(ks, "0_abc123de")).getCode())
				.isEqualTo("INTERNAL_SERVER_ERROR");
			assertThat(catchThrowableOfType(KalturaApiException.class,
					() -> failingClient.listCategories(ks, new CategoryFilter(null, 1))).getCode())
				.isEqualTo("INTERNAL_SERVER_ERROR");
		}
	}

	private static KalturaSessionKey startAdminSession() {
		return client.startSession(backend.adminSecret(), "tester", KalturaSessionType.ADMIN, backend.partnerId(),
				Duration.ofHours(1), "disableentitlement");
	}

	static KalturaClient clientFor(URI serviceUrl, Duration readTimeout) {
		return new KalturaClient(RestClient.builder(), serviceUrl, null, Duration.ofSeconds(2), readTimeout);
	}

}
