package io.github.mcpmonitoring.failures;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CancellationException;

import io.github.mcpmonitoring.core.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultFailureClassifier}.
 */
class DefaultFailureClassifierTests {

	private final DefaultFailureClassifier classifier = new DefaultFailureClassifier();

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void anUpstreamUnauthorizedOrForbiddenStatusIsAnAuthenticationFailure(int status) {
		HttpClientErrorException upstream = HttpClientErrorException.create(HttpStatus.valueOf(status), "status",
				HttpHeaders.EMPTY, new byte[0], null);
		assertThat(this.classifier.classify(FailedCall.api("kaltura.media.get", upstream)))
			.isEqualTo(FailureClass.AUTHENTICATION);
		assertThat(this.classifier.classify(FailedCall.tool("get_media_entry",
				new IllegalStateException("wrapped", upstream), null, false, false)))
			.isEqualTo(FailureClass.AUTHENTICATION);
	}

	@Test
	void otherUpstreamStatusesAreNot() {
		HttpClientErrorException notFound = HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found",
				HttpHeaders.EMPTY, new byte[0], null);
		HttpServerErrorException failed = HttpServerErrorException.create(HttpStatus.INTERNAL_SERVER_ERROR,
				"Unauthorized 403 forbidden", HttpHeaders.EMPTY, new byte[0], null);
		assertThat(this.classifier.classify(FailedCall.api("kaltura.media.get", notFound)))
			.isEqualTo(FailureClass.OTHER);
		assertThat(this.classifier.classify(FailedCall.api("kaltura.media.get", failed)))
			.isEqualTo(FailureClass.OTHER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "403", "forbidden", "authentication failed", "INVALID_KS", "401 Unauthorized" })
	void anIllegalArgumentBeforeAnyUpstreamCallIsTheClientsMistakeWhateverItSays(String typed) {
		IllegalArgumentException rejected = new IllegalArgumentException("Invalid entry_id '" + typed + "'");
		assertThat(this.classifier.classify(FailedCall.tool("get_media_entry", rejected, null, true, false)))
			.isEqualTo(FailureClass.CLIENT_MISTAKE);
	}

	@Test
	void aCallTheClientCancelledIsTheClients() {
		assertThat(this.classifier.classify(FailedCall.tool("get_media_entry", new ClientCancellationException(), null,
				false, false)))
			.isEqualTo(FailureClass.CLIENT_MISTAKE);
		assertThat(this.classifier.classify(FailedCall.tool("get_media_entry",
				new CancellationException(), null, false, false)))
			.as("a cancellation inside the tool's own work is not")
			.isEqualTo(FailureClass.OTHER);
	}

	@Test
	void anIllegalArgumentAfterAnUpstreamCallIsNot() {
		IllegalArgumentException afterUpstream = new IllegalArgumentException("bad answer");
		assertThat(this.classifier.classify(FailedCall.tool("get_media_entry", afterUpstream, null, false, false)))
			.isEqualTo(FailureClass.OTHER);
		assertThat(this.classifier.classify(FailedCall.api("kaltura.media.get", afterUpstream)))
			.isEqualTo(FailureClass.OTHER);
	}

	@Test
	void springAisConversionErrorOfAWronglyTypedArgumentIsTheClientsMistake() {
		// What Spring AI 1.1.8's JsonParser.toTypedObject throws for "limit": "abc".
		NumberFormatException conversion = new NumberFormatException(
				"Character a is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.");
		assertThat(this.classifier.classify(FailedCall.tool("list_media", conversion, null, true, false)))
			.isEqualTo(FailureClass.CLIENT_MISTAKE);
	}

	@Test
	void anErrorResultAnsweredBeforeTheToolMethodIsTheClientsMistake() {
		assertThat(this.classifier.classify(FailedCall.tool("list_media", null, "Character a is neither ...", true,
				true)))
			.isEqualTo(FailureClass.CLIENT_MISTAKE);
		assertThat(this.classifier.classify(FailedCall.tool("list_media", null, "Invalid entry_id '403'", true,
				false)))
			.isEqualTo(FailureClass.OTHER);
	}

	@Test
	void configuredClientErrorTypesAndTheirSubtypesAreTheClientsMistakeThroughWrappers() {
		DefaultFailureClassifier configured = new DefaultFailureClassifier(List.of(UnsupportedOperationException.class),
				List.of());
		RuntimeException subtype = new UnsupportedOperationException() {
		};
		assertThat(configured.classify(FailedCall.tool("t", subtype, null, false, false)))
			.isEqualTo(FailureClass.CLIENT_MISTAKE);
		assertThat(configured.classify(FailedCall.api("a", new InvocationTargetException(subtype))))
			.isEqualTo(FailureClass.CLIENT_MISTAKE);
		assertThat(configured.classify(FailedCall.tool("t", new IllegalStateException(), null, false, false)))
			.isEqualTo(FailureClass.OTHER);
	}

	@Test
	void patternsApplyToUpstreamApiFailuresOnlyAndOnlyWhenConfigured() {
		IllegalStateException kaltura = new IllegalStateException("INVALID_KS: the session key was revoked");
		assertThat(this.classifier.classify(FailedCall.api("kaltura.media.get", kaltura)))
			.as("no patterns by default")
			.isEqualTo(FailureClass.OTHER);
		DefaultFailureClassifier withPatterns = new DefaultFailureClassifier(List.of(), List.of("INVALID_KS"));
		assertThat(withPatterns.classify(FailedCall.api("kaltura.media.get", kaltura)))
			.isEqualTo(FailureClass.AUTHENTICATION);
		assertThat(withPatterns.classify(FailedCall.tool("get_media_entry", kaltura, null, false, false)))
			.as("never a tool failure")
			.isEqualTo(FailureClass.OTHER);
		assertThat(withPatterns.classify(FailedCall.tool("get_media_entry", null, "INVALID_KS", false, false)))
			.isEqualTo(FailureClass.OTHER);
	}

	@Test
	void anEmptyPatternListClassifiesNothing() {
		DefaultFailureClassifier none = new DefaultFailureClassifier(List.of(), List.of());
		assertThat(none.classify(FailedCall.api("a", new IllegalStateException("anything at all"))))
			.isEqualTo(FailureClass.OTHER);
		assertThat(none.classify(FailedCall.api("a", new IllegalStateException("")))).isEqualTo(FailureClass.OTHER);
	}

	@Test
	void patternsSeeOnlyTheStartOfAMessage() {
		DefaultFailureClassifier withPatterns = new DefaultFailureClassifier(List.of(), List.of("INVALID_KS"));
		String late = "x".repeat(2000) + " INVALID_KS";
		assertThat(withPatterns.classify(FailedCall.api("a", new IllegalStateException(late))))
			.isEqualTo(FailureClass.OTHER);
	}

	@Test
	void anEmptyOrInvalidPatternIsRejectedNamingTheSetting() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new DefaultFailureClassifier(List.of(), List.of("INVALID_KS", "")))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("authFailurePatterns"));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new DefaultFailureClassifier(List.of(), List.of("(unclosed")))
			.satisfies((ex) -> {
				assertThat(ex.setting()).isEqualTo("authFailurePatterns");
				assertThat(ex.getMessage()).contains("(unclosed");
			});
	}

	@Test
	void jsonRpcClientErrorsAreTheConventionsOnes() {
		for (int code : new int[] { -32700, -32600, -32601, -32602, -32002 }) {
			assertThat(DefaultFailureClassifier.isClientJsonRpcError(code)).as("%d", code).isTrue();
		}
		assertThat(DefaultFailureClassifier.isClientJsonRpcError(-32603)).isFalse();
	}

}
