package io.github.mcpmonitoring.core;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells several {@link CallFailureListener listeners} about each failure, each on its own: a listener that throws is
 * logged once at WARN (afterwards at DEBUG) and the others still run, and nothing reaches the monitored call.
 */
public final class CompositeCallFailureListener implements CallFailureListener {

	private static final Log logger = LogFactory.getLog(CompositeCallFailureListener.class);

	private final List<CallFailureListener> listeners;

	private final AtomicIntegerArray warned;

	/**
	 * Create a listener that tells the given ones, in their order.
	 * @param listeners the listeners
	 */
	public CompositeCallFailureListener(List<CallFailureListener> listeners) {
		this.listeners = List.copyOf(listeners);
		this.warned = new AtomicIntegerArray(this.listeners.size());
	}

	@Override
	public void onFailure(CallFailure failure) {
		for (int i = 0; i < this.listeners.size(); i++) {
			CallFailureListener listener = this.listeners.get(i);
			try {
				listener.onFailure(failure);
			}
			catch (Throwable ex) {
				// An Error too (a stack overflow in a listener's own code, a missing class): it must neither reach the
				// monitored call nor keep the other listeners from running.
				listenerFailed(i, listener, ex);
			}
		}
	}

	/**
	 * Logged without the exception's message or stack trace: a listener's exception may carry the failure message,
	 * which is not redacted yet.
	 */
	private void listenerFailed(int index, CallFailureListener listener, Throwable ex) {
		try {
			String what = "Call failure listener " + listener.getClass().getName() + " threw "
					+ ex.getClass().getName() + thrownAt(ex);
			if (this.warned.compareAndSet(index, 0, 1)) {
				logger.warn(what + "; the other listeners still ran and the monitored call was not affected."
						+ " Further failures of this listener are logged at DEBUG");
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(what);
			}
		}
		catch (Throwable ignored) {
			// A broken logger must not break the monitored call either.
		}
	}

	private static String thrownAt(Throwable ex) {
		StackTraceElement[] stackTrace = ex.getStackTrace();
		return (stackTrace.length > 0) ? " at " + stackTrace[0] : "";
	}

}
