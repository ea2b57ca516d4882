package io.github.mcpmonitoring.sample.config;

import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;
import io.github.mcpmonitoring.sample.tools.CategoryTools;
import io.github.mcpmonitoring.sample.tools.KalturaMcpTools;
import io.github.mcpmonitoring.sample.tools.MediaLinkTools;
import io.github.mcpmonitoring.sample.tools.MediaTools;
import io.github.mcpmonitoring.sample.tools.SessionTools;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP tool beans: {@code @Tool} methods need a {@link ToolCallbackProvider}, {@code @McpTool} methods are
 * found on the {@link KalturaMcpTools} bean by Spring AI's annotation scanner.
 */
@Configuration(proxyBeanMethods = false)
public class McpToolsConfiguration {

	@Bean
	MediaTools mediaTools(KalturaCatalog catalog) {
		return new MediaTools(catalog);
	}

	@Bean
	ToolCallbackProvider mediaToolCallbacks(MediaTools mediaTools) {
		return MethodToolCallbackProvider.builder().toolObjects(mediaTools).build();
	}

	@Bean
	KalturaMcpTools kalturaMcpTools(KalturaCatalog catalog, KalturaSession session, KalturaEndpoint endpoint) {
		return new KalturaMcpTools(new CategoryTools(catalog), new MediaLinkTools(catalog),
				new SessionTools(session, endpoint));
	}

}
