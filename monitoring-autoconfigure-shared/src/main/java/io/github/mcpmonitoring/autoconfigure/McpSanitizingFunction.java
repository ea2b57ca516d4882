package io.github.mcpmonitoring.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the values of the starter's keys that hold secrets on {@code /actuator/env} and {@code /actuator/configprops}.
 * Boot applies sanitizing functions to the values it would show, so these stay masked with {@code show-values} set to
 * {@code always} too.
 */
public class McpSanitizingFunction implements SanitizingFunction {

	/**
	 * Keys whose values, entries and map keys' values hold secrets (an admin secret, an {@code Authorization}
	 * header). The one list to update when one of these keys is renamed.
	 */
	static final List<String> SENSITIVE_KEYS = List.of("mcp.monitoring.health.recent-errors.redacted-values",
			"mcp.monitoring.alerts.webhook.headers");

	/**
	 * The map of peers, whose entries each hold {@code headers} with secrets: {@code <this>.<name>.headers}.
	 */
	static final String PEERS_KEY = "mcp.monitoring.peers";

	private static final String PEER_HEADERS = uniform(".headers");

	private final List<String> sensitivePrefixes = SENSITIVE_KEYS.stream().map(McpSanitizingFunction::uniform).toList();

	private final String peersPrefix = uniform(PEERS_KEY);

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isSensitive(data.getKey()) ? data.withSanitizedValue() : data;
	}

	private boolean isSensitive(String key) {
		if (key == null) {
			return false;
		}
		String uniformKey = uniform(key);
		if (uniformKey.startsWith(this.peersPrefix)
				&& uniformKey.indexOf(PEER_HEADERS, this.peersPrefix.length()) >= 0) {
			// Also masks the rest of a peer whose name contains "headers": masking too much is the safe side.
			return true;
		}
		return this.sensitivePrefixes.stream().anyMatch(uniformKey::startsWith);
	}

	/**
	 * The letters and digits of a key in lower case, so that every form of it compares equal: kebab-case in
	 * properties, camelCase on {@code /actuator/configprops}, an environment variable, an indexed list entry.
	 */
	private static String uniform(String key) {
		StringBuilder uniform = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				uniform.append(c);
			}
		}
		return uniform.toString().toLowerCase(Locale.ROOT);
	}

}
