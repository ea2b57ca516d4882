package io.github.mcpmonitoring.errors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes failure messages safe to show: removes configured secret values (as they are and URL-encoded) and anything
 * shaped like a Kaltura session key or another long opaque token, and truncates what remains.
 */
public class MessageRedactor {

	/** What stands in for a removed value. */
	public static final String REDACTED = "[redacted]";

	/**
	 * Long runs of Base64 or hex characters, plain or URL-encoded ({@code %2B}, {@code %2F}, {@code %3D}): session
	 * keys (KS v1 and v2), API tokens, signatures. A long URL path may be caught too: hiding too much is the safe side.
	 */
	private static final Pattern OPAQUE_TOKEN = Pattern.compile("(?:[A-Za-z0-9+/_=-]|%[0-9A-Fa-f]{2}){40,}");

	private final List<String> secrets;

	private final int maxLength;

	/**
	 * Create a redactor.
	 * @param secrets literal values to remove wherever they appear; empty values are ignored
	 * @param maxLength maximum length of a redacted message, at least 16
	 */
	public MessageRedactor(Collection<String> secrets, int maxLength) {
		if (maxLength < 16) {
			throw new IllegalArgumentException("'maxLength' must be at least 16");
		}
		// Longest first, so that a secret containing another is removed whole; URL-encoded too, as in a query.
		this.secrets = secrets.stream()
			.filter((secret) -> secret != null && !secret.isBlank())
			.flatMap((secret) -> Stream.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8)))
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		this.maxLength = maxLength;
	}

	/**
	 * Return a message with secrets and opaque tokens removed, truncated to the maximum length.
	 * @param message the message, may be {@code null}
	 * @return the redacted message, or {@code null}
	 */
	public String redact(String message) {
		if (message == null) {
			return null;
		}
		String redacted = message;
		for (String secret : this.secrets) {
			redacted = redacted.replace(secret, REDACTED);
		}
		redacted = OPAQUE_TOKEN.matcher(redacted).replaceAll(REDACTED);
		return truncate(redacted.strip());
	}

	private String truncate(String message) {
		if (message.length() <= this.maxLength) {
			return message;
		}
		return message.substring(0, this.maxLength - 1) + "\u2026";
	}

}
