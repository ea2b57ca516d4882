package io.github.mcpmonitoring.failures;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompositeFailureClassifier}.
 */
class CompositeFailureClassifierTests {

	private final FailedCall call = FailedCall.tool("t", new IllegalStateException(), null, true, false);

	@Test
	void theFirstAnswerWinsInOrderAndTheFallbackIsAskedLast() {
		List<String> asked = new ArrayList<>();
		CompositeFailureClassifier classifier = new CompositeFailureClassifier(List.of((call) -> {
			asked.add("first");
			return null;
		}, (call) -> {
			asked.add("second");
			return FailureClass.AUTHENTICATION;
		}), (call) -> {
			asked.add("fallback");
			return FailureClass.OTHER;
		});
		assertThat(classifier.classify(this.call)).isEqualTo(FailureClass.AUTHENTICATION);
		assertThat(asked).containsExactly("first", "second");
	}

	@Test
	void aThrowingClassifierIsSkippedAndNoAnswerIsOther() {
		CompositeFailureClassifier classifier = new CompositeFailureClassifier(List.of((call) -> {
			throw new StackOverflowError();
		}), (call) -> null);
		assertThat(classifier.classify(this.call)).isEqualTo(FailureClass.OTHER);
	}

}
