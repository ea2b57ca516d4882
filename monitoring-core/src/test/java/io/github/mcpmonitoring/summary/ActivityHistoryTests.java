package io.github.mcpmonitoring.summary;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.summary.ActivityHistory.ActivityDescriptor;
import io.github.mcpmonitoring.summary.ActivityHistory.SeriesDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ActivityHistory}, on the starter's real meters and a clock the test moves.
 */
class ActivityHistoryTests {

	private static final Duration STEP = Duration.ofMinutes(1);

	private final RuleHarness harness = new RuleHarness();

	private final ActivityHistory history = new ActivityHistory(this.harness.registry(), this.harness.clock(), STEP,
			Duration.ofMinutes(3));

	@Test
	void keepsWhatEachStepAddedAndTheCurrentStep() {
		this.history.sample();
		this.harness.advance(STEP);
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		this.history.sample();
		this.harness.advance(Duration.ofSeconds(20));
		this.harness.toolCalls("list_media", 2, ErrorTypes.NONE);
		this.harness.apiCall("kaltura.media.list", null);
		ActivityDescriptor activity = this.history.activity();
		assertThat(activity.step()).isEqualTo("PT1M");
		assertThat(activity.times()).hasSize(3).last().isEqualTo(this.harness.clock().instant().toString());
		SeriesDescriptor listMedia = activity.tools().get("list_media");
		assertThat(listMedia.calls()).containsExactly(0L, 4L, 2L);
		assertThat(listMedia.errors()).containsExactly(0L, 1L, 0L);
		// Three calls of 10 ms and one of 3 s: rank 3.8 of 4 falls in (2 s, 5 s].
		assertThat(listMedia.p95Ms()).containsExactly(null, Math.round(1000 * (2 + 3 * 0.8)), 10L);
		assertThat(activity.apis().get("kaltura.media.list").calls()).containsExactly(0L, 0L, 1L);
	}

	@Test
	void keepsOnlyTheSpan() {
		for (int i = 0; i < 5; i++) {
			this.harness.toolCalls("list_media", i, ErrorTypes.NONE);
			this.history.sample();
			this.harness.advance(STEP);
		}
		ActivityDescriptor activity = this.history.activity();
		assertThat(activity.times()).hasSize(4);
		assertThat(activity.tools().get("list_media").calls()).containsExactly(2L, 3L, 4L, 0L);
	}

	@Test
	void readingDoesNotCloseAStep() {
		this.history.sample();
		this.harness.toolCalls("list_media", 2, ErrorTypes.NONE);
		this.history.activity();
		this.harness.toolCalls("list_media", 1, ErrorTypes.NONE);
		assertThat(this.history.activity().tools().get("list_media").calls()).containsExactly(0L, 3L);
	}

	@Test
	void refusesAStepLongerThanTheSpan() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ActivityHistory(this.harness.registry(),
				this.harness.clock(), Duration.ofHours(2), Duration.ofHours(1)));
	}

}
