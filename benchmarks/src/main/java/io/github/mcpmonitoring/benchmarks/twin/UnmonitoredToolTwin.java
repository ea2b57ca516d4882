package io.github.mcpmonitoring.benchmarks.twin;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.ai.mcp.annotation.spring.SyncMcpAnnotationProviders;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Adds to the sample's MCP server an unmonitored twin of one of its {@code @McpTool} tools, for the same-JVM
 * end-to-end benchmark: the tool {@code benchmark.twin.tool} (default {@code get_session_info}) once more, under the
 * name {@code <tool>_unmonitored}, built by Spring AI exactly as the original ({@code SyncMcpAnnotationProviders})
 * but from the bean's target object rather than its AOP proxy, and added with {@link McpSyncServer#addTool} after
 * the starter has instrumented the server's tool specifications. A call to the twin therefore runs the same tool
 * code through the same server, but through none of the starter's code: no wrapper, no proxy, no meter. The same
 * source serves both Spring AI lines: {@code @McpTool} is looked up under either line's package.
 * <p>
 * Not part of the starter. The e2e scripts add it to the sample jar with {@code -Dloader.path} (the jar this package
 * is packaged in: {@code benchmarks-boot4/target/mcp-monitoring-benchmarks-boot4-twin.jar} for the sample on
 * Spring AI 2.0, {@code benchmarks/target/mcp-monitoring-benchmarks-twin.jar} for the sample on Spring AI 1.1) and
 * {@code --spring.main.sources=io.github.mcpmonitoring.benchmarks.twin.UnmonitoredToolTwin}. With the starter active,
 * the original against its twin is the starter's cost per call with one JIT serving both; with the starter off, the
 * same comparison is an A/A run that shows what the method resolves.
 */
@Configuration(proxyBeanMethods = false)
public class UnmonitoredToolTwin {

	/** The suffix of the twin's name. */
	public static final String SUFFIX = "_unmonitored";

	// Spring AI 2.0 moved @McpTool into its own package; 1.1 has it from the community annotations.
	private static final List<String> MCP_TOOL_ANNOTATIONS = List.of("org.springframework.ai.mcp.annotation.McpTool",
			"org.springaicommunity.mcp.annotation.McpTool");

	@Bean
	ApplicationRunner unmonitoredToolTwinRegistrar(ConfigurableListableBeanFactory beanFactory, McpSyncServer server,
			Environment environment) {
		String name = environment.getProperty("benchmark.twin.tool", "get_session_info");
		return (arguments) -> server.addTool(twinOf(beanFactory, name));
	}

	/**
	 * Build the unmonitored twin of a tool.
	 * @param beanFactory the application's bean factory
	 * @param name the name of the {@code @McpTool} to copy
	 * @return the twin's specification, named {@code name + SUFFIX}
	 */
	static SyncToolSpecification twinOf(ConfigurableListableBeanFactory beanFactory, String name) {
		return twin(original(beanFactory, name), name + SUFFIX);
	}

	private static SyncToolSpecification original(ConfigurableListableBeanFactory beanFactory, String name) {
		return SyncMcpAnnotationProviders.toolSpecifications(toolBeanTargets(beanFactory))
			.stream()
			.filter((specification) -> specification.tool().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no @McpTool named '" + name + "' in the application"));
	}

	/** The target objects of the singleton beans with {@code @McpTool} methods, unwrapped from their AOP proxies. */
	private static List<Object> toolBeanTargets(ConfigurableListableBeanFactory beanFactory) {
		Class<? extends Annotation> mcpTool = mcpToolAnnotation(beanFactory.getBeanClassLoader());
		List<Object> targets = new ArrayList<>();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(beanName, false);
			if (type != null && beanFactory.isSingleton(beanName) && hasToolMethod(type, mcpTool)) {
				Object bean = beanFactory.getBean(beanName);
				Object target = AopUtils.isAopProxy(bean) ? AopProxyUtils.getSingletonTarget(bean) : bean;
				if (target == null) {
					throw new IllegalStateException("cannot unwrap the proxy of bean '" + beanName + "'");
				}
				targets.add(target);
			}
		}
		return targets;
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Annotation> mcpToolAnnotation(ClassLoader classLoader) {
		return MCP_TOOL_ANNOTATIONS.stream()
			.filter((name) -> ClassUtils.isPresent(name, classLoader))
			.findFirst()
			.map((name) -> (Class<? extends Annotation>) ClassUtils.resolveClassName(name, classLoader))
			.orElseThrow(() -> new IllegalStateException("no @McpTool annotation on the class path"));
	}

	private static boolean hasToolMethod(Class<?> type, Class<? extends Annotation> mcpTool) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type))) {
			if (AnnotatedElementUtils.hasAnnotation(method, mcpTool)) {
				return true;
			}
		}
		return false;
	}

	private static SyncToolSpecification twin(SyncToolSpecification original, String name) {
		McpSchema.Tool tool = original.tool();
		McpSchema.Tool renamed = McpSchema.Tool.builder()
			.name(name)
			.title(tool.title())
			.description(tool.description())
			.inputSchema(tool.inputSchema())
			.outputSchema(tool.outputSchema())
			.annotations(tool.annotations())
			.meta(tool.meta())
			.build();
		return SyncToolSpecification.builder().tool(renamed).callHandler(original.callHandler()).build();
	}

}
