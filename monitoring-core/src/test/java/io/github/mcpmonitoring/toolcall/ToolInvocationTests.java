package io.github.mcpmonitoring.toolcall;

import java.io.IOException;
import java.time.Duration;

import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolInvocation}.
 */
class ToolInvocationTests {

	private final ToolCalls toolCalls = new ToolCalls(() -> new ToolCallMetrics(new SimpleMeterRegistry(),
			Duration.ofMinutes(1), CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier()));

	private final ServerTool tool = this.toolCalls.serverTool("get_media_entry", 0);

	@AfterEach
	void noInvocationLeaksIntoTheNextTest() {
		assertThat(ToolInvocation.current()).isNull();
	}

	@Test
	void isCurrentOnlyWhileOpen() {
		assertThat(ToolInvocation.current()).isNull();
		ToolInvocation invocation = this.tool.open();
		assertThat(ToolInvocation.current()).isSameAs(invocation);
		invocation.close();
		assertThat(ToolInvocation.current()).isNull();
	}

	@Test
	void startsWithoutRefinementOrFailure() {
		ToolInvocation first = this.tool.open();
		first.refine("renamed", 5);
		first.toolMethodFailed(new IOException());
		first.close();
		ToolInvocation second = this.tool.open();
		try {
			assertThat(second.refinedName).isNull();
			assertThat(second.refinedSlowThresholdNanos).isNegative();
			assertThat(second.toolMethodFailure).isNull();
		}
		finally {
			second.close();
		}
	}

	@Test
	void refineKeepsWhatIsNotGiven() {
		ToolInvocation invocation = this.tool.open();
		try {
			invocation.refine("renamed", 5);
			invocation.refine(null, -1);
			assertThat(invocation.refinedName).isEqualTo("renamed");
			assertThat(invocation.refinedSlowThresholdNanos).isEqualTo(5);
		}
		finally {
			invocation.close();
		}
	}

	@Test
	void isOfTheToolTheServerExposesOnly() {
		ToolInvocation invocation = this.tool.open();
		try {
			assertThat(invocation.isOf("get_media_entry")).isTrue();
			assertThat(invocation.isOf("list_categories")).isFalse();
		}
		finally {
			invocation.close();
		}
	}

	@Test
	void nestedInvocationRestoresTheOuterOneWhenClosed() {
		ToolInvocation outer = this.tool.open();
		outer.refine("outer", -1);
		ToolInvocation inner = this.tool.open();
		assertThat(inner).isNotSameAs(outer);
		assertThat(ToolInvocation.current()).isSameAs(inner);
		inner.refine("inner", -1);
		inner.close();
		assertThat(ToolInvocation.current()).isSameAs(outer);
		assertThat(outer.refinedName).isEqualTo("outer");
		outer.close();
	}

	@Test
	void unscopedFailureIsTakenOnceAndOnlyWhenNotedSinceTheGivenTime() {
		long before = System.nanoTime();
		ToolInvocation.noteUnscopedFailure(new IllegalArgumentException());
		assertThat(ToolInvocation.takeUnscopedFailure(System.nanoTime() + 1_000_000)).isNull();
		assertThat(ToolInvocation.takeUnscopedFailure(before)).isEqualTo("IllegalArgumentException");
		assertThat(ToolInvocation.takeUnscopedFailure(before)).isNull();
	}

}
