package io.github.mcpmonitoring.annotation;

import java.time.Duration;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolRefinements;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.annotation.Tool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the class filter of {@link MonitoredMethodPointcut}: classes without an annotated method are turned
 * away once, before any of their methods is looked at.
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
	void acceptsFrameworkToolClassesOnlyWhileTheMcpLayerRecordsToolCalls() {
		assertThat(pointcut(null).getClassFilter().matches(Tools.class)).isFalse();
		assertThat(pointcut(new ToolRefinements()).getClassFilter().matches(Tools.class)).isTrue();
	}

	@Test
	void turnsAwayFrameworkToolClassesWhenTheirExceptionTypesAreNotWanted() {
		assertThat(pointcut(new ToolRefinements(), false).getClassFilter().matches(Tools.class)).isFalse();
		assertThat(pointcut(new ToolRefinements(), false).getClassFilter().matches(Client.class)).isTrue();
	}

	@Test
	void leavesFinalClassesAlone() {
		assertThat(pointcut(null).getClassFilter().matches(FinalClient.class)).isFalse();
	}

	private MonitoredMethodPointcut pointcut(ToolRefinements refinements) {
		return pointcut(refinements, true);
	}

	private MonitoredMethodPointcut pointcut(ToolRefinements refinements, boolean frameworkToolExceptionTypes) {
		MonitoredMethodInterceptor interceptor = new MonitoredMethodInterceptor(
				() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1)),
				() -> new ApiCallMetrics(this.registry, Duration.ofMinutes(1)), refinements, Duration.ofSeconds(10),
				Duration.ofSeconds(5), frameworkToolExceptionTypes);
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
