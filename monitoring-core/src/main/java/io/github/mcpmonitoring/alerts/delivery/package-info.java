/**
 * Delivery of alert notifications to the log, a JSON webhook and Alertmanager, off the evaluator's thread.
 */
package io.github.mcpmonitoring.alerts.delivery;
