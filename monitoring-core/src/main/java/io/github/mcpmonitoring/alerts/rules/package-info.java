/**
 * The built-in alert rules and the meter history their windows are computed from.
 */
package io.github.mcpmonitoring.alerts.rules;
