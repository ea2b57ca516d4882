package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;

/**
 * The MCP tool call open on the current thread, so that the MCP layer and the tool method count it once between
 * them: an annotated tool method running inside it refines it and notes the exception it threw, which the MCP layer
 * would otherwise only see as an error result. A synchronous call is this invocation itself; an asynchronous one
 * keeps what the tool method said while the invocation was open on the subscribing thread. One instance per thread
 * is reused, so a call allocates nothing.
 */
public final class ToolInvocation extends ServerToolCall {

	private static final ThreadLocal<ToolInvocation> CURRENT = ThreadLocal.withInitial(ToolInvocation::new);

	private boolean open;

	private ToolInvocation outer;

	private String unscopedFailureType;

	private long unscopedFailureTime;

	private ToolInvocation() {
	}

	/**
	 * Open an invocation of a tool on the current thread; it must be closed in a {@code finally} block.
	 * @param tool the tool the server exposes
	 * @return the open invocation
	 */
	static ToolInvocation open(ServerTool tool) {
		ToolInvocation current = CURRENT.get();
		if (!current.open) {
			current.begin(null, tool);
			return current;
		}
		// A tool that calls another tool through the server: rare, so it may allocate.
		ToolInvocation nested = new ToolInvocation();
		nested.begin(current, tool);
		CURRENT.set(nested);
		return nested;
	}

	/**
	 * Return the invocation open on the current thread.
	 * @return the open invocation, or {@code null} when no tool call is in progress on this thread
	 */
	public static ToolInvocation current() {
		ToolInvocation current = CURRENT.get();
		return current.open ? current : null;
	}

	/**
	 * Note a tool method failure seen outside any open invocation: an asynchronous server runs the tool method on
	 * another thread than the one that opened the call. The asynchronous call that completes on that thread takes it.
	 */
	static void noteUnscopedFailure(Throwable failure) {
		ToolInvocation current = CURRENT.get();
		current.unscopedFailureType = ErrorTypes.of(failure);
		current.unscopedFailureTime = System.nanoTime();
	}

	/**
	 * Take the failure noted on the current thread by {@link #noteUnscopedFailure(Throwable)} since a given time.
	 * @param sinceNanoTime the {@link System#nanoTime()} at the start of the call
	 * @return the error type of the failure, or {@code null} when none was noted since then
	 */
	static String takeUnscopedFailure(long sinceNanoTime) {
		ToolInvocation current = CURRENT.get();
		String type = current.unscopedFailureType;
		if (type == null || current.unscopedFailureTime - sinceNanoTime < 0) {
			return null;
		}
		current.unscopedFailureType = null;
		return type;
	}

	/**
	 * Tell whether this is an invocation of the tool a framework exposes under a given name, so that a tool method
	 * called from another tool's handler does not refine that other tool's call.
	 * @param frameworkToolName the name the framework gives the tool method
	 * @return whether the server exposes the tool of this invocation under that name
	 */
	boolean isOf(String frameworkToolName) {
		return this.tool.name().equals(frameworkToolName);
	}

	/**
	 * Note that an upstream API call started inside this tool call, so that an {@link IllegalArgumentException} the
	 * tool throws afterwards is not taken for a rejection of the client's arguments.
	 */
	public void upstreamCalled() {
		this.upstreamCalled = true;
	}

	@Override
	boolean seesTheWholeCall() {
		return true;
	}

	/**
	 * Record this synchronous call and close it. Never throws an exception.
	 * @param startTime the {@link ServerTool#monotonicTime() time} the call started
	 * @param inFlight the call as {@link ServerTool#startInFlight() counted in flight}, or {@code null}
	 * @param result the result the handler returned, or {@code null} when it threw
	 * @param thrown the exception the handler threw, or {@code null}
	 */
	public void finish(long startTime, InFlightCall inFlight, Object result, Throwable thrown) {
		try {
			record(startTime, inFlight, result, thrown);
		}
		finally {
			close();
		}
	}

	/** Close this invocation and restore the one it was nested in, if any. */
	void close() {
		this.open = false;
		this.toolMethodFailure = null;
		if (this.outer != null) {
			CURRENT.set(this.outer);
			this.outer = null;
		}
	}

	private void begin(ToolInvocation outer, ServerTool tool) {
		this.open = true;
		this.outer = outer;
		this.tool = tool;
		clearNotes();
	}

}
