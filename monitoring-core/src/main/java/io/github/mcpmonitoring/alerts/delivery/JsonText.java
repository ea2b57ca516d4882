package io.github.mcpmonitoring.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the small JSON documents the alert channels post: maps (in their iteration order), collections, strings,
 * booleans, numbers and {@code null}. Written by hand so that alert delivery needs no JSON library: an application
 * on Jackson 2 or Jackson 3 posts the same bytes.
 */
final class JsonText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonText() {
	}

	/**
	 * Write a value as UTF-8 JSON.
	 * @param value a {@link Map} with string keys, a {@link Collection}, a {@link CharSequence}, a {@link Boolean},
	 * a {@link Number} or {@code null}; a non-finite number is written as {@code null}
	 * @return the document's bytes
	 * @throws IllegalArgumentException for a value of any other type
	 */
	static byte[] write(Object value) {
		StringBuilder out = new StringBuilder(256);
		append(out, value);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof CharSequence text) {
			appendString(out, text);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool.booleanValue());
		}
		else if (value instanceof Number number) {
			appendNumber(out, number);
		}
		else if (value instanceof Map<?, ?> map) {
			appendObject(out, map);
		}
		else if (value instanceof Collection<?> collection) {
			appendArray(out, collection);
		}
		else {
			throw new IllegalArgumentException("No JSON form for " + value.getClass().getName());
		}
	}

	private static void appendObject(StringBuilder out, Map<?, ?> map) {
		out.append('{');
		String separator = "";
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			out.append(separator);
			appendString(out, (String) entry.getKey());
			out.append(':');
			append(out, entry.getValue());
			separator = ",";
		}
		out.append('}');
	}

	private static void appendArray(StringBuilder out, Collection<?> collection) {
		out.append('[');
		String separator = "";
		for (Object element : collection) {
			out.append(separator);
			append(out, element);
			separator = ",";
		}
		out.append(']');
	}

	private static void appendNumber(StringBuilder out, Number number) {
		double value = number.doubleValue();
		if ((number instanceof Double || number instanceof Float) && !Double.isFinite(value)) {
			// JSON has no NaN or infinity.
			out.append("null");
			return;
		}
		out.append(number);
	}

	private static void appendString(StringBuilder out, CharSequence text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029' || isUnpairedSurrogate(text, i)) {
						// Escaped rather than dropped: an unpaired surrogate would not survive UTF-8 encoding.
						appendEscaped(out, c);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static boolean isUnpairedSurrogate(CharSequence text, int index) {
		char c = text.charAt(index);
		if (Character.isHighSurrogate(c)) {
			return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
		}
		return false;
	}

	private static void appendEscaped(StringBuilder out, char c) {
		out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
			.append(HEX[c & 0xF]);
	}

}
