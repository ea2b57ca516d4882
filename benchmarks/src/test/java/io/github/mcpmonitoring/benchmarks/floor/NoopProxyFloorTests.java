package io.github.mcpmonitoring.benchmarks.floor;

import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.benchmarks.GreetingTools;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the floor of the end-to-end benchmarks proxies the methods the starter would, and only those.
 */
class NoopProxyFloorTests {

	@Test
	void proxiesBeansWithAnnotatedMethodsAndPassesCallsThrough() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AutoProxy.class,
				NoopProxyFloor.class, Tools.class, Api.class, GreetingTools.class, Plain.class)) {
			assertThat(AopUtils.isCglibProxy(context.getBean(Tools.class))).isTrue();
			assertThat(AopUtils.isCglibProxy(context.getBean(GreetingTools.class))).isTrue();
			assertThat(AopUtils.isCglibProxy(context.getBean(Api.class))).isTrue();
			assertThat(AopUtils.isAopProxy(context.getBean(Plain.class))).isFalse();
			assertThat(context.getBean(Tools.class).tool("a")).isEqualTo("a");
			assertThat(context.getBean(Api.class).call("b")).isEqualTo("b");
			assertThat(context.getBean(GreetingTools.class).greet("c")).isEqualTo("Hello c");
		}
	}

	@EnableAspectJAutoProxy(proxyTargetClass = true)
	static class AutoProxy {

	}

	static class Tools {

		@MonitoredTool
		String tool(String argument) {
			return argument;
		}

	}

	static class Api {

		@MonitoredApiCall("upstream.call")
		String call(String argument) {
			return argument;
		}

	}

	static class Plain {

		String work(String argument) {
			return argument;
		}

	}

}
