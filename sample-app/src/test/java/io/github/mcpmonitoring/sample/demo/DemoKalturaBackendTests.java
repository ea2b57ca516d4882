package io.github.mcpmonitoring.sample.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DemoKalturaBackend} on the wire, without the sample's client: data, wire format and faults.
 */
class DemoKalturaBackendTests {

	private static final Pattern ENTRY_ID = Pattern.compile("^[0-9]+_[a-zA-Z0-9]+$");

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper mapper = new ObjectMapper();

	@Test
	void servesAtLeastTwentyEntriesWithKalturaIdsAndFiveCategories() throws Exception {
		try (DemoKalturaBackend backend = start(DemoFaults.none())) {
			String ks = startSession(backend);
			JsonNode entries = post(backend, "media", "list", "ks=" + ks + "&pager[pageSize]=500");
			JsonNode categories = post(backend, "category", "list", "ks=" + ks);
			assertThat(entries.path("objectType").asText()).isEqualTo("KalturaMediaListResponse");
			assertThat(entries.path("totalCount").asInt()).isGreaterThanOrEqualTo(20);
			assertThat(entries.path("objects")).hasSize(entries.path("totalCount").asInt())
				.allSatisfy((entry) -> assertThat(entry.path("id").asText()).matches(ENTRY_ID));
			assertThat(categories.path("totalCount").asInt()).isGreaterThanOrEqualTo(5);
		}
	}

	@Test
	void acceptsFormParametersInBothKalturaNotations() throws Exception {
		try (DemoKalturaBackend backend = start(DemoFaults.none())) {
			String ks = startSession(backend);
			JsonNode brackets = post(backend, "media", "list", "ks=" + ks + "&filter[freeText]=keynote");
			JsonNode colons = post(backend, "media", "list", "ks=" + ks + "&filter:freeText=keynote");
			assertThat(brackets.path("totalCount").asInt()).isPositive()
				.isEqualTo(colons.path("totalCount").asInt())
				.isLessThan(backend.entryCount());
		}
	}

	@Test
	void answersUnknownActionsAndMissingSessionsWithKalturaErrors() throws Exception {
		try (DemoKalturaBackend backend = start(DemoFaults.none())) {
			assertThat(post(backend, "media", "delete", "").path("code").asText()).isEqualTo("ACTION_DOES_NOT_EXISTS");
			assertThat(post(backend, "media", "list", "").path("code").asText()).isEqualTo("INVALID_KS");
			assertThat(post(backend, "media", "list", "").path("objectType").asText())
				.isEqualTo("KalturaAPIException");
		}
	}

	@Test
	void errorRateOneFailsEveryDataCallButNotSessions() throws Exception {
		try (DemoKalturaBackend backend = start(new DemoFaults(Duration.ZERO, 1.0))) {
			String ks = startSession(backend);
			assertThat(post(backend, "session", "get", "ks=" + ks).path("objectType").asText())
				.isEqualTo("KalturaSessionInfo");
			for (int i = 0; i < 5; i++) {
				assertThat(post(backend, "media", "list", "ks=" + ks).path("code").asText())
					.isEqualTo("INTERNAL_SERVER_ERROR");
				assertThat(post(backend, "media", "get", "ks=" + ks + "&entryId=0_abc123de").path("code").asText())
					.isEqualTo("INTERNAL_SERVER_ERROR");
				assertThat(post(backend, "category", "list", "ks=" + ks).path("code").asText())
					.isEqualTo("INTERNAL_SERVER_ERROR");
			}
		}
	}

	@Test
	void faultsAreReadAtEachRequest() throws Exception {
		AtomicReference<DemoFaults> faults = new AtomicReference<>(new DemoFaults(Duration.ZERO, 1.0));
		try (DemoKalturaBackend backend = DemoKalturaBackend.start(faults::get, Clock.systemUTC())) {
			String ks = startSession(backend);
			assertThat(post(backend, "category", "list", "ks=" + ks).path("code").asText())
				.isEqualTo("INTERNAL_SERVER_ERROR");
			faults.set(DemoFaults.none());
			for (int i = 0; i < 5; i++) {
				assertThat(post(backend, "category", "list", "ks=" + ks).path("objectType").asText())
					.isEqualTo("KalturaCategoryListResponse");
			}
		}
	}

	@Test
	void latencyDelaysEveryCall() throws Exception {
		Duration latency = Duration.ofMillis(300);
		try (DemoKalturaBackend backend = start(new DemoFaults(latency, 0))) {
			long started = System.nanoTime();
			assertThat(post(backend, "system", "ping", "").asBoolean()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);
		}
	}

	@Test
	void countsAnsweredCalls() throws Exception {
		try (DemoKalturaBackend backend = start(DemoFaults.none())) {
			post(backend, "system", "ping", "");
			post(backend, "system", "ping", "");
			assertThat(backend.callCount()).isEqualTo(2);
		}
	}

	@Test
	void rejectsFaultsOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DemoFaults(Duration.ZERO, 1.01));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DemoFaults(Duration.ofMillis(-1), 0));
	}

	private static DemoKalturaBackend start(DemoFaults faults) {
		return DemoKalturaBackend.start(() -> faults, Clock.systemUTC());
	}

	private String startSession(DemoKalturaBackend backend) throws Exception {
		JsonNode ks = post(backend, "session", "start", "secret=" + backend.adminSecret() + "&partnerId="
				+ backend.partnerId() + "&type=2&userId=tester");
		assertThat(ks.isTextual()).as("session.start answers a JSON string").isTrue();
		return URLEncoder.encode(ks.asText(), StandardCharsets.UTF_8);
	}

	private JsonNode post(DemoKalturaBackend backend, String service, String action, String form) throws Exception {
		URI uri = URI.create(backend.serviceUrl() + "/api_v3/service/" + service + "/action/" + action + "?format=1");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return this.mapper.readTree(response.body());
	}

}
