package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.InFlightCall;

/**
 * One subscription to the result of an asynchronous tool handler, recorded once whichever signal ends it. While the
 * handler runs on the subscribing thread, a {@link ToolInvocation} is open there, so that tool methods running on
 * that thread refine this call rather than count another; what they said is kept when the thread leaves the call.
 */
public final class AsyncToolCall extends ServerToolCall {

	private final long startTime;

	private final InFlightCall inFlight;

	private final long startNanoTime = System.nanoTime();

	private ToolInvocation invocation;

	private boolean finished;

	AsyncToolCall(ServerTool tool, InFlightCall inFlight, long startTime, ToolInvocation invocation) {
		this.tool = tool;
		this.inFlight = inFlight;
		this.startTime = startTime;
		this.invocation = invocation;
	}

	/**
	 * The subscribing thread is done with the call: keep what the tool method said on it and close its invocation.
	 * Call it once, in a {@code finally} block on the thread that {@link ServerTool#subscribe() subscribed}.
	 */
	public void leaveThread() {
		ToolInvocation left;
		synchronized (this) {
			takeNotes();
			left = this.invocation;
			this.invocation = null;
		}
		left.close();
	}

	/**
	 * Record the call, the first time only. Never throws an exception.
	 * @param result the result the call produced, or {@code null}
	 * @param thrown the exception the call ended with, or {@code null}
	 */
	public synchronized void finish(Object result, Throwable thrown) {
		if (this.finished) {
			return;
		}
		this.finished = true;
		takeNotes();
		record(this.startTime, this.inFlight, result, thrown);
	}

	/** The tool may run on another thread than the subscribing one: what it did there is not seen. */
	@Override
	boolean seesTheWholeCall() {
		return false;
	}

	@Override
	String unnotedToolMethodFailure(Object result, Throwable thrown) {
		if (thrown != null || !ToolResults.isErrorResult(result)) {
			return null;
		}
		// Frameworks run the tool method and complete the call on one worker thread: what the tool method threw
		// there, before the framework turned it into an error result, can be read here.
		return ToolInvocation.takeUnscopedFailure(this.startNanoTime);
	}

	private void takeNotes() {
		if (this.invocation == null) {
			return;
		}
		refine(this.invocation.refinedName, this.invocation.refinedSlowThresholdNanos);
		if (this.invocation.toolMethodFailure != null) {
			this.toolMethodFailure = this.invocation.toolMethodFailure;
		}
	}

}
