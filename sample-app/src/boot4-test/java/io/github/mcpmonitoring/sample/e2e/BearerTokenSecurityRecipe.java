package io.github.mcpmonitoring.sample.e2e;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The recipe of the docs for a sample that serves more than its own machine: {@code /mcp} (and every other path of the
 * MCP port) only with a valid OAuth2 bearer token (a JWT, checked by Spring Security's resource server against the
 * key or issuer in {@code spring.security.oauth2.resourceserver.jwt.*}), the actuator left to its management port,
 * which only the cluster reaches. Add {@code spring-boot-starter-security-oauth2-resource-server} and this bean to the
 * application; {@code BearerTokenEndToEndTests} shows it working.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BearerTokenSecurityRecipe {

	@Bean
	SecurityFilterChain mcpSecurityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			// No cookies and no browser forms: a bearer token is not sent by the browser on its own, so there is no
			// cross-site request to forge, and MCP sessions live in Mcp-Session-Id, not in an HTTP session.
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
