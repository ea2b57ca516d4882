package io.github.mcpmonitoring.sample.tools;

import java.util.regex.Pattern;

/**
 * Checks and defaults tool arguments before anything reaches Kaltura; a bad argument throws
 * {@link IllegalArgumentException}, which both tool styles return as an {@code isError} result with its message.
 */
final class ToolArguments {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	private static final Pattern ENTRY_ID = Pattern.compile("^[0-9]+_[a-zA-Z0-9]+$");

	private ToolArguments() {
	}

	static String entryId(String entryId) {
		if (entryId == null || !ENTRY_ID.matcher(entryId).matches()) {
			throw new IllegalArgumentException("Invalid entry_id '" + abbreviate(entryId)
					+ "': a Kaltura entry id looks like 0_abc123de (digits, underscore, letters or digits)");
		}
		return entryId;
	}

	/**
	 * Returns the limit clamped to 1..{@value #MAX_LIMIT}, or {@value #DEFAULT_LIMIT} when absent.
	 */
	static int limit(Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		return Math.max(1, Math.min(MAX_LIMIT, limit));
	}

	static String optionalText(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	static String requiredText(String name, String text) {
		String value = optionalText(text);
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return value;
	}

	static Integer optionalSize(String name, Integer size) {
		if (size != null && (size < 1 || size > 4096)) {
			throw new IllegalArgumentException(name + " must be between 1 and 4096");
		}
		return size;
	}

	// The id is echoed back to the caller: keep a pasted blob from flooding the error message.
	private static String abbreviate(String value) {
		if (value == null) {
			return "";
		}
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

}
