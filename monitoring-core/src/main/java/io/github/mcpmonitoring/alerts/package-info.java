/**
 * The in-process alert evaluator: rules evaluated on a schedule from the meters Prometheus scrapes, alert state,
 * and delivery to the log, application events, webhooks and Alertmanager.
 */
package io.github.mcpmonitoring.alerts;
