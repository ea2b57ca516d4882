package io.github.mcpmonitoring.sample.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Kaltura API error the demo backend answers with, as Kaltura does: HTTP 200 and a {@code KalturaAPIException}
 * body.
 */
final class DemoApiError extends Exception {

	private final String code;

	DemoApiError(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	static DemoApiError invalidKs(String ks, String reason) {
		return new DemoApiError("INVALID_KS", "Invalid KS \"" + ks + "\" Error \"" + reason + "\"");
	}

	static DemoApiError missingParameter(String name) {
		return new DemoApiError("MISSING_MANDATORY_PARAMETER", "Missing parameter \"" + name + "\"");
	}

	ObjectNode toJson() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("code", this.code);
		node.put("message", getMessage());
		node.put("objectType", "KalturaAPIException");
		node.putObject("args");
		return node;
	}

}
