package io.github.mcpmonitoring.errors;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.github.mcpmonitoring.core.SettingChecks;

/**
 * Makes failure messages safe to show: removes secret values (in any letter case, as they are or URL-encoded) and
 * anything shaped like a Kaltura session key or another long opaque token, and truncates what remains.
 * <p>
 * A message can come from an upstream or a client and be of any size: only a prefix proportional to the maximum
 * length is examined, in one pass without regular expressions, so the cost of redacting a message does not depend
 * on its length.
 */
public class MessageRedactor {

	/** What stands in for a removed value. */
	public static final String REDACTED = "[redacted]";

	/** Ends a message that was cut short. */
	private static final char CUT = '\u2026';

	/**
	 * Runs of Base64 or hex characters, plain or URL-encoded ({@code %2B}, {@code %2F}, {@code %3D}), at least this
	 * long are removed: session keys (KS v1 and v2), API tokens, signatures. A long URL path may be caught too: hiding
	 * too much is the safe side.
	 */
	private static final int TOKEN_MIN_LENGTH = 40;

	/**
	 * Input characters examined per character of the maximum length: enough for a message whose tokens are removed
	 * to still fill the kept length, while a megabyte costs no more than a short message.
	 */
	private static final int SCAN_FACTOR = 8;

	private final List<Secret> secrets;

	private final int maxLength;

	private final int scanLimit;

	/**
	 * Create a redactor.
	 * @param secrets literal values to remove wherever they appear, whatever their letter case, as they are or
	 * URL-encoded (form or RFC 3986 encoding); empty values are ignored
	 * @param maxLength maximum length of a redacted message, at least 16
	 */
	public MessageRedactor(Collection<String> secrets, int maxLength) {
		SettingChecks.requireAtLeast("maxLength", maxLength, 16);
		// Longest first, so that a secret containing another is removed whole.
		this.secrets = secrets.stream()
			.filter((secret) -> secret != null && !secret.isBlank())
			.distinct()
			.map(Secret::new)
			.sorted(Comparator.comparingInt(Secret::length).reversed())
			.toList();
		this.maxLength = maxLength;
		this.scanLimit = (int) Math.min((long) maxLength * SCAN_FACTOR, Integer.MAX_VALUE);
	}

	/**
	 * Return a message with secrets and opaque tokens removed, truncated to the maximum length. A truncated message
	 * ends with an ellipsis.
	 * @param message the message, may be {@code null}
	 * @return the redacted message, or {@code null}
	 */
	public String redact(String message) {
		if (message == null) {
			return null;
		}
		StringBuilder redacted = new StringBuilder(Math.min(message.length(), this.maxLength) + REDACTED.length());
		int end = Math.min(message.length(), this.scanLimit);
		int i = skipWhitespace(message, end);
		boolean inShortRun = false;
		while (i < end && redacted.length() <= this.maxLength) {
			int secretEnd = secretEnd(message, i);
			if (secretEnd > i) {
				redacted.append(REDACTED);
				i = secretEnd;
				inShortRun = false;
			}
			else if (tokenUnitLength(message, i) == 0) {
				redacted.append(message.charAt(i++));
				inShortRun = false;
			}
			else if (!inShortRun && isLongToken(message, i)) {
				redacted.append(REDACTED);
				i = tokenEnd(message, i, end);
			}
			else {
				// One character at a time, so that a secret starting inside a short run is still found.
				redacted.append(message.charAt(i++));
				inShortRun = true;
			}
		}
		return truncate(redacted, i < message.length());
	}

	private String truncate(StringBuilder redacted, boolean cut) {
		int length = redacted.length();
		while (length > 0 && Character.isWhitespace(redacted.charAt(length - 1))) {
			length--;
		}
		if (!cut && length <= this.maxLength) {
			return redacted.substring(0, length);
		}
		return redacted.substring(0, Math.min(length, this.maxLength - 1)) + CUT;
	}

	private int secretEnd(String message, int start) {
		for (Secret secret : this.secrets) {
			int end = secret.matchEnd(message, start);
			if (end > start) {
				return end;
			}
		}
		return -1;
	}

	private static int skipWhitespace(String message, int end) {
		int i = 0;
		while (i < end && Character.isWhitespace(message.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * Tell whether a run of token characters of at least the minimum length starts here. Looks past the scan limit
	 * when it must, so that a token cut by the limit is still removed whole.
	 */
	private static boolean isLongToken(String message, int start) {
		int i = start;
		while (i - start < TOKEN_MIN_LENGTH) {
			int unit = tokenUnitLength(message, i);
			if (unit == 0) {
				return false;
			}
			i += unit;
		}
		return true;
	}

	private static int tokenEnd(String message, int start, int end) {
		int i = start;
		int unit = tokenUnitLength(message, i);
		while (unit > 0 && i < end) {
			i += unit;
			unit = tokenUnitLength(message, i);
		}
		return i;
	}

	/** Length of the token unit at an index: 1 for a Base64 or hex character, 3 for {@code %XX}, 0 for anything else. */
	private static int tokenUnitLength(String message, int i) {
		if (i >= message.length()) {
			return 0;
		}
		char c = message.charAt(i);
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
				|| c == '_' || c == '=' || c == '-') {
			return 1;
		}
		if (c == '%' && i + 2 < message.length() && isHexDigit(message.charAt(i + 1))
				&& isHexDigit(message.charAt(i + 2))) {
			return 3;
		}
		return 0;
	}

	private static boolean isHexDigit(char c) {
		return Character.digit(c, 16) >= 0 && c < 128;
	}

	/**
	 * A secret matched character by character, each as it is, percent-encoded, or ({@code +}) as a form-encoded
	 * space, in any letter case: any mix of encodings a client library or an upstream may produce.
	 */
	private static final class Secret {

		private final String[] plain;

		private final String[] encoded;

		Secret(String value) {
			int[] codePoints = value.codePoints().toArray();
			this.plain = new String[codePoints.length];
			this.encoded = new String[codePoints.length];
			for (int k = 0; k < codePoints.length; k++) {
				this.plain[k] = new String(Character.toChars(codePoints[k]));
				this.encoded[k] = percentEncoded(this.plain[k]);
			}
		}

		int length() {
			return this.plain.length;
		}

		/** Return where this secret ends when it starts at the index, or -1. */
		int matchEnd(String message, int start) {
			int i = start;
			for (int k = 0; k < this.plain.length && i >= 0; k++) {
				i = unitEnd(message, i, k);
			}
			return i;
		}

		private int unitEnd(String message, int i, int k) {
			String plain = this.plain[k];
			if (message.regionMatches(true, i, plain, 0, plain.length())) {
				return i + plain.length();
			}
			if (Objects.equals(plain, " ") && i < message.length() && message.charAt(i) == '+') {
				return i + 1;
			}
			String encoded = this.encoded[k];
			if (message.regionMatches(true, i, encoded, 0, encoded.length())) {
				return i + encoded.length();
			}
			return -1;
		}

		private static String percentEncoded(String character) {
			StringBuilder encoded = new StringBuilder();
			for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
			return encoded.toString();
		}

	}

}
