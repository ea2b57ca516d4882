package io.github.mcpmonitoring.peers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * Screens the peer's answers before the MCP client sees them. The client logs what it is handed with the peer's own
 * text: a JSON-RPC error answer (at ERROR on MCP SDK 0.18, at INFO on 2.0) and every answered {@code initialize} with
 * the server's info, capabilities and instructions (INFO, both lines). So a JSON-RPC error, an answer to
 * {@code initialize} in a protocol version the client does not speak, or one that is no initialize result, is refused
 * and becomes the failure of the request waiting for it; an accepted {@code initialize} answer reaches the client with
 * only what it reads, in words of the probe's own.
 */
final class ProbeAnswers {

	static final String INITIALIZE = "initialize";

	/** The capabilities the client reads (the tools one decides whether {@code tools/list} may be sent). */
	private static final List<String> CAPABILITIES = List.of("completions", "logging", "prompts", "resources",
			"tools");

	private static final Map<String, Object> SERVER_INFO = Map.of("name", "mcp-peer", "version", "");

	private ProbeAnswers() {
	}

	/**
	 * Return the answer to hand to the MCP client for a request of the probe.
	 * @param response the peer's answer
	 * @param method the method of the request it answers
	 * @param protocolVersions the protocol versions the client speaks
	 * @return the answer the client may see
	 * @throws RefusedAnswerException when the client must not see it: the request fails with it instead
	 */
	static McpSchema.JSONRPCResponse accepted(McpSchema.JSONRPCResponse response, String method,
			List<String> protocolVersions) {
		if (response.error() != null) {
			throw new RefusedAnswerException(PeerFailure.jsonRpc(response.error().code()));
		}
		if (!INITIALIZE.equals(method)) {
			return response;
		}
		return new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(),
				initializeResult(response.result(), protocolVersions), null);
	}

	/**
	 * Return why an answer to no request the probe waits for fails the probe. The client would log it (an unknown id
	 * at WARN, none at ERROR) and go on waiting. A JSON-RPC server that did not understand the request answers an error
	 * without id: MCP SDK 2.0 does not read that as an answer at all, so neither line calls it a JSON-RPC error.
	 * @return the refusal
	 */
	static RefusedAnswerException answerToNoRequest() {
		return new RefusedAnswerException(
				new PeerFailure(PeerFailure.INVALID_RESPONSE, "an answer to no request of the probe"));
	}

	private static Map<String, Object> initializeResult(Object result, List<String> protocolVersions) {
		if (!(result instanceof Map<?, ?> fields) || !(fields.get("protocolVersion") instanceof String version)) {
			throw new RefusedAnswerException(new PeerFailure(PeerFailure.INVALID_RESPONSE,
					"an answer to initialize that is not an initialize result"));
		}
		if (!protocolVersions.contains(version)) {
			throw new RefusedAnswerException(
					new PeerFailure(PeerFailure.UNSUPPORTED_PROTOCOL_VERSION, "unsupported protocol version"));
		}
		Map<String, Object> capabilities = new LinkedHashMap<>();
		if (fields.get("capabilities") instanceof Map<?, ?> offered) {
			for (String name : CAPABILITIES) {
				if (offered.get(name) instanceof Map) {
					capabilities.put(name, Map.of());
				}
			}
		}
		return Map.of("protocolVersion", version, "capabilities", capabilities, "serverInfo", SERVER_INFO);
	}

}
