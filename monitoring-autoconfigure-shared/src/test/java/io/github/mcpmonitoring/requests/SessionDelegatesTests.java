package io.github.mcpmonitoring.requests;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session delegates override every public method of the MCP SDK's session classes, on the SDK line of the build:
 * a method the SDK adds would otherwise run on the delegate's own, unused state. Fails the build on an SDK upgrade
 * that adds one, until the delegate overrides it too.
 */
class SessionDelegatesTests {

	@Test
	void streamableSessionDelegateOverridesEveryPublicMethod() {
		assertThat(notOverridden(McpStreamableServerSession.class, MonitoredStreamableServerSession.class)).isEmpty();
	}

	@Test
	void sessionDelegateOverridesEveryPublicMethod() {
		assertThat(notOverridden(McpServerSession.class, MonitoredServerSession.class)).isEmpty();
	}

	private static List<String> notOverridden(Class<?> sdkClass, Class<?> delegate) {
		return Arrays.stream(sdkClass.getMethods())
			.filter((method) -> method.getDeclaringClass() != Object.class)
			.filter((method) -> !Modifier.isStatic(method.getModifiers()) && !Modifier.isFinal(method.getModifiers()))
			.filter((method) -> !declares(delegate, method))
			.map(Method::toGenericString)
			.toList();
	}

	private static boolean declares(Class<?> type, Method method) {
		try {
			type.getDeclaredMethod(method.getName(), method.getParameterTypes());
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
