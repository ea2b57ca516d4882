package io.github.mcpmonitoring.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * The status page, put together once from the template, script and style next to this class: the script and style
 * are inlined, so the page needs nothing but its own data, and its Content Security Policy allows exactly them by
 * their hashes.
 */
final class StatusPageTemplate {

	private StatusPageTemplate() {
	}

	static String render(Duration refreshInterval) {
		String script = resource("mcp-status.js");
		String style = resource("mcp-status.css");
		return resource("mcp-status.html").replace("{{refreshMillis}}", Long.toString(refreshInterval.toMillis()))
			.replace("{{scriptHash}}", sha256(script))
			.replace("{{styleHash}}", sha256(style))
			.replace("{{style}}", style)
			.replace("{{script}}", script);
	}

	private static String resource(String name) {
		try (InputStream in = StatusPageTemplate.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The status page resource " + name + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
