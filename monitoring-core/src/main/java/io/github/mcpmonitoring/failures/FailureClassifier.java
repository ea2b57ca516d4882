package io.github.mcpmonitoring.failures;

/**
 * Decides what a failed tool or API call is. Applications declare beans of this type to recognise their own
 * exceptions (an upstream's typed error codes, their own validation exceptions); they are asked in their order,
 * before the starter's classifier, and the first answer wins. Called on the thread of the call, on failures only:
 * implementations must be fast, must not block and should not throw (an exception is logged and ignored).
 */
@FunctionalInterface
public interface FailureClassifier {

	/**
	 * Classify a failed call.
	 * @param call what is known about the call
	 * @return what the failure is, or {@code null} to leave the decision to the next classifier
	 */
	FailureClass classify(FailedCall call);

}
