package io.github.mcpmonitoring.kaltura;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads Kaltura session keys (KS) with the JDK alone.
 * <p>
 * A v1 KS is Base64 of {@code signature|partnerId;partnerId;expiry;type;random;userId;privileges;...}: all of it is
 * readable. A v2 KS is Base64 of {@code v2|partnerId|} followed by AES-128-CBC encrypted fields: the partner id is
 * readable, and with the partner's admin secret the expiry, type and user id too. Errors never quote the key.
 */
public final class KalturaSessionKeys {

	private static final int SHA1_LENGTH = 20;

	private static final int RANDOM_LENGTH = 16;

	private KalturaSessionKeys() {
	}

	/**
	 * Read what a KS tells without the admin secret.
	 * @param ks the session key
	 * @return what it tells
	 * @throws IllegalArgumentException if it is not a KS
	 */
	public static KalturaSessionKeyInfo decode(String ks) {
		return decode(ks, null);
	}

	/**
	 * Read what a KS tells, decrypting a v2 KS with the admin secret when one is given.
	 * @param ks the session key
	 * @param adminSecret the partner's admin secret, or {@code null}
	 * @return what it tells
	 * @throws IllegalArgumentException if it is not a KS, or a v2 KS does not decrypt with the secret
	 */
	public static KalturaSessionKeyInfo decode(String ks, String adminSecret) {
		byte[] decoded = base64(ks);
		if (startsWith(decoded, "v2|")) {
			return decodeV2(decoded, adminSecret);
		}
		return decodeV1(new String(decoded, StandardCharsets.UTF_8));
	}

	private static KalturaSessionKeyInfo decodeV1(String decoded) {
		int separator = decoded.indexOf('|');
		String[] fields = (separator > 0) ? decoded.substring(separator + 1).split(";", -1) : new String[0];
		if (fields.length < 6) {
			throw invalid();
		}
		try {
			int partnerId = Integer.parseInt(fields[0]);
			Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
			Integer type = Integer.valueOf(fields[3]);
			return new KalturaSessionKeyInfo(1, partnerId, expiresAt, type, emptyToNull(fields[5]));
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
	}

	private static KalturaSessionKeyInfo decodeV2(byte[] decoded, String adminSecret) {
		int partnerEnd = indexOf(decoded, (byte) '|', 3);
		if (partnerEnd < 0) {
			throw invalid();
		}
		int partnerId;
		try {
			partnerId = Integer.parseInt(new String(decoded, 3, partnerEnd - 3, StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
		if (adminSecret == null || adminSecret.isEmpty()) {
			return new KalturaSessionKeyInfo(2, partnerId, null, null, null);
		}
		byte[] encrypted = Arrays.copyOfRange(decoded, partnerEnd + 1, decoded.length);
		Map<String, String> fields = parseFields(decrypt(encrypted, adminSecret));
		Instant expiresAt = (fields.get("_e") != null) ? Instant.ofEpochSecond(Long.parseLong(fields.get("_e")))
				: null;
		Integer type = (fields.get("_t") != null) ? Integer.valueOf(fields.get("_t")) : null;
		return new KalturaSessionKeyInfo(2, partnerId, expiresAt, type, emptyToNull(fields.get("_u")));
	}

	private static String decrypt(byte[] encrypted, String adminSecret) {
		try {
			byte[] key = Arrays.copyOf(sha1(adminSecret.getBytes(StandardCharsets.UTF_8)), 16);
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
			byte[] plain = cipher.doFinal(encrypted);
			int end = plain.length;
			while (end > 0 && plain[end - 1] == 0) {
				end--;
			}
			if (end < SHA1_LENGTH + RANDOM_LENGTH) {
				throw invalid();
			}
			byte[] signed = Arrays.copyOfRange(plain, SHA1_LENGTH, end);
			if (!MessageDigest.isEqual(sha1(signed), Arrays.copyOf(plain, SHA1_LENGTH))) {
				throw new IllegalArgumentException("Not a KS of this partner: it does not decrypt with the secret");
			}
			return new String(signed, RANDOM_LENGTH, signed.length - RANDOM_LENGTH, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not a KS of this partner: it does not decrypt with the secret");
		}
	}

	private static Map<String, String> parseFields(String query) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	private static byte[] base64(String ks) {
		if (ks == null || ks.isBlank()) {
			throw invalid();
		}
		try {
			return Base64.getDecoder().decode(ks.trim().replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is required by the Java platform", ex);
		}
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
		return bytes.length >= expected.length && Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length);
	}

	private static int indexOf(byte[] bytes, byte value, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static IllegalArgumentException invalid() {
		return new IllegalArgumentException("Not a Kaltura session key (KS)");
	}

}
