package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;

import io.github.mcpmonitoring.core.SettingChecks;

/**
 * Base of the built-in rules that read a window of the meter history: the history and the window they look back over.
 */
abstract class WindowedHistoryRule extends BuiltInAlertRule {

	protected final MeterHistory history;

	protected final Duration window;

	WindowedHistoryRule(String id, String alertName, RuleSettings settings, MeterHistory history, Duration window) {
		super(id, alertName, settings);
		this.history = history;
		this.window = SettingChecks.requirePositive("window", window);
	}

}
