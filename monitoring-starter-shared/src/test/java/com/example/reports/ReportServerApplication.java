package com.example.reports;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A plain Spring AI MCP server whose tools answer with results of very different sizes.
 */
@SpringBootApplication
public class ReportServerApplication {

	@Bean
	ToolCallbackProvider reportToolCallbacks(ReportTools reportTools) {
		return MethodToolCallbackProvider.builder().toolObjects(reportTools).build();
	}

}
