package io.github.mcpmonitoring.core;

/**
 * The MCP tool call in progress on the current thread, so that the instrumentation at the MCP layer and the
 * instrumentation of the tool method count a call once between them.
 * <p>
 * The tool-spec instrumentation {@link #open() opens} an invocation around the handler; an annotated tool method
 * running inside it {@link #refine refines} the name and threshold and {@link #failed notes} the exception it threw,
 * which the MCP layer would otherwise turn into an error result before the outer instrumentation sees it. One
 * instance per thread is reused, so a call allocates nothing.
 */
public final class ToolInvocation {

	private static final ThreadLocal<ToolInvocation> CURRENT = ThreadLocal.withInitial(ToolInvocation::new);

	private boolean open;

	private ToolInvocation outer;

	private String serverToolName;

	private String toolName;

	private long slowThresholdNanos;

	private Throwable failure;

	private String unscopedFailureType;

	private long unscopedFailureTime;

	private ToolInvocation() {
	}

	/**
	 * Open an invocation of a tool whose name is not known on the current thread. Must be {@link #close() closed} in
	 * a {@code finally} block.
	 * @return the open invocation
	 */
	public static ToolInvocation open() {
		return open(null);
	}

	/**
	 * Open an invocation on the current thread. Must be {@link #close() closed} in a {@code finally} block.
	 * @param serverToolName the name under which the server exposes the tool, or {@code null} when unknown
	 * @return the open invocation
	 */
	public static ToolInvocation open(String serverToolName) {
		ToolInvocation current = CURRENT.get();
		if (!current.open) {
			current.begin(null, serverToolName);
			return current;
		}
		// A tool that calls another tool through the server: rare, so it may allocate.
		ToolInvocation nested = new ToolInvocation();
		nested.begin(current, serverToolName);
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
	 * another thread than the one that opened the call. The instrumentation that completes the call on that thread
	 * {@link #takeUnscopedFailure(long) takes} it.
	 * @param failure the exception the tool method threw
	 */
	public static void noteUnscopedFailure(Throwable failure) {
		ToolInvocation current = CURRENT.get();
		current.unscopedFailureType = ErrorTypes.of(failure);
		current.unscopedFailureTime = System.nanoTime();
	}

	/**
	 * Take the failure noted on the current thread by {@link #noteUnscopedFailure(Throwable)} since a given time.
	 * @param sinceNanoTime the {@link System#nanoTime()} at the start of the call
	 * @return the error type of the failure, or {@code null} when none was noted since then
	 */
	public static String takeUnscopedFailure(long sinceNanoTime) {
		ToolInvocation current = CURRENT.get();
		String type = current.unscopedFailureType;
		if (type == null || current.unscopedFailureTime - sinceNanoTime < 0) {
			return null;
		}
		current.unscopedFailureType = null;
		return type;
	}

	/**
	 * Refine the call with what an annotation on the tool method says.
	 * @param toolName the tool name to record under, or {@code null} to keep it
	 * @param slowThresholdNanos the slow-call threshold, or a negative value to keep it
	 */
	public void refine(String toolName, long slowThresholdNanos) {
		if (toolName != null) {
			this.toolName = toolName;
		}
		if (slowThresholdNanos >= 0) {
			this.slowThresholdNanos = slowThresholdNanos;
		}
	}

	/**
	 * Note the exception the tool method threw.
	 * @param failure the exception
	 */
	public void failed(Throwable failure) {
		this.failure = failure;
	}

	/**
	 * Tell whether this is an invocation of the tool a framework exposes under a given name, so that a tool method
	 * called from another tool's handler does not refine that other tool's call.
	 * @param frameworkToolName the name the framework gives the tool method
	 * @return {@code true} unless the invocation is known to be of a tool with another name
	 */
	public boolean mayBeOf(String frameworkToolName) {
		return this.serverToolName == null || this.serverToolName.equals(frameworkToolName);
	}

	/**
	 * Return the tool name set by {@link #refine}.
	 * @return the refined tool name, or {@code null}
	 */
	public String toolName() {
		return this.toolName;
	}

	/**
	 * Return the slow-call threshold set by {@link #refine}.
	 * @return the refined threshold in nanoseconds, or a negative value
	 */
	public long slowThresholdNanos() {
		return this.slowThresholdNanos;
	}

	/**
	 * Return the exception noted by {@link #failed}.
	 * @return the exception the tool method threw, or {@code null}
	 */
	public Throwable failure() {
		return this.failure;
	}

	/**
	 * Close this invocation and restore the one it was nested in, if any.
	 */
	public void close() {
		this.open = false;
		this.failure = null;
		if (this.outer != null) {
			CURRENT.set(this.outer);
			this.outer = null;
		}
	}

	private void begin(ToolInvocation outer, String serverToolName) {
		this.open = true;
		this.outer = outer;
		this.serverToolName = serverToolName;
		this.toolName = null;
		this.slowThresholdNanos = -1;
		this.failure = null;
	}

}
