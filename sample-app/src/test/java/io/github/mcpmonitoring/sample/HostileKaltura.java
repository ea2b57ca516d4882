package io.github.mcpmonitoring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kaltura on a free loopback port that speaks the real wire format and sends back everything a server must not
 * pass on: its first {@code session.start} fails with an error that echoes the secret (upper-cased) and forges a log
 * line, {@code session.get} reports a user id with a line break, media URLs carry the KS as a {@code /ks/} segment
 * and a {@code ks} parameter, and {@code media.get} of {@link #HOSTILE_ENTRY} fails with a 100,000-character code
 * and message full of control characters, the KS and the secret.
 */
public final class HostileKaltura implements AutoCloseable {

	/** The KS every successful {@code session.start} returns. */
	public static final String KS = "djJ8MTIzNDV8SG9zdGlsZUthbHR1cmFTZXNzaW9uS2V5VmFsdWU=";

	/** An entry that exists, with session-carrying URLs. */
	public static final String ENTRY = "0_links0001";

	/** An entry whose {@code media.get} fails with the hostile error. */
	public static final String HOSTILE_ENTRY = "0_hostile01";

	/** Starts every forged log line, right after a line break. */
	public static final String FORGED = "FORGED";

	/** Fills the long error code. */
	public static final char CODE_FILLER = 'Z';

	/** Fills the long error message. */
	public static final char MESSAGE_FILLER = 'M';

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final int PARTNER_ID = 12345;

	private final HttpServer server;

	private final String secret;

	private final AtomicInteger sessionStarts = new AtomicInteger();

	private HostileKaltura(HttpServer server, String secret) {
		this.server = server;
		this.secret = secret;
	}

	/**
	 * Starts the server on {@code 127.0.0.1} and a free port.
	 * @param secret the admin secret it echoes in its errors
	 * @return the running server
	 */
	public static HostileKaltura start(String secret) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
			HostileKaltura kaltura = new HostileKaltura(server, secret);
			server.createContext("/api_v3/service/", kaltura::handle);
			server.start();
			return kaltura;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the URL to point a client at, with the given user info in it.
	 * @param userInfo such as {@code admin:password}
	 * @return the URL
	 */
	public URI url(String userInfo) {
		return URI.create("http://" + userInfo + "@127.0.0.1:" + this.server.getAddress().getPort());
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String[] path = exchange.getRequestURI().getPath().split("/");
			JsonNode request = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
			byte[] body = MAPPER.writeValueAsBytes(answer(path[3] + "." + path[5], request));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private JsonNode answer(String api, JsonNode request) {
		return switch (api) {
			case "session.start" -> (this.sessionStarts.getAndIncrement() == 0) ? rejectedStart()
					: MAPPER.getNodeFactory().textNode(KS);
			case "session.get" -> sessionInfo();
			case "system.ping" -> MAPPER.getNodeFactory().booleanNode(true);
			case "media.list" -> mediaList();
			case "media.get" -> HOSTILE_ENTRY.equals(request.path("entryId").asText()) ? hostileError()
					: entry(request.path("entryId").asText());
			case "category.list" -> list(MAPPER.createArrayNode(), "KalturaCategoryListResponse");
			default -> error("SERVICE_FORBIDDEN", "no such action " + api);
		};
	}

	private JsonNode rejectedStart() {
		return error("START_SESSION_ERROR\r\n" + FORGED + " ERROR a code that ends the line",
				"Error while starting session for partner [" + PARTNER_ID + "] with secret "
						+ this.secret.toUpperCase() + "\r\n" + FORGED + " INFO a message that ends the line");
	}

	private JsonNode hostileError() {
		String code = "ENTRY_ERROR\n" + FORGED + String.valueOf(CODE_FILLER).repeat(100_000);
		String message = "ks " + KS + " secret " + this.secret + "\r\n" + FORGED + " WARN \u001b[31m\u0000"
				+ String.valueOf(MESSAGE_FILLER).repeat(100_000);
		return error(code, message);
	}

	private ObjectNode sessionInfo() {
		ObjectNode info = MAPPER.createObjectNode();
		info.put("objectType", "KalturaSessionInfo");
		info.put("ks", KS);
		info.put("partnerId", PARTNER_ID);
		info.put("userId", "mcp-server\n" + FORGED + " INFO a user id that ends the line");
		info.put("expiry", Instant.now().plusSeconds(86400).getEpochSecond());
		info.put("sessionType", 2);
		info.put("privileges", "");
		return info;
	}

	private ObjectNode mediaList() {
		ArrayNode objects = MAPPER.createArrayNode();
		objects.add(entry(ENTRY));
		return list(objects, "KalturaMediaListResponse");
	}

	private static ObjectNode entry(String id) {
		ObjectNode entry = MAPPER.createObjectNode();
		entry.put("objectType", "KalturaMediaEntry");
		entry.put("id", id);
		entry.put("name", "An entry with session URLs");
		entry.put("mediaType", 1);
		entry.put("duration", 60);
		entry.put("createdAt", 1700000000L);
		entry.put("status", "2");
		entry.put("partnerId", PARTNER_ID);
		entry.put("thumbnailUrl", "http://cdn.example/p/" + PARTNER_ID + "/thumbnail/entry_id/" + id + "/ks/" + KS
				+ "/version/100002");
		entry.put("downloadUrl", "http://cdn.example/p/" + PARTNER_ID + "/playManifest/entryId/" + id
				+ "/format/download?ks=" + KS + "&flavorParamId=0");
		return entry;
	}

	private static ObjectNode list(ArrayNode objects, String objectType) {
		ObjectNode list = MAPPER.createObjectNode();
		list.put("objectType", objectType);
		list.set("objects", objects);
		list.put("totalCount", objects.size());
		return list;
	}

	private static ObjectNode error(String code, String message) {
		ObjectNode error = MAPPER.createObjectNode();
		error.put("objectType", "KalturaAPIException");
		error.put("code", code);
		error.put("message", message);
		return error;
	}

}
