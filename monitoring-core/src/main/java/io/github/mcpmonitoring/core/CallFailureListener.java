package io.github.mcpmonitoring.core;

/**
 * Told about every failed tool or upstream API call the instrumentation records. Called on the thread of the call:
 * implementations must be fast and must not block.
 */
@FunctionalInterface
public interface CallFailureListener {

	/** A listener that ignores failures. */
	CallFailureListener NONE = (failure) -> {
	};

	/**
	 * A call failed.
	 * @param failure the failure
	 */
	void onFailure(CallFailure failure);

}
