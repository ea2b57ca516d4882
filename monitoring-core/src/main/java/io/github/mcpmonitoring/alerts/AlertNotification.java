package io.github.mcpmonitoring.alerts;

import java.time.Instant;

/**
 * Something to tell the receivers of alerts: an alert that started firing, is still firing (a repeat), or was
 * resolved.
 *
 * @param alert the alert, in state {@link AlertState#FIRING} or {@link AlertState#RESOLVED}
 * @param repeat whether this is a reminder of an alert already notified as firing
 * @param sentAt when the notification was made
 */
public record AlertNotification(Alert alert, boolean repeat, Instant sentAt) {

}
