package io.github.mcpmonitoring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AfterRefreshExecutor}.
 */
class AfterRefreshExecutorTests {

	private final List<Runnable> handedOver = new ArrayList<>();

	private final AfterRefreshExecutor executor = new AfterRefreshExecutor(this.handedOver::add);

	@Test
	void holdsTasksUntilTheContextIsRefreshed() {
		Runnable first = () -> {
		};
		this.executor.execute(first);
		assertThat(this.handedOver).isEmpty();
		this.executor.onApplicationEvent(new ContextRefreshedEvent(new GenericApplicationContext()));
		assertThat(this.handedOver).containsExactly(first);
	}

	@Test
	void handsTasksOverAtOnceAfterTheRefreshAndOnlyOnce() {
		Runnable held = () -> {
		};
		Runnable later = () -> {
		};
		this.executor.execute(held);
		this.executor.onApplicationEvent(new ContextRefreshedEvent(new GenericApplicationContext()));
		this.executor.onApplicationEvent(new ContextRefreshedEvent(new GenericApplicationContext()));
		this.executor.execute(later);
		assertThat(this.handedOver).containsExactly(held, later);
	}

}
