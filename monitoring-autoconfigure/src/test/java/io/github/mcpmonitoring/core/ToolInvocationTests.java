package io.github.mcpmonitoring.core;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolInvocation}.
 */
class ToolInvocationTests {

	@AfterEach
	void noInvocationLeaksIntoTheNextTest() {
		assertThat(ToolInvocation.current()).isNull();
	}

	@Test
	void isCurrentOnlyWhileOpen() {
		assertThat(ToolInvocation.current()).isNull();
		ToolInvocation invocation = ToolInvocation.open();
		assertThat(ToolInvocation.current()).isSameAs(invocation);
		invocation.close();
		assertThat(ToolInvocation.current()).isNull();
	}

	@Test
	void startsWithoutRefinementOrFailure() {
		ToolInvocation first = ToolInvocation.open();
		first.refine("renamed", 5);
		first.failed(new IOException());
		first.close();
		ToolInvocation second = ToolInvocation.open();
		try {
			assertThat(second.toolName()).isNull();
			assertThat(second.slowThresholdNanos()).isNegative();
			assertThat(second.failure()).isNull();
		}
		finally {
			second.close();
		}
	}

	@Test
	void refineKeepsWhatIsNotGiven() {
		ToolInvocation invocation = ToolInvocation.open();
		try {
			invocation.refine("renamed", 5);
			invocation.refine(null, -1);
			assertThat(invocation.toolName()).isEqualTo("renamed");
			assertThat(invocation.slowThresholdNanos()).isEqualTo(5);
		}
		finally {
			invocation.close();
		}
	}

	@Test
	void nestedInvocationRestoresTheOuterOneWhenClosed() {
		ToolInvocation outer = ToolInvocation.open();
		outer.refine("outer", -1);
		ToolInvocation inner = ToolInvocation.open();
		assertThat(inner).isNotSameAs(outer);
		assertThat(ToolInvocation.current()).isSameAs(inner);
		inner.refine("inner", -1);
		inner.close();
		assertThat(ToolInvocation.current()).isSameAs(outer);
		assertThat(outer.toolName()).isEqualTo("outer");
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
