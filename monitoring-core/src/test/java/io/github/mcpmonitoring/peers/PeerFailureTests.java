package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeerFailure#of}: a failure that no closed {@code error.type} names further still says, in words of
 * the probe's own, which exchange failed and with which exception classes, never with the exceptions' messages.
 */
class PeerFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String PEER_TEXT = "peer-text";

	@Test
	void brokenEventStreamAfterAnAnswerNamesTheStreamAndTheExceptionClasses() {
		// As the MCP client hands on a failed initialize: its own exception around the probe's.
		Throwable failure = new RuntimeException(PEER_TEXT, new FailedExchangeException(
				FailedExchangeException.EVENT_STREAM, new IOException("Illegal character in chunk size: " + PEER_TEXT)));

		PeerFailure classified = PeerFailure.of(failure, 200, true, TIMEOUT);

		assertThat(classified.errorType()).isEqualTo(PeerFailure.INVALID_RESPONSE);
		assertThat(classified.description()).isEqualTo("HTTP status 200 with an answer that is not MCP: "
				+ "the event stream failed with RuntimeException caused by IOException");
	}

	@Test
	void failedMessageWithoutAnswerKeepsTheExceptionClassAsErrorType() {
		Throwable failure = new FailedExchangeException(FailedExchangeException.MESSAGE,
				new IllegalStateException(PEER_TEXT));

		PeerFailure classified = PeerFailure.of(failure, ObservedHttpClient.NO_RESPONSE, true, TIMEOUT);

		assertThat(classified.errorType()).isEqualTo("IllegalStateException");
		assertThat(classified.description())
			.isEqualTo("a message sent to the peer failed with IllegalStateException");
	}

	@Test
	void failureOutsideAnyExchangeNamesItsClasses() {
		PeerFailure classified = PeerFailure.of(new IllegalStateException(PEER_TEXT, new ArithmeticException()), 200,
				true, TIMEOUT);

		assertThat(classified.errorType()).isEqualTo(PeerFailure.INVALID_RESPONSE);
		assertThat(classified.description()).isEqualTo("HTTP status 200 with an answer that is not MCP: "
				+ "failed with IllegalStateException caused by ArithmeticException");
	}

	@Test
	void waitingAfterEveryExchangeEndedSaysSo() {
		PeerFailure classified = PeerFailure.of(new TimeoutException(PEER_TEXT), 200, true, TIMEOUT);

		assertThat(classified.errorType()).isEqualTo(PeerFailure.INVALID_RESPONSE);
		assertThat(classified.description()).isEqualTo(
				"HTTP status 200 with an answer that is not MCP: every exchange ended, no answer within 5000 ms");
	}

	@Test
	void timeoutWhileAnExchangeIsOpenIsATimeout() {
		PeerFailure classified = PeerFailure.of(new TimeoutException(PEER_TEXT), 200, false, TIMEOUT);

		assertThat(classified).isEqualTo(new PeerFailure(PeerFailure.TIMEOUT, "no answer within 5000 ms"));
	}

}
