package io.github.mcpmonitoring.sample.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks the demo backend's sessions as Kaltura KS v1 strings: Base64 of a SHA-1 signature, a
 * {@code |}, and {@code partnerId;partnerId;expiry;type;rand;userId;privileges;;}.
 */
final class DemoSessions {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final int partnerId;

	private final String adminSecret;

	private final Clock clock;

	// Issued sessions: a KS that is well signed but missing here was revoked.
	private final Map<String, Long> issued = new ConcurrentHashMap<>();

	DemoSessions(int partnerId, String adminSecret, Clock clock) {
		this.partnerId = partnerId;
		this.adminSecret = adminSecret;
		this.clock = clock;
	}

	String start(String secret, int partnerId, int type, String userId, long expirySeconds, String privileges)
			throws DemoApiError {
		if (partnerId != this.partnerId || !MessageDigest.isEqual(bytes(secret), bytes(this.adminSecret))) {
			throw new DemoApiError("START_SESSION_ERROR", "Error while starting session for partner [" + partnerId
					+ "]");
		}
		if (type != 0 && type != 2) {
			throw new DemoApiError("INVALID_ENUM_VALUE", "Invalid enumeration value [" + type + "] for type");
		}
		long now = this.clock.instant().getEpochSecond();
		long expiry = now + ((expirySeconds > 0) ? expirySeconds : 86400);
		String fields = String.join(";", String.valueOf(partnerId), String.valueOf(partnerId),
				String.valueOf(expiry), String.valueOf(type), String.valueOf(RANDOM.nextInt(Integer.MAX_VALUE)),
				userId, privileges, "", "");
		String ks = Base64.getEncoder()
			.encodeToString((sign(fields) + "|" + fields).getBytes(StandardCharsets.UTF_8));
		this.issued.values().removeIf((issuedExpiry) -> issuedExpiry <= now);
		this.issued.put(ks, expiry);
		return ks;
	}

	DemoSession check(String ks) throws DemoApiError {
		if (ks == null || ks.isEmpty()) {
			throw DemoApiError.invalidKs("", "-1,INVALID_STR");
		}
		String[] fields = decode(ks);
		long expiry = Long.parseLong(fields[2]);
		if (expiry <= this.clock.instant().getEpochSecond()) {
			throw DemoApiError.invalidKs(ks, "-5,EXPIRED");
		}
		if (!this.issued.containsKey(ks)) {
			throw DemoApiError.invalidKs(ks, "-6,LOGOUT");
		}
		return new DemoSession(Integer.parseInt(fields[0]), Integer.parseInt(fields[3]), fields[5], expiry,
				fields[6]);
	}

	void revokeAll() {
		this.issued.clear();
	}

	private String[] decode(String ks) throws DemoApiError {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(ks), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw DemoApiError.invalidKs(ks, "-1,INVALID_STR");
		}
		int separator = decoded.indexOf('|');
		String fields = (separator > 0) ? decoded.substring(separator + 1) : "";
		String[] parts = fields.split(";", -1);
		if (separator <= 0 || parts.length < 7 || !decoded.substring(0, separator).equals(sign(fields))) {
			throw DemoApiError.invalidKs(ks, "-1,INVALID_STR");
		}
		return parts;
	}

	private String sign(String fields) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(bytes(this.adminSecret + fields)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required by the Java platform", ex);
		}
	}

	private static byte[] bytes(String value) {
		return (value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	/**
	 * What a valid demo KS says.
	 */
	record DemoSession(int partnerId, int type, String userId, long expiry, String privileges) {
	}

}
