package io.github.mcpmonitoring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the Kaltura MCP server.
 */
@SpringBootApplication
public class KalturaMcpServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(KalturaMcpServerApplication.class, args);
	}

}
