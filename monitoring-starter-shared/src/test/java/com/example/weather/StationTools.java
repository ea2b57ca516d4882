package com.example.weather;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * Spring AI {@code @Tool} methods, exposed through a {@code MethodToolCallbackProvider}.
 */
@Component
public class StationTools {

	@Tool(name = "convert_temperature", description = "Convert a temperature from Celsius to Fahrenheit")
	public Map<String, Double> convertTemperature(@ToolParam(description = "Degrees Celsius") double celsius) {
		return Map.of("fahrenheit", celsius * 9 / 5 + 32);
	}

	@Tool(name = "station_history", description = "Past observations of a weather station")
	public String stationHistory(@ToolParam(description = "Station identifier") String station) {
		throw new UncheckedIOException("Station archive did not answer",
				new IOException("Connection refused: archive.example.com"));
	}

}
