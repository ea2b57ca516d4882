package io.github.mcpmonitoring.errors;

import java.time.Instant;
import java.util.List;

import io.github.mcpmonitoring.core.CallFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuthenticationFailures}.
 */
class AuthenticationFailuresTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final AuthenticationFailures failures = new AuthenticationFailures(this.registry,
			AuthenticationFailures.DEFAULT_PATTERNS);

	@ParameterizedTest
	@ValueSource(strings = { "INVALID_KS: Invalid KS \"djJ8MjUw...\"", "Kaltura error START_SESSION_ERROR",
			"HTTP 401 Unauthorized", "401", "status=403", "got 403.", "(401)", "Forbidden", "unauthorised",
			"Authentication required", "Access Denied for partner 1234" })
	void classifiesAuthenticationFailuresByMessage(String message) {
		assertThat(this.failures.isAuthenticationFailure(failure("IllegalStateException", message))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Entry id \"0_4013abc\" not found", "entry 1_x401y", "took 4010 ms", "id 401abc",
			"partner 14031", "INTERNAL_SERVER_ERROR", "Internal server error occurred",
			"ENTRY_ID_NOT_FOUND", "Read timed out", "" })
	void leavesOtherFailuresAlone(String message) {
		assertThat(this.failures.isAuthenticationFailure(failure("KalturaApiException", message))).isFalse();
	}

	@Test
	void classifiesByErrorTypeToo() {
		assertThat(this.failures.isAuthenticationFailure(failure("HttpClientErrorException$Unauthorized", null)))
			.isTrue();
		assertThat(this.failures.isAuthenticationFailure(failure("tool_error", null))).isFalse();
	}

	@Test
	void countsAuthenticationFailuresByKindAndName() {
		this.failures.onFailure(new CallFailure(Instant.EPOCH, CallFailure.API, "kaltura.media.list",
				"KalturaApiException", "INVALID_KS"));
		this.failures.onFailure(new CallFailure(Instant.EPOCH, CallFailure.API, "kaltura.media.list",
				"KalturaApiException", "INVALID_KS"));
		this.failures.onFailure(new CallFailure(Instant.EPOCH, CallFailure.TOOL, "list_media", "KalturaApiException",
				"INVALID_KS"));
		this.failures.onFailure(new CallFailure(Instant.EPOCH, CallFailure.TOOL, "get_media_entry",
				"KalturaApiException", "ENTRY_ID_NOT_FOUND"));
		assertThat(count("api", "kaltura.media.list")).isEqualTo(2);
		assertThat(count("tool", "list_media")).isEqualTo(1);
		assertThat(this.registry.find(AuthenticationFailures.METER_NAME).tag("name", "get_media_entry").counter())
			.isNull();
	}

	@Test
	void patternsReplaceTheDefaults() {
		AuthenticationFailures custom = new AuthenticationFailures(this.registry, List.of("TOKEN_EXPIRED"));
		assertThat(custom.isAuthenticationFailure(failure("RuntimeException", "TOKEN_EXPIRED at 12:00"))).isTrue();
		assertThat(custom.isAuthenticationFailure(failure("RuntimeException", "INVALID_KS"))).isFalse();
	}

	private double count(String kind, String name) {
		return this.registry.get(AuthenticationFailures.METER_NAME).tag("kind", kind).tag("name", name).counter()
			.count();
	}

	private static CallFailure failure(String errorType, String message) {
		return new CallFailure(Instant.EPOCH, CallFailure.API, "kaltura.media.list", errorType, message);
	}

}
