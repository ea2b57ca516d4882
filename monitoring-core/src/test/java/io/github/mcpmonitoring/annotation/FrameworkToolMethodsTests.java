package io.github.mcpmonitoring.annotation;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.annotation.Tool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FrameworkToolMethods}.
 */
class FrameworkToolMethodsTests {

	@Test
	void recognisesSpringAiTools() throws NoSuchMethodException {
		assertThat(FrameworkToolMethods.toolName(method("springAiTool"))).isEqualTo("list_media");
		assertThat(FrameworkToolMethods.toolName(method("springAiToolWithoutName"))).isEqualTo("springAiToolWithoutName");
	}

	@Test
	void recognisesMcpToolOfSpringAi11() throws NoSuchMethodException {
		assertThat(FrameworkToolMethods.toolName(method("mcpTool11"))).isEqualTo("get_session_info");
	}

	@Test
	void recognisesMcpToolOfSpringAi20WhoseAnnotationMovedPackage() throws NoSuchMethodException {
		assertThat(FrameworkToolMethods.toolName(method("mcpTool20"))).isEqualTo("get_media_entry");
		assertThat(FrameworkToolMethods.annotationTypes())
			.contains(org.springframework.ai.mcp.annotation.McpTool.class);
	}

	@Test
	void otherMethodsAreNotToolMethods() throws NoSuchMethodException {
		assertThat(FrameworkToolMethods.toolName(method("plain"))).isNull();
	}

	private static Method method(String name) throws NoSuchMethodException {
		return Tools.class.getDeclaredMethod(name);
	}

	static class Tools {

		@Tool(name = "list_media", description = "List media")
		void springAiTool() {
		}

		@Tool(description = "No name")
		void springAiToolWithoutName() {
		}

		@org.springaicommunity.mcp.annotation.McpTool(name = "get_session_info", description = "Session")
		void mcpTool11() {
		}

		@org.springframework.ai.mcp.annotation.McpTool(name = "get_media_entry")
		void mcpTool20() {
		}

		void plain() {
		}

	}

}
