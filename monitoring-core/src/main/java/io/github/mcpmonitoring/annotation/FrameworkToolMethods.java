package io.github.mcpmonitoring.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Recognises tool methods of the MCP frameworks the starter instruments at the MCP layer (Spring AI's {@code @Tool}
 * and {@code @McpTool}) and tells the tool name the framework gives them, without a compile-time dependency on
 * either.
 */
final class FrameworkToolMethods {

	private static final Class<? extends Annotation> SPRING_AI_TOOL = load("org.springframework.ai.tool.annotation.Tool");

	private static final Class<? extends Annotation> MCP_TOOL = load("org.springaicommunity.mcp.annotation.McpTool");

	private FrameworkToolMethods() {
	}

	/**
	 * Return the framework tool annotations present on the class path.
	 * @return the annotation types
	 */
	static List<Class<? extends Annotation>> annotationTypes() {
		return Stream.of(SPRING_AI_TOOL, MCP_TOOL).filter(Objects::nonNull).toList();
	}

	/**
	 * Return the tool name a framework gives the method.
	 * @param method the method
	 * @return the tool name, or {@code null} when the method is not a framework tool method
	 */
	static String toolName(Method method) {
		String name = toolName(method, SPRING_AI_TOOL);
		return (name != null) ? name : toolName(method, MCP_TOOL);
	}

	private static String toolName(Method method, Class<? extends Annotation> annotationType) {
		if (annotationType == null) {
			return null;
		}
		Annotation annotation = AnnotatedElementUtils.findMergedAnnotation(method, annotationType);
		if (annotation == null) {
			return null;
		}
		Object name = AnnotationUtils.getValue(annotation, "name");
		return (name instanceof String text && StringUtils.hasText(text)) ? text : method.getName();
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Annotation> load(String className) {
		ClassLoader classLoader = FrameworkToolMethods.class.getClassLoader();
		if (!ClassUtils.isPresent(className, classLoader)) {
			return null;
		}
		return (Class<? extends Annotation>) ClassUtils.resolveClassName(className, classLoader);
	}

}
