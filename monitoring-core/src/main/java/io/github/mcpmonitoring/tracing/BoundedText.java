package io.github.mcpmonitoring.tracing;

/**
 * Makes values that clients send safe for a log line or a span: control characters replaced, length capped.
 */
final class BoundedText {

	private BoundedText() {
	}

	/**
	 * Return a value with control characters replaced by {@code ?} and at most {@code maxLength} characters, or
	 * {@code null} for {@code null}.
	 * @param value the value, possibly hostile
	 * @param maxLength the longest value kept; a longer one is cut and ends with {@code ...}
	 * @return the bounded value
	 */
	static String of(String value, int maxLength) {
		if (value == null) {
			return null;
		}
		boolean cut = value.length() > maxLength;
		int length = cut ? maxLength : value.length();
		StringBuilder text = null;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
			if (unsafe && text == null) {
				text = new StringBuilder(length + 3).append(value, 0, i);
			}
			if (text != null) {
				text.append(unsafe ? '?' : c);
			}
		}
		if (text == null) {
			return cut ? value.substring(0, length) + "..." : value;
		}
		return cut ? text.append("...").toString() : text.toString();
	}

}
