package io.github.mcpmonitoring.sample.web;

import java.util.List;

/**
 * The browser origins allowed to call the MCP endpoint: each entry is an origin ({@code https://app.example.com}),
 * an origin with any port ({@code http://localhost:*}, which also matches no port), or {@code *} for any origin.
 * Scheme and host compare ignoring case, as browsers send them in lower case anyway.
 */
public final class AllowedOrigins {

	private static final String ANY_PORT = ":*";

	private static final int MAX_PORT_DIGITS = 5;

	private final List<String> origins;

	/**
	 * Creates the allow-list.
	 * @param origins the allowed origins, as described on this class
	 */
	public AllowedOrigins(List<String> origins) {
		this.origins = origins.stream().map(String::trim).filter((origin) -> !origin.isEmpty()).toList();
	}

	/**
	 * Whether a request with this {@code Origin} header may pass.
	 * @param origin the header's value
	 * @return {@code true} when an entry allows it
	 */
	public boolean allows(String origin) {
		for (String allowed : this.origins) {
			if (matches(allowed, origin)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(String allowed, String origin) {
		if ("*".equals(allowed) || allowed.equalsIgnoreCase(origin)) {
			return true;
		}
		if (!allowed.endsWith(ANY_PORT)) {
			return false;
		}
		String prefix = allowed.substring(0, allowed.length() - ANY_PORT.length());
		if (!origin.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return false;
		}
		String rest = origin.substring(prefix.length());
		return rest.isEmpty() || isPort(rest);
	}

	// ":" and one to five digits: "http://localhost:*" must not let "http://localhost.evil.example" through.
	private static boolean isPort(String text) {
		if (text.length() < 2 || text.length() > MAX_PORT_DIGITS + 1 || text.charAt(0) != ':') {
			return false;
		}
		for (int i = 1; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
