package io.github.mcpmonitoring.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.LongTaskTimer;

/**
 * Tracks the tool calls in flight for the {@code mcp.server.operation.active} long-task timer.
 * <p>
 * Starting a long-task timer sample costs about a hundred nanoseconds and allocates, on every call, for a view that
 * matters for the calls that last. So, {@link #sampled() when sampled}, a call that starts and ends on one thread
 * only marks a slot that belongs to its thread, and each {@link #sample() sampling run} starts a sample for every
 * call it finds open; the call stops that sample when it ends. The timer then counts the calls that were open at the
 * last sampling run and still are, with ages counted from the run that found them: a call that lasts longer than
 * twice the sampling interval is always counted, and its age is short by at most one interval. Sampling runs are
 * the caller's to schedule.
 * <p>
 * A call that may end on another thread (an asynchronous handler or method), and a call nested in another on the
 * same thread, start their sample at once, as do all calls when {@link #everyCall() every call} is counted.
 */
public final class InFlightCalls {

	private final boolean sampled;

	private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(this::newSlot);

	private final Queue<WeakReference<Slot>> allSlots = new ConcurrentLinkedQueue<>();

	private InFlightCalls(boolean sampled) {
		this.sampled = sampled;
	}

	/**
	 * Count the calls found open by {@link #sample()}, which must then run periodically.
	 * @return calls in flight counted by sampling
	 */
	public static InFlightCalls sampled() {
		return new InFlightCalls(true);
	}

	/**
	 * Count every call from its start, at the cost of a long-task timer sample per call.
	 * @return calls in flight counted one by one
	 */
	public static InFlightCalls everyCall() {
		return new InFlightCalls(false);
	}

	/**
	 * Look for the calls open now: start a sample of their timer for each call that has none yet. Run by one thread
	 * at a time.
	 */
	public synchronized void sample() {
		Iterator<WeakReference<Slot>> iterator = this.allSlots.iterator();
		while (iterator.hasNext()) {
			Slot slot = iterator.next().get();
			if (slot == null) {
				iterator.remove();
			}
			else {
				slot.sample();
			}
		}
	}

	/**
	 * Count a call that ends on the thread that begins it.
	 * @param timer the in-flight timer of the call
	 * @return the call, to {@link InFlightCall#end() end} on this thread
	 */
	InFlightCall begin(LongTaskTimer timer) {
		if (!this.sampled) {
			return beginAnywhere(timer);
		}
		Slot slot = this.slots.get();
		if (slot.isOpen()) {
			return beginAnywhere(timer);
		}
		slot.open(timer);
		return slot;
	}

	/**
	 * Count a call that may end on another thread than the one that begins it.
	 * @param timer the in-flight timer of the call
	 * @return the call, to {@link InFlightCall#end() end} on any thread
	 */
	static InFlightCall beginAnywhere(LongTaskTimer timer) {
		return timer.start()::stop;
	}

	private Slot newSlot() {
		Slot slot = new Slot();
		this.allSlots.add(new WeakReference<>(slot));
		return slot;
	}

	/**
	 * The call open on one thread. Only that thread opens and ends calls; only the sampling run starts samples.
	 * Whichever of the two sees that a call ended while its sample was started removes the sample and stops it,
	 * once.
	 */
	private static final class Slot implements InFlightCall {

		private static final VarHandle CALLS;

		private static final VarHandle SAMPLE;

		static {
			try {
				MethodHandles.Lookup lookup = MethodHandles.lookup();
				CALLS = lookup.findVarHandle(Slot.class, "calls", long.class);
				SAMPLE = lookup.findVarHandle(Slot.class, "sample", LongTaskTimer.Sample.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		/** The in-flight timer of the open call, published by the next write of {@link #calls}. */
		private LongTaskTimer timer;

		/** Odd while a call is open: incremented when a call opens and when it ends. */
		private volatile long calls;

		/** The sample started by a sampling run for the open call, or {@code null}. */
		private volatile LongTaskTimer.Sample sample;

		boolean isOpen() {
			return (this.calls & 1) != 0;
		}

		void open(LongTaskTimer timer) {
			this.timer = timer;
			CALLS.setRelease(this, this.calls + 1);
		}

		@Override
		public void end() {
			// A volatile write, then a volatile read: either this thread sees the sample started for this call,
			// or the sampling run sees that the call ended.
			this.calls = this.calls + 1;
			LongTaskTimer.Sample started = this.sample;
			if (started != null && SAMPLE.compareAndSet(this, started, null)) {
				started.stop();
			}
		}

		void sample() {
			long call = this.calls;
			if ((call & 1) == 0 || this.sample != null) {
				return;
			}
			// The timer may be that of a later call: the check below then stops the sample at once.
			LongTaskTimer.Sample started = this.timer.start();
			this.sample = started;
			if (this.calls != call && SAMPLE.compareAndSet(this, started, null)) {
				started.stop();
			}
		}

	}

}
