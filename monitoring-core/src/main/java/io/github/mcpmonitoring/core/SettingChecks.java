package io.github.mcpmonitoring.core;

import java.time.Duration;

/**
 * The range checks constructors apply to the settings they are given, each throwing an
 * {@link InvalidSettingException} that names the setting.
 */
public final class SettingChecks {

	private SettingChecks() {
	}

	/**
	 * Require a value.
	 * @param <T> the type of the value
	 * @param setting the name of the setting
	 * @param value the value
	 * @return the value
	 */
	public static <T> T requireNonNull(String setting, T value) {
		if (value == null) {
			throw new InvalidSettingException(setting, null, "must be set");
		}
		return value;
	}

	/**
	 * Require a duration longer than zero.
	 * @param setting the name of the setting
	 * @param duration the value
	 * @return the value
	 */
	public static Duration requirePositive(String setting, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidSettingException(setting, duration, "must be positive");
		}
		return duration;
	}

	/**
	 * Require a duration of zero or more.
	 * @param setting the name of the setting
	 * @param duration the value
	 * @return the value
	 */
	public static Duration requireNonNegative(String setting, Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new InvalidSettingException(setting, duration, "must be zero or positive");
		}
		return duration;
	}

	/**
	 * Require a ratio, between 0 and 1.
	 * @param setting the name of the setting
	 * @param ratio the value
	 * @return the value
	 */
	public static double requireRatio(String setting, double ratio) {
		// Written so that NaN fails too.
		if (!(ratio >= 0 && ratio <= 1)) {
			throw new InvalidSettingException(setting, ratio, "must be between 0 and 1");
		}
		return ratio;
	}

	/**
	 * Require a finite amount of zero or more.
	 * @param setting the name of the setting
	 * @param amount the value
	 * @return the value
	 */
	public static double requireNonNegative(String setting, double amount) {
		if (!(amount >= 0 && amount <= Double.MAX_VALUE)) {
			throw new InvalidSettingException(setting, amount, "must be zero or positive");
		}
		return amount;
	}

	/**
	 * Require a finite amount of at least the minimum.
	 * @param setting the name of the setting
	 * @param amount the value
	 * @param minimum the smallest value allowed
	 * @return the value
	 */
	public static double requireAtLeast(String setting, double amount, double minimum) {
		if (!(amount >= minimum && amount <= Double.MAX_VALUE)) {
			throw new InvalidSettingException(setting, amount, "must be at least " + number(minimum));
		}
		return amount;
	}

	/**
	 * Require a count of at least the minimum.
	 * @param setting the name of the setting
	 * @param count the value
	 * @param minimum the smallest value allowed
	 * @return the value
	 */
	public static long requireAtLeast(String setting, long count, long minimum) {
		if (count < minimum) {
			throw new InvalidSettingException(setting, count, "must be at least " + minimum);
		}
		return count;
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
