package io.github.mcpmonitoring.sample.demo;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The parameters of one demo API call, merged from the query string and a JSON or form body as Kaltura accepts
 * them: {@code filter[freeText]=x} and {@code filter:freeText=x} in a form become {@code filter.freeText}.
 */
final class DemoRequest {

	private final ObjectNode params;

	private DemoRequest(ObjectNode params) {
		this.params = params;
	}

	static DemoRequest read(HttpExchange exchange, ObjectMapper mapper) throws IOException {
		ObjectNode params = mapper.createObjectNode();
		addForm(params, exchange.getRequestURI().getRawQuery());
		byte[] body = exchange.getRequestBody().readAllBytes();
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		if (body.length > 0 && contentType != null && contentType.contains("json")) {
			JsonNode json = mapper.readTree(body);
			if (json instanceof ObjectNode object) {
				params.setAll(object);
			}
		}
		else if (body.length > 0) {
			addForm(params, new String(body, StandardCharsets.UTF_8));
		}
		return new DemoRequest(params);
	}

	/**
	 * Returns a parameter as text, following nested objects, or {@code null} when it is absent or empty.
	 */
	String text(String... path) {
		JsonNode node = this.params;
		for (String name : path) {
			node = node.path(name);
		}
		return (node.isValueNode() && !node.asText().isEmpty()) ? node.asText() : null;
	}

	String requireText(String name) throws DemoApiError {
		String value = text(name);
		if (value == null) {
			throw DemoApiError.missingParameter(name);
		}
		return value;
	}

	int integer(int defaultValue, String... path) throws DemoApiError {
		String value = text(path);
		try {
			return (value != null) ? Integer.parseInt(value) : defaultValue;
		}
		catch (NumberFormatException ex) {
			throw new DemoApiError("INVALID_PARAMETER_TYPE", "Parameter \"" + String.join(":", path)
					+ "\" must be an integer");
		}
	}

	private static void addForm(ObjectNode params, String form) {
		if (form == null || form.isEmpty()) {
			return;
		}
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			String key = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			put(params, key.replace("]", "").split("[\\[:]"), value);
		}
	}

	private static void put(ObjectNode params, String[] path, String value) {
		ObjectNode parent = params;
		for (int i = 0; i < path.length - 1; i++) {
			parent = (parent.get(path[i]) instanceof ObjectNode child) ? child : parent.putObject(path[i]);
		}
		parent.put(path[path.length - 1], value);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
