package io.github.mcpmonitoring.sample.kaltura;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Removes what a media URL from Kaltura must not carry to a client: user info, a {@code /ks/<KS>} path segment pair
 * and {@code ks} query parameters. A URL that is longer than {@link #MAX_URL_LENGTH}, holds anything but printable
 * ASCII, or still contains a hidden value after that is dropped rather than repaired.
 * <p>
 * Without the KS, a URL of an entry under access control may be refused by Kaltura: the client then needs a session
 * of its own, which is what it should use for such an entry rather than the server's admin session.
 */
final class SessionFreeUrls {

	/** Longest URL passed on; longer ones are dropped. */
	static final int MAX_URL_LENGTH = 2048;

	private static final String SESSION_KEY = "ks";

	private SessionFreeUrls() {
	}

	/**
	 * Returns the entry with its thumbnail and download URLs made session-free.
	 * @param entry the entry as Kaltura sent it
	 * @param hidden values that must not remain in a URL, such as the KS of the call
	 * @return the entry with session-free URLs, or without a URL that could not be made so
	 */
	static MediaEntry of(MediaEntry entry, List<String> hidden) {
		return entry.withUrls(withoutSessionKey(entry.thumbnailUrl(), hidden),
				withoutSessionKey(entry.downloadUrl(), hidden));
	}

	/**
	 * Returns a URL without user info, {@code /ks/} segment pairs, {@code ks} parameters and fragment.
	 * @param url the URL, may be {@code null}
	 * @param hidden values that must not remain in the URL
	 * @return the URL, or {@code null} when it was {@code null} or could not be made session-free
	 */
	static String withoutSessionKey(String url, List<String> hidden) {
		if (url == null || url.length() > MAX_URL_LENGTH || !isPrintableAscii(url)) {
			return null;
		}
		int fragmentAt = url.indexOf('#');
		String withoutFragment = (fragmentAt >= 0) ? url.substring(0, fragmentAt) : url;
		int queryAt = withoutFragment.indexOf('?');
		String beforeQuery = (queryAt >= 0) ? withoutFragment.substring(0, queryAt) : withoutFragment;
		String query = (queryAt >= 0) ? withoutQueryKs(withoutFragment.substring(queryAt + 1)) : "";
		String cleaned = withoutPathKs(withoutUserInfo(beforeQuery)) + (query.isEmpty() ? "" : "?" + query);
		return containsAny(cleaned, hidden) ? null : cleaned;
	}

	/**
	 * Returns a URL without its user info ({@code user:password@}).
	 * @param url an absolute URL
	 * @return the URL without user info
	 */
	static String withoutUserInfo(String url) {
		int authorityStart = url.indexOf("://");
		if (authorityStart < 0) {
			return url;
		}
		authorityStart += 3;
		int authorityEnd = indexOfAny(url, authorityStart, "/?#");
		int at = url.lastIndexOf('@', authorityEnd - 1);
		return (at >= authorityStart) ? url.substring(0, authorityStart) + url.substring(at + 1) : url;
	}

	// The path of Kaltura's URLs is a list of name/value pairs: drop the pair named ks.
	private static String withoutPathKs(String url) {
		int authorityStart = url.indexOf("://");
		int pathStart = url.indexOf('/', (authorityStart >= 0) ? authorityStart + 3 : 0);
		if (pathStart < 0) {
			return url;
		}
		String[] segments = url.substring(pathStart).split("/", -1);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < segments.length; i++) {
			if (SESSION_KEY.equalsIgnoreCase(segments[i])) {
				i++;
			}
			else {
				kept.add(segments[i]);
			}
		}
		return url.substring(0, pathStart) + String.join("/", kept);
	}

	private static String withoutQueryKs(String query) {
		List<String> kept = new ArrayList<>();
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			if (!name.isEmpty() && !SESSION_KEY.equalsIgnoreCase(name)) {
				kept.add(parameter);
			}
		}
		return String.join("&", kept);
	}

	private static boolean containsAny(String url, List<String> hidden) {
		String lowerUrl = url.toLowerCase(Locale.ROOT);
		return hidden.stream()
			.filter((value) -> value != null && !value.isEmpty())
			.anyMatch((value) -> lowerUrl.contains(value.toLowerCase(Locale.ROOT)));
	}

	private static int indexOfAny(String text, int from, String characters) {
		for (int i = from; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

	private static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c >= 0x7f) {
				return false;
			}
		}
		return true;
	}

}
