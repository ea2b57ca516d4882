package io.github.mcpmonitoring.requests;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import reactor.core.publisher.Mono;

/**
 * Calls of provider methods that only newer MCP SDK lines have, made on the decorated provider by reflection, since
 * the core is compiled against the oldest line.
 */
final class ProviderMethods {

	private static final Method NOTIFY_CLIENT = notifyClient();

	private ProviderMethods() {
	}

	/** SDK 2.0's {@code notifyClient(sessionId, method, params)} of the provider, or nothing on older lines. */
	static Mono<Void> notifyClient(McpServerTransportProviderBase provider, String sessionId, String method,
			Object params) {
		if (NOTIFY_CLIENT == null) {
			return Mono.empty();
		}
		try {
			@SuppressWarnings("unchecked")
			Mono<Void> result = (Mono<Void>) NOTIFY_CLIENT.invoke(provider, sessionId, method, params);
			return result;
		}
		catch (InvocationTargetException ex) {
			return Mono.error(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			return Mono.error(ex);
		}
	}

	private static Method notifyClient() {
		try {
			return McpServerTransportProviderBase.class.getMethod("notifyClient", String.class, String.class,
					Object.class);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
