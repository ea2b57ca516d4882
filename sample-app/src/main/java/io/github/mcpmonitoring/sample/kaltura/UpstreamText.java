package io.github.mcpmonitoring.sample.kaltura;

import java.util.List;

/**
 * Makes a string Kaltura sent fit to show in a tool result, an exception message or a log line: known secrets and
 * session keys replaced by {@value #REDACTED}, control and formatting characters replaced by a space, and the length
 * capped at {@link #MAX_LENGTH} characters ({@link #MAX_CODE_LENGTH} for error codes), the cut marked with
 * {@code ...}.
 * <p>
 * A single left-to-right scan that stops once the cap is reached, so the cost does not depend on the length of what
 * Kaltura sent, and no regular expression ever sees it. Hidden values are matched ignoring case, so an upper-cased
 * hex secret is caught too.
 */
public final class UpstreamText {

	/** Maximum length of an upstream message as the server passes it on. */
	public static final int MAX_LENGTH = 300;

	/** Maximum length of an upstream error code as the server passes it on; Kaltura's codes are far shorter. */
	public static final int MAX_CODE_LENGTH = 64;

	/** What a hidden value is replaced with. */
	public static final String REDACTED = "[redacted]";

	private static final String CUT = "...";

	private final List<String> hidden;

	/**
	 * Creates a cleaner that removes the given values.
	 * @param hidden values that must never be passed on, such as the admin secret and the KS of the call; empty
	 * values are ignored
	 */
	public UpstreamText(List<String> hidden) {
		this.hidden = hidden.stream().filter((value) -> value != null && !value.isEmpty()).toList();
	}

	/**
	 * Cleans a message.
	 * @param text what Kaltura sent, may be {@code null}
	 * @return the cleaned text, at most {@link #MAX_LENGTH} characters, or {@code null} for {@code null}
	 */
	public String message(String text) {
		return clean(text, MAX_LENGTH);
	}

	/**
	 * Cleans an error code.
	 * @param code what Kaltura sent, may be {@code null}
	 * @return the cleaned code, at most {@link #MAX_CODE_LENGTH} characters, or {@code null} for {@code null}
	 */
	public String code(String code) {
		return clean(code, MAX_CODE_LENGTH);
	}

	private String clean(String text, int maxLength) {
		if (text == null) {
			return null;
		}
		StringBuilder cleaned = new StringBuilder(Math.min(text.length(), maxLength) + REDACTED.length());
		int index = 0;
		while (index < text.length() && cleaned.length() <= maxLength) {
			String match = hiddenAt(text, index);
			if (match != null) {
				cleaned.append(REDACTED);
				index += match.length();
			}
			else {
				int codePoint = text.codePointAt(index);
				cleaned.appendCodePoint(isShowable(codePoint) ? codePoint : ' ');
				index += Character.charCount(codePoint);
			}
		}
		if (index >= text.length() && cleaned.length() <= maxLength) {
			return cleaned.toString();
		}
		return cut(cleaned, maxLength - CUT.length()) + CUT;
	}

	private String hiddenAt(String text, int index) {
		for (String value : this.hidden) {
			if (text.regionMatches(true, index, value, 0, value.length())) {
				return value;
			}
		}
		return null;
	}

	// Never splits a surrogate pair.
	private static String cut(StringBuilder text, int length) {
		int end = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
		return text.substring(0, end);
	}

	// Control characters would let an upstream forge log lines; format characters (bidi overrides) would disguise them.
	private static boolean isShowable(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
				&& type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED
				&& type != Character.SURROGATE;
	}

}
