package io.github.mcpmonitoring.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.LongTaskTimer;

/**
 * Tracks the tool calls in flight for the {@code mcp.server.operation.active} long-task timer.
 * <p>
 * Starting a long-task timer sample reads the clock and allocates, on every call, for a view that
 * matters for the calls that last. So a call that starts and ends on one thread only marks a slot that belongs to
 * its thread, and each {@link #sample() sampling run} starts a sample for every call it finds open; the call stops
 * that sample when it ends. The timer then counts the calls that were open at the last sampling run and still are,
 * with ages counted from the run that found them: a call that lasts longer than twice the sampling interval is
 * always counted, and its age is short by at most one interval. Ending a call takes no memory fence, so a call that
 * ends while a sampling run is starting its sample may stay counted until the next run. Sampling runs are the
 * caller's to schedule.
 * <p>
 * A call that may end on another thread (an asynchronous handler or method), and a call nested in another on the
 * same thread, start their sample at once.
 */
public final class InFlightCalls {

	private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(this::newSlot);

	private final Queue<WeakReference<Slot>> allSlots = new ConcurrentLinkedQueue<>();

	/** The timers {@link #track tracked} here, by number. Guarded by this object's lock. */
	private LongTaskTimer[] timers = new LongTaskTimer[0];

	/**
	 * Create an instance that counts the calls found open by {@link #sample()}, which must then run periodically.
	 */
	public InFlightCalls() {
	}

	/**
	 * Look for the calls open now: start a sample of their timer for each call that has none yet, and stop the
	 * samples of calls that ended without seeing theirs. Run by one thread at a time.
	 */
	public synchronized void sample() {
		// Timers are tracked under the same lock: every number a slot holds is in this array.
		LongTaskTimer[] tracked = this.timers;
		Iterator<WeakReference<Slot>> iterator = this.allSlots.iterator();
		while (iterator.hasNext()) {
			Slot slot = iterator.next().get();
			if (slot == null) {
				iterator.remove();
			}
			else {
				slot.sample(tracked);
			}
		}
	}

	/**
	 * Return how the calls of an in-flight timer begin. Called once per timer: the timer is kept as long as these
	 * calls are.
	 * @param timer the in-flight timer of a tool
	 * @return the timer's calls
	 */
	TrackedTimer track(LongTaskTimer timer) {
		synchronized (this) {
			LongTaskTimer[] tracked = Arrays.copyOf(this.timers, this.timers.length + 1);
			tracked[tracked.length - 1] = timer;
			this.timers = tracked;
			return new TrackedTimer(timer, tracked.length - 1);
		}
	}

	/**
	 * An in-flight timer known to its {@link InFlightCalls} by a number, which is what a call stores in the slot of
	 * its thread: storing a reference there on every call would cost a garbage collector write barrier.
	 */
	final class TrackedTimer {

		private final LongTaskTimer timer;

		private final int number;

		private TrackedTimer(LongTaskTimer timer, int number) {
			this.timer = timer;
			this.number = number;
		}

		/**
		 * Count a call that ends on the thread that begins it.
		 * @return the call, to {@link InFlightCall#end() end} on this thread
		 */
		InFlightCall begin() {
			Slot slot = InFlightCalls.this.slots.get();
			if (slot.isOpen()) {
				return beginAnywhere();
			}
			slot.open(this.number);
			return slot;
		}

		/**
		 * Count a call that may end on another thread than the one that begins it.
		 * @return the call, to {@link InFlightCall#end() end} on any thread
		 */
		InFlightCall beginAnywhere() {
			return this.timer.start()::stop;
		}

	}

	private Slot newSlot() {
		Slot slot = new Slot();
		this.allSlots.add(new WeakReference<>(slot));
		return slot;
	}

	/**
	 * The call open on one thread. Only that thread opens and ends calls; only sampling runs start samples. A sample
	 * is stopped once, by the end of its call or by the next sampling run, whichever removes it from the slot.
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

		/** The number of the in-flight timer of the open call, published by the next write of {@link #calls}. */
		private int timer;

		/** Odd while a call is open: incremented when a call opens and when it ends. */
		private volatile long calls;

		/** The sample started by a sampling run for an open call, or {@code null}. */
		private volatile LongTaskTimer.Sample sample;

		/** The value of {@link #calls} when the sampling runs started {@link #sample}; read by sampling runs only. */
		private long sampledCall;

		boolean isOpen() {
			return (this.calls & 1) != 0;
		}

		void open(int timer) {
			this.timer = timer;
			CALLS.setRelease(this, this.calls + 1);
		}

		@Override
		public void end() {
			// No fence between the write and the read: when this read misses a sample that a sampling run is
			// publishing, the next run finds that the call ended and stops the sample.
			CALLS.setRelease(this, this.calls + 1);
			LongTaskTimer.Sample started = this.sample;
			if (started != null && SAMPLE.compareAndSet(this, started, null)) {
				started.stop();
			}
		}

		void sample(LongTaskTimer[] timers) {
			long call = this.calls;
			LongTaskTimer.Sample started = this.sample;
			if (started != null) {
				if (call == this.sampledCall) {
					return;
				}
				// The call it counted ended without seeing it.
				if (SAMPLE.compareAndSet(this, started, null)) {
					started.stop();
				}
			}
			if ((call & 1) == 0) {
				return;
			}
			// The timer may be that of a later call: the next run then finds that the call moved on.
			this.sampledCall = call;
			this.sample = timers[this.timer].start();
		}

	}

}
