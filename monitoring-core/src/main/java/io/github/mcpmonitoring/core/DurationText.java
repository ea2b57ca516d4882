package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written in annotations: simple values such as {@code 500ms}, {@code 2s}, {@code 1m} (units ns, us,
 * ms, s, m, h, d) or ISO-8601 such as {@code PT2S}. A number without a unit is rejected: Boot reads a bare number in
 * a {@code Duration} property as milliseconds, so {@code 2} would mean something else here than in the properties.
 */
public final class DurationText {

	private static final Pattern SIMPLE = Pattern.compile("^([+]?\\d+)\\s*(ns|us|ms|s|m|h|d)?$");

	private DurationText() {
	}

	/**
	 * Parse a duration.
	 * @param text the text to parse
	 * @param what a description of where the text comes from, used in the error message
	 * @return the duration, never negative
	 * @throws IllegalArgumentException if the text is not a valid non-negative duration
	 */
	public static Duration parse(String text, String what) {
		String trimmed = text.trim();
		Matcher matcher = SIMPLE.matcher(trimmed.toLowerCase(Locale.ROOT));
		try {
			if (matcher.matches()) {
				if (matcher.group(2) == null) {
					throw new IllegalArgumentException("Invalid duration '" + text + "' in " + what
							+ ": a number needs a unit, such as " + trimmed + "s or " + trimmed + "000ms"
							+ " (a bare number means milliseconds in the properties, so it is not accepted here)");
				}
				long amount = Long.parseLong(matcher.group(1));
				return Duration.of(amount, unit(matcher.group(2)));
			}
			Duration duration = Duration.parse(trimmed);
			if (!duration.isNegative()) {
				return duration;
			}
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			// fall through to the error below
		}
		throw new IllegalArgumentException("Invalid duration '" + text + "' in " + what
				+ ": use a value such as 500ms, 2s, 1m or an ISO-8601 duration such as PT2S");
	}

	private static ChronoUnit unit(String unit) {
		return switch (unit) {
			case "ns" -> ChronoUnit.NANOS;
			case "us" -> ChronoUnit.MICROS;
			case "ms" -> ChronoUnit.MILLIS;
			case "m" -> ChronoUnit.MINUTES;
			case "h" -> ChronoUnit.HOURS;
			case "d" -> ChronoUnit.DAYS;
			default -> ChronoUnit.SECONDS;
		};
	}

}
