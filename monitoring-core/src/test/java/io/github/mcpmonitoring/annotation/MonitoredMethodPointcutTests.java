package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;
import java.time.Duration;

import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MonitoredMethodPointcut}: classes without an annotated method are turned away once, before any of
 * their methods is looked at, and of the others only the annotated methods and their overrides match.
 */
class MonitoredMethodPointcutTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void turnsAwayClassesWithoutAnnotatedMethods() {
		assertThat(pointcut(null).getClassFilter().matches(Plain.class)).isFalse();
		assertThat(pointcut(null).getClassFilter().matches(String.class)).isFalse();
	}

	@Test
	void acceptsClassesWithAnAnnotatedMethodInTheirHierarchy() {
		MonitoredMethodPointcut pointcut = pointcut(null);
		assertThat(pointcut.getClassFilter().matches(Client.class)).isTrue();
		assertThat(pointcut.getClassFilter().matches(ClientImplementation.class)).isTrue();
		assertThat(pointcut.getClassFilter().matches(SubClient.class)).isTrue();
	}

	@Test
	void acceptsClassesWhoseAnnotatedMethodIsDeclaredOnASuperInterface() {
		MonitoredMethodPointcut pointcut = pointcut(null);
		assertThat(pointcut.getClassFilter().matches(ExtendedClientImplementation.class)).isTrue();
		assertThat(pointcut.getMethodMatcher()
			.matches(method(ExtendedClientImplementation.class, "list"), ExtendedClientImplementation.class)).isTrue();
	}

	@Test
	void matchesTheAnnotatedMethodsOfAClassAndTheirOverridesOnly() throws Exception {
		MonitoredMethodPointcut pointcut = pointcut(null);
		assertThat(pointcut.getMethodMatcher().matches(method(SubClient.class, "get"), SubClient.class)).isTrue();
		assertThat(pointcut.getMethodMatcher().matches(method(OverridingClient.class, "get"), OverridingClient.class))
			.isTrue();
		assertThat(pointcut.getMethodMatcher()
			.matches(method(OverridingClient.class, "unmonitored"), OverridingClient.class)).isFalse();
		assertThat(pointcut.getMethodMatcher()
			.matches(Object.class.getMethod("toString"), OverridingClient.class)).isFalse();
	}

	@Test
	void acceptsFrameworkToolClassesOnlyWhileTheMcpLayerRecordsToolCalls() {
		assertThat(pointcut(null).getClassFilter().matches(Tools.class)).isFalse();
		assertThat(pointcut(toolCalls()).getClassFilter().matches(Tools.class)).isTrue();
	}

	@Test
	void turnsAwayFrameworkToolClassesWhenTheirExceptionTypesAreNotWanted() {
		assertThat(pointcut(toolCalls(), false).getClassFilter().matches(Tools.class)).isFalse();
		assertThat(pointcut(toolCalls(), false).getClassFilter().matches(Client.class)).isTrue();
	}

	@Test
	void leavesFinalClassesAlone() {
		assertThat(pointcut(null).getClassFilter().matches(FinalClient.class)).isFalse();
	}

	private ToolCalls toolCalls() {
		return new ToolCalls(() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
				new InFlightCalls(), new DefaultFailureClassifier()));
	}

	private static Method method(Class<?> type, String name) {
		Method method = ReflectionUtils.findMethod(type, name);
		assertThat(method).as(name).isNotNull();
		return method;
	}

	private MonitoredMethodPointcut pointcut(ToolCalls toolCalls) {
		return pointcut(toolCalls, true);
	}

	private MonitoredMethodPointcut pointcut(ToolCalls toolCalls, boolean frameworkToolExceptionTypes) {
		MonitoredMethodInterceptor interceptor = new MonitoredMethodInterceptor(
				() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
						new InFlightCalls(), new DefaultFailureClassifier()),
				() -> new ApiCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
						new DefaultFailureClassifier()), toolCalls,
				Duration.ofSeconds(10), Duration.ofSeconds(5), frameworkToolExceptionTypes);
		return new MonitoredMethodPointcut(interceptor);
	}

	static class Plain {

		public String get() {
			return "plain";
		}

	}

	static class Client {

		@MonitoredApiCall("upstream.get")
		public String get() {
			return "client";
		}

	}

	static class SubClient extends Client {

	}

	interface Api {

		@MonitoredApiCall("upstream.list")
		String list();

	}

	static class ClientImplementation implements Api {

		@Override
		public String list() {
			return "list";
		}

	}

	interface ExtendedApi extends Api {

	}

	static class ExtendedClientImplementation implements ExtendedApi {

		@Override
		public String list() {
			return "list";
		}

	}

	static class OverridingClient extends Client {

		@Override
		public String get() {
			return "overridden";
		}

		public String unmonitored() {
			return "unmonitored";
		}

	}

	static class Tools {

		@Tool(name = "search", description = "Search")
		public String search() {
			return "found";
		}

	}

	static final class FinalClient {

		@MonitoredApiCall("upstream.get")
		public String get() {
			return "final";
		}

	}

}
