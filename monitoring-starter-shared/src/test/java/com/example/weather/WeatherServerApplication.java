package com.example.weather;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An MCP server written as Spring AI's reference documentation shows, knowing nothing of the monitoring starter.
 */
@SpringBootApplication
public class WeatherServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeatherServerApplication.class, args);
	}

	@Bean
	ToolCallbackProvider stationToolCallbacks(StationTools stationTools) {
		return MethodToolCallbackProvider.builder().toolObjects(stationTools).build();
	}

}
