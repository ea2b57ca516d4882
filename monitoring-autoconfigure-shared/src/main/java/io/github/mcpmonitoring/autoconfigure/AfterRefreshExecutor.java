package io.github.mcpmonitoring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Holds tasks until the application context has been refreshed, then hands them to another executor: work that
 * would compete for the CPU with the application's startup (such as OSHI's first, slow query) waits until the
 * startup is done.
 */
class AfterRefreshExecutor implements Executor, ApplicationListener<ContextRefreshedEvent> {

	private final Executor delegate;

	private final List<Runnable> waiting = new ArrayList<>();

	private boolean refreshed;

	AfterRefreshExecutor(Executor delegate) {
		this.delegate = delegate;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (this.waiting) {
			if (!this.refreshed) {
				this.waiting.add(task);
				return;
			}
		}
		this.delegate.execute(task);
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		List<Runnable> tasks;
		synchronized (this.waiting) {
			if (this.refreshed) {
				return;
			}
			this.refreshed = true;
			tasks = List.copyOf(this.waiting);
			this.waiting.clear();
		}
		tasks.forEach(this.delegate::execute);
	}

}
