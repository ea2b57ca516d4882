package com.example.weather;

import java.util.List;

import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.springaicommunity.mcp.annotation.McpArg;
import org.springaicommunity.mcp.annotation.McpPrompt;
import org.springaicommunity.mcp.annotation.McpResource;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpToolParam;

import org.springframework.stereotype.Component;

/**
 * Spring AI 1.1's MCP annotations: two tools, a resource and a prompt.
 */
@Component
public class ForecastTools {

	@McpTool(name = "current_weather", description = "Current weather in a city")
	public String currentWeather(@McpToolParam(description = "City name", required = true) String city) {
		return "Sunny, 21 degrees Celsius in " + city;
	}

	@McpTool(name = "severe_weather_alerts", description = "Severe weather alerts for a region")
	public String severeWeatherAlerts(@McpToolParam(description = "Region code", required = true) String region) {
		throw new IllegalStateException("Alert feed is not configured for " + region);
	}

	@McpResource(uri = "weather://stations", name = "stations", description = "Known weather stations",
			mimeType = "text/plain")
	public String stations() {
		return "LHR, CDG, JFK";
	}

	@McpPrompt(name = "plan_trip", description = "Plan a trip around the weather")
	public GetPromptResult planTrip(@McpArg(name = "city", description = "Destination", required = true) String city) {
		return new GetPromptResult("Plan a trip",
				List.of(new PromptMessage(Role.USER, new TextContent("Plan a day in " + city + " for today's weather"))));
	}

}
