package io.github.mcpmonitoring.failures;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Asks the application's classifiers in their order and then the starter's own; the first answer wins. Never
 * returns {@code null} and never throws: a classifier that throws is logged once at WARN (afterwards at DEBUG),
 * without the failure's message, and the next one is asked.
 */
public final class CompositeFailureClassifier implements FailureClassifier {

	private static final Log logger = LogFactory.getLog(CompositeFailureClassifier.class);

	private final List<FailureClassifier> classifiers;

	private final FailureClassifier fallback;

	private final AtomicIntegerArray warned;

	/**
	 * Create a classifier.
	 * @param classifiers the application's classifiers, in their order
	 * @param fallback the classifier asked last
	 */
	public CompositeFailureClassifier(List<FailureClassifier> classifiers, FailureClassifier fallback) {
		this.classifiers = List.copyOf(classifiers);
		this.fallback = fallback;
		this.warned = new AtomicIntegerArray(this.classifiers.size() + 1);
	}

	@Override
	public FailureClass classify(FailedCall call) {
		for (int i = 0; i < this.classifiers.size(); i++) {
			FailureClass answer = ask(i, this.classifiers.get(i), call);
			if (answer != null) {
				return answer;
			}
		}
		FailureClass answer = ask(this.classifiers.size(), this.fallback, call);
		return (answer != null) ? answer : FailureClass.OTHER;
	}

	private FailureClass ask(int index, FailureClassifier classifier, FailedCall call) {
		try {
			return classifier.classify(call);
		}
		catch (Throwable ex) {
			classifierFailed(index, classifier, ex);
			return null;
		}
	}

	private void classifierFailed(int index, FailureClassifier classifier, Throwable ex) {
		try {
			String what = "Failure classifier " + classifier.getClass().getName() + " threw "
					+ ex.getClass().getName();
			if (this.warned.compareAndSet(index, 0, 1)) {
				logger.warn(what + "; the next classifier was asked and the monitored call was not affected."
						+ " Further failures of this classifier are logged at DEBUG");
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(what);
			}
		}
		catch (Throwable ignored) {
			// A broken logger must not break the monitored call either.
		}
	}

}
