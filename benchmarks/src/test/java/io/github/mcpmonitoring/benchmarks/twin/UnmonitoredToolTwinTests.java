package io.github.mcpmonitoring.benchmarks.twin;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.benchmarks.GreetingTools;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Checks that the twin of a tool runs the same tool code, under its own name, without the bean's proxy.
 */
class UnmonitoredToolTwinTests {

	@Test
	void twinCallsTheTargetOfTheProxiedBeanUnderItsOwnName() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(CountingProxies.class,
				GreetingTools.class)) {
			assertThat(AopUtils.isCglibProxy(context.getBean(GreetingTools.class))).isTrue();
			SyncToolSpecification twin = UnmonitoredToolTwin.twinOf(context.getBeanFactory(), "greet");

			assertThat(twin.tool().name()).isEqualTo("greet_unmonitored");
			assertThat(twin.tool().description()).isEqualTo("Greets");
			CallToolResult result = twin.callHandler()
				.apply(null, new CallToolRequest("greet_unmonitored", Map.of("name", "Ada")));
			assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
			assertThat(((TextContent) result.content().get(0)).text()).contains("Hello Ada");
			assertThat(context.getBean(CountingProxies.class).calls).hasValue(0);

			context.getBean(GreetingTools.class).greet("Bob");
			assertThat(context.getBean(CountingProxies.class).calls).hasValue(1);
		}
	}

	@Test
	void unknownToolIsAnError() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(GreetingTools.class)) {
			assertThatIllegalStateException().isThrownBy(() -> UnmonitoredToolTwin.twinOf(context.getBeanFactory(), "nope"))
				.withMessageContaining("no @McpTool named 'nope'");
		}
	}

	@EnableAspectJAutoProxy(proxyTargetClass = true)
	static class CountingProxies {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		Advisor countingAdvisor() {
			MethodInterceptor counting = (invocation) -> {
				this.calls.incrementAndGet();
				return invocation.proceed();
			};
			return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(GreetingTools.MCP_TOOL), counting);
		}

	}

}
