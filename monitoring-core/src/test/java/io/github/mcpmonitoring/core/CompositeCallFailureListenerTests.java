package io.github.mcpmonitoring.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompositeCallFailureListener}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompositeCallFailureListenerTests {

	private final List<CallFailure> told = new ArrayList<>();

	@Test
	void tellsEveryListenerInOrder() {
		List<String> order = new ArrayList<>();
		CompositeCallFailureListener composite = new CompositeCallFailureListener(
				List.of((failure) -> order.add("first"), (failure) -> order.add("second")));
		composite.onFailure(failure("timeout"));
		assertThat(order).containsExactly("first", "second");
	}

	@Test
	void aThrowingListenerDoesNotStopTheNextOne() {
		CompositeCallFailureListener composite = new CompositeCallFailureListener(List.of((failure) -> {
			throw new IllegalStateException("broken");
		}, this.told::add));
		composite.onFailure(failure("timeout"));
		assertThat(this.told).extracting(CallFailure::message).containsExactly("timeout");
	}

	@Test
	void anErrorThrownByAListenerDoesNotStopTheNextOneEither() {
		CompositeCallFailureListener composite = new CompositeCallFailureListener(List.of((failure) -> {
			throw new StackOverflowError();
		}, this.told::add));
		composite.onFailure(failure("timeout"));
		assertThat(this.told).hasSize(1);
	}

	@Test
	void logsAThrowingListenerOnceAtWarnWithoutTheFailureMessage(CapturedOutput output) {
		CompositeCallFailureListener composite = new CompositeCallFailureListener(List.of((failure) -> {
			throw new IllegalStateException("cannot keep " + failure.message());
		}, this.told::add));
		composite.onFailure(failure("secret-bearing message"));
		composite.onFailure(failure("secret-bearing message"));
		assertThat(this.told).hasSize(2);
		assertThat(output.getAll()).containsOnlyOnce("WARN")
			.contains("threw java.lang.IllegalStateException")
			.doesNotContain("secret-bearing message");
	}

	private static CallFailure failure(String message) {
		return new CallFailure(Instant.EPOCH, CallFailure.TOOL, "get_media_entry", "IllegalStateException", message);
	}

}
