package io.github.mcpmonitoring.errors;

import java.time.Instant;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.failures.FailureClass;
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

	private final AuthenticationFailures failures = new AuthenticationFailures(this.registry);

	@Test
	void countsAuthenticationFailuresByKindAndName() {
		this.failures.onFailure(failure(CallFailure.API, "kaltura.media.list", FailureClass.AUTHENTICATION));
		this.failures.onFailure(failure(CallFailure.API, "kaltura.media.list", FailureClass.AUTHENTICATION));
		this.failures.onFailure(failure(CallFailure.TOOL, "list_media", FailureClass.AUTHENTICATION));
		this.failures.onFailure(failure(CallFailure.TOOL, "get_media_entry", FailureClass.OTHER));
		assertThat(count("api", "kaltura.media.list")).isEqualTo(2);
		assertThat(count("tool", "list_media")).isEqualTo(1);
		assertThat(this.registry.find(AuthenticationFailures.METER_NAME).tag("name", "get_media_entry").counter())
			.isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Invalid entry_id '403'", "forbidden", "authentication failed", "INVALID_KS",
			"HTTP 401 Unauthorized" })
	void neverCountsAFailureByItsMessage(String message) {
		this.failures.onFailure(new CallFailure(Instant.EPOCH, CallFailure.TOOL, "get_media_entry",
				"IllegalArgumentException", message, FailureClass.CLIENT_MISTAKE));
		this.failures.onFailure(new CallFailure(Instant.EPOCH, CallFailure.API, "kaltura.media.get",
				"IllegalStateException", message, FailureClass.OTHER));
		assertThat(this.registry.find(AuthenticationFailures.METER_NAME).counters()).isEmpty();
	}

	private double count(String kind, String name) {
		return this.registry.get(AuthenticationFailures.METER_NAME).tag("kind", kind).tag("name", name).counter()
			.count();
	}

	private static CallFailure failure(String kind, String name, FailureClass failureClass) {
		return new CallFailure(Instant.EPOCH, kind, name, "KalturaApiException", "a message", failureClass);
	}

}
