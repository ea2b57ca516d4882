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

	/**
	 * Spring AI's {@code @Tool}, then {@code @McpTool} as Spring AI 1.1 ships it and as Spring AI 2.0 does: the
	 * annotation moved package between the two lines.
	 */
	private static final List<Class<? extends Annotation>> ANNOTATION_TYPES = Stream
		.of("org.springframework.ai.tool.annotation.Tool", "org.springaicommunity.mcp.annotation.McpTool",
				"org.springframework.ai.mcp.annotation.McpTool")
		.map(FrameworkToolMethods::load)
		.filter(Objects::nonNull)
		.toList();

	private FrameworkToolMethods() {
	}

	/**
	 * Return the framework tool annotations present on the class path.
	 * @return the annotation types
	 */
	static List<Class<? extends Annotation>> annotationTypes() {
		return ANNOTATION_TYPES;
	}

	/**
	 * Return the tool name a framework gives the method.
	 * @param method the method
	 * @return the tool name, or {@code null} when the method is not a framework tool method
	 */
	static String toolName(Method method) {
		for (Class<? extends Annotation> annotationType : ANNOTATION_TYPES) {
			String name = toolName(method, annotationType);
			if (name != null) {
				return name;
			}
		}
		return null;
	}

	private static String toolName(Method method, Class<? extends Annotation> annotationType) {
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
