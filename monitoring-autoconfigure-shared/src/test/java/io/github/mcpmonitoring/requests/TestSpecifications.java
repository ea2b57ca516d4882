package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What the test servers offer, one of each kind: a tool that answers, one that throws, a static resource, a resource
 * template, a prompt and a completion of its argument; as sync and async specifications of a stateful server (which
 * also offers logging) and of a stateless one (the MCP SDK's stateless server has no logging).
 */
final class TestSpecifications {

	static final String STATIC_URI = "test://static";

	static final String TEMPLATE = "test://items/{id}";

	private TestSpecifications() {
	}

	static McpSchema.Tool tool(String name) {
		return McpSchema.Tool.builder()
			.name(name)
			.description(name)
			.inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), null, null, null))
			.build();
	}

	static CallToolResult echo(CallToolRequest request) {
		return CallToolResult.builder().addTextContent("echo " + request.arguments()).build();
	}

	static CallToolResult fail(CallToolRequest request) {
		throw new IllegalStateException("always fails");
	}

	static McpSchema.ReadResourceResult read(McpSchema.ReadResourceRequest request) {
		return new McpSchema.ReadResourceResult(
				List.of(new McpSchema.TextResourceContents(request.uri(), "text/plain", "contents")));
	}

	static McpSchema.GetPromptResult prompt(McpSchema.GetPromptRequest request) {
		return new McpSchema.GetPromptResult("greeting",
				List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent("hello"))));
	}

	static McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
		return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of("a"), 1, false));
	}

	static McpSchema.Resource resource() {
		return McpSchema.Resource.builder().uri(STATIC_URI).name("static").build();
	}

	static McpSchema.ResourceTemplate template() {
		return McpSchema.ResourceTemplate.builder().uriTemplate(TEMPLATE).name("items").build();
	}

	static McpSchema.Prompt greet() {
		return new McpSchema.Prompt("greet", "Greets", List.of());
	}

	@Configuration(proxyBeanMethods = false)
	@Import(Logging.class)
	static class Sync {

		@Bean
		List<McpServerFeatures.SyncToolSpecification> testTools() {
			return List.of(
					McpServerFeatures.SyncToolSpecification.builder()
						.tool(tool("echo"))
						.callHandler((exchange, request) -> echo(request))
						.build(),
					McpServerFeatures.SyncToolSpecification.builder()
						.tool(tool("fail"))
						.callHandler((exchange, request) -> fail(request))
						.build());
		}

		@Bean
		List<McpServerFeatures.SyncResourceSpecification> testResources() {
			return List.of(new McpServerFeatures.SyncResourceSpecification(resource(),
					(exchange, request) -> read(request)));
		}

		@Bean
		List<McpServerFeatures.SyncResourceTemplateSpecification> testResourceTemplates() {
			return List.of(new McpServerFeatures.SyncResourceTemplateSpecification(template(),
					(exchange, request) -> read(request)));
		}

		@Bean
		List<McpServerFeatures.SyncPromptSpecification> testPrompts() {
			return List.of(new McpServerFeatures.SyncPromptSpecification(greet(),
					(exchange, request) -> prompt(request)));
		}

		@Bean
		List<McpServerFeatures.SyncCompletionSpecification> testCompletions() {
			return List.of(new McpServerFeatures.SyncCompletionSpecification(new McpSchema.PromptReference("greet"),
					(exchange, request) -> complete(request)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Stateless {

		@Bean
		List<McpStatelessServerFeatures.SyncToolSpecification> testTools() {
			return List.of(
					McpStatelessServerFeatures.SyncToolSpecification.builder()
						.tool(tool("echo"))
						.callHandler((context, request) -> echo(request))
						.build(),
					McpStatelessServerFeatures.SyncToolSpecification.builder()
						.tool(tool("fail"))
						.callHandler((context, request) -> fail(request))
						.build());
		}

		@Bean
		List<McpStatelessServerFeatures.SyncResourceSpecification> testResources() {
			return List.of(new McpStatelessServerFeatures.SyncResourceSpecification(resource(),
					(context, request) -> read(request)));
		}

		@Bean
		List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> testResourceTemplates() {
			return List.of(new McpStatelessServerFeatures.SyncResourceTemplateSpecification(template(),
					(context, request) -> read(request)));
		}

		@Bean
		List<McpStatelessServerFeatures.SyncPromptSpecification> testPrompts() {
			return List.of(new McpStatelessServerFeatures.SyncPromptSpecification(greet(),
					(context, request) -> prompt(request)));
		}

		@Bean
		List<McpStatelessServerFeatures.SyncCompletionSpecification> testCompletions() {
			return List.of(new McpStatelessServerFeatures.SyncCompletionSpecification(
					new McpSchema.PromptReference("greet"), (context, request) -> complete(request)));
		}

	}

	/** The logging capability, which Spring AI does not declare: the server then answers logging/setLevel. */
	@Configuration(proxyBeanMethods = false)
	static class Logging {

		@Bean
		McpSchema.ServerCapabilities.Builder capabilitiesBuilder() {
			return McpSchema.ServerCapabilities.builder().logging();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncTools {

		@Bean
		List<McpServerFeatures.AsyncToolSpecification> testTools() {
			return List.of(
					McpServerFeatures.AsyncToolSpecification.builder()
						.tool(tool("echo"))
						.callHandler((exchange, request) -> Mono.fromCallable(() -> echo(request)))
						.build(),
					McpServerFeatures.AsyncToolSpecification.builder()
						.tool(tool("fail"))
						.callHandler((exchange, request) -> Mono.fromCallable(() -> fail(request)))
						.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ AsyncTools.class, Logging.class })
	static class Async {

		@Bean
		List<McpServerFeatures.AsyncResourceSpecification> testResources() {
			return List.of(new McpServerFeatures.AsyncResourceSpecification(resource(),
					(exchange, request) -> Mono.fromCallable(() -> read(request))));
		}

		@Bean
		List<McpServerFeatures.AsyncResourceTemplateSpecification> testResourceTemplates() {
			return List.of(new McpServerFeatures.AsyncResourceTemplateSpecification(template(),
					(exchange, request) -> Mono.fromCallable(() -> read(request))));
		}

		@Bean
		List<McpServerFeatures.AsyncPromptSpecification> testPrompts() {
			return List.of(new McpServerFeatures.AsyncPromptSpecification(greet(),
					(exchange, request) -> Mono.fromCallable(() -> prompt(request))));
		}

		@Bean
		List<McpServerFeatures.AsyncCompletionSpecification> testCompletions() {
			return List.of(new McpServerFeatures.AsyncCompletionSpecification(new McpSchema.PromptReference("greet"),
					(exchange, request) -> Mono.fromCallable(() -> complete(request))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StatelessAsync {

		@Bean
		List<McpStatelessServerFeatures.AsyncToolSpecification> testTools() {
			return List.of(
					McpStatelessServerFeatures.AsyncToolSpecification.builder()
						.tool(tool("echo"))
						.callHandler((context, request) -> Mono.fromCallable(() -> echo(request)))
						.build(),
					McpStatelessServerFeatures.AsyncToolSpecification.builder()
						.tool(tool("fail"))
						.callHandler((context, request) -> Mono.fromCallable(() -> fail(request)))
						.build());
		}

		@Bean
		List<McpStatelessServerFeatures.AsyncResourceSpecification> testResources() {
			return List.of(new McpStatelessServerFeatures.AsyncResourceSpecification(resource(),
					(context, request) -> Mono.fromCallable(() -> read(request))));
		}

		@Bean
		List<McpStatelessServerFeatures.AsyncResourceTemplateSpecification> testResourceTemplates() {
			return List.of(new McpStatelessServerFeatures.AsyncResourceTemplateSpecification(template(),
					(context, request) -> Mono.fromCallable(() -> read(request))));
		}

		@Bean
		List<McpStatelessServerFeatures.AsyncPromptSpecification> testPrompts() {
			return List.of(new McpStatelessServerFeatures.AsyncPromptSpecification(greet(),
					(context, request) -> Mono.fromCallable(() -> prompt(request))));
		}

		@Bean
		List<McpStatelessServerFeatures.AsyncCompletionSpecification> testCompletions() {
			return List.of(new McpStatelessServerFeatures.AsyncCompletionSpecification(
					new McpSchema.PromptReference("greet"),
					(context, request) -> Mono.fromCallable(() -> complete(request))));
		}

	}

}
