package io.github.mcpmonitoring.kaltura;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Kaltura session keys for tests, the way Kaltura (and the sample's demo backend) builds them, with the JDK.
 */
public final class TestSessionKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestSessionKeys() {
	}

	/**
	 * Build a KS v1: Base64 of a hex SHA-1 signature, a {@code |}, and
	 * {@code partnerId;partnerId;expiry;type;rand;userId;privileges;;}.
	 * @param adminSecret the secret that signs it
	 * @param partnerId the partner id
	 * @param expiry the expiry, epoch seconds
	 * @param type the session type
	 * @param userId the user id, may be empty
	 * @return the KS
	 */
	public static String v1(String adminSecret, int partnerId, long expiry, int type, String userId) {
		return v1(adminSecret, partnerId, expiry, type, userId, RANDOM.nextInt(Integer.MAX_VALUE));
	}

	/**
	 * Build a KS v1 with a given random part, so that the same arguments give the same KS.
	 * @param adminSecret the secret that signs it
	 * @param partnerId the partner id
	 * @param expiry the expiry, epoch seconds
	 * @param type the session type
	 * @param userId the user id, may be empty
	 * @param random the random part
	 * @return the KS
	 */
	public static String v1(String adminSecret, int partnerId, long expiry, int type, String userId, int random) {
		String fields = String.join(";", String.valueOf(partnerId), String.valueOf(partnerId), String.valueOf(expiry),
				String.valueOf(type), String.valueOf(random), userId, "disableentitlement", "", "");
		String signature = HexFormat.of().formatHex(sha1((adminSecret + fields).getBytes(StandardCharsets.UTF_8)));
		return Base64.getEncoder().encodeToString((signature + "|" + fields).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Build a KS v2: URL-safe Base64 of {@code v2|<partnerId>|} and AES-128-CBC (zero IV, key the first 16 bytes of
	 * SHA-1 of the admin secret) of SHA-1(rest) + rest, rest being 16 random bytes and the URL-encoded fields, zero
	 * padded to a multiple of 16.
	 * @param adminSecret the secret that encrypts it
	 * @param partnerId the partner id
	 * @param expiry the expiry, epoch seconds
	 * @param type the session type
	 * @param userId the user id
	 * @return the KS
	 */
	public static String v2(String adminSecret, int partnerId, long expiry, int type, String userId) {
		String query = "_e=" + expiry + "&_t=" + type + "&_u=" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		byte[] rest = concat(random, query.getBytes(StandardCharsets.UTF_8));
		byte[] plain = concat(sha1(rest), rest);
		byte[] padded = Arrays.copyOf(plain, (plain.length + 15) / 16 * 16);
		byte[] header = ("v2|" + partnerId + "|").getBytes(StandardCharsets.US_ASCII);
		return Base64.getUrlEncoder().encodeToString(concat(header, encrypt(padded, adminSecret)));
	}

	private static byte[] encrypt(byte[] padded, String adminSecret) {
		try {
			byte[] key = Arrays.copyOf(sha1(adminSecret.getBytes(StandardCharsets.UTF_8)), 16);
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
			return cipher.doFinal(padded);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
