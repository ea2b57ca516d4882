package io.github.mcpmonitoring.sample.config;

import io.github.mcpmonitoring.sample.web.AllowedOrigins;
import io.github.mcpmonitoring.sample.web.OriginCheckFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The {@code Origin} check in front of the MCP endpoint, on every path of the application's port (the actuator has a
 * port of its own), ahead of any other filter, a security filter chain included.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpEndpointProperties.class)
public class McpEndpointConfiguration {

	@Bean
	FilterRegistrationBean<OriginCheckFilter> originCheckFilter(McpEndpointProperties properties) {
		OriginCheckFilter filter = new OriginCheckFilter(new AllowedOrigins(properties.getAllowedOrigins()),
				"sample.mcp.allowed-origins");
		FilterRegistrationBean<OriginCheckFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
