package io.github.mcpmonitoring.kaltura;

/**
 * Implemented by an application that holds a Kaltura session, to tell the starter's {@code kalturaSession} health
 * indicator its state. When a bean of this type exists, the indicator is activated.
 * <p>
 * {@link #currentStatus()} must return at once from what the application already knows (a snapshot it keeps fresh
 * on its own schedule): it must not call Kaltura, nor start a session. The starter calls it off the request
 * thread, on its own schedule.
 */
@FunctionalInterface
public interface KalturaSessionStatusProvider {

	/**
	 * Return the current status of the application's Kaltura session.
	 * @return the status, never {@code null}
	 */
	KalturaSessionStatus currentStatus();

}
