package io.github.mcpmonitoring.sample.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects with 403 a request whose {@code Origin} header is not allowed, as the MCP specification asks of servers:
 * otherwise a web page the user visits could call a local server through DNS rebinding, with the server's Kaltura
 * session. Requests without {@code Origin} come from programs rather than browsers and pass.
 * <p>
 * A servlet filter rather than the MCP SDK's transport security validator: the filter guards every transport Spring
 * AI offers (streamable, SSE and stateless, sync or async) without replacing the transport beans Spring AI's
 * auto-configuration builds, and works the same on every Spring AI line.
 */
public class OriginCheckFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(OriginCheckFilter.class);

	private final AllowedOrigins allowedOrigins;

	private final byte[] rejection;

	/**
	 * Creates the filter.
	 * @param allowedOrigins the origins that may pass
	 * @param property the configuration key of the allow-list, named in the rejection
	 */
	public OriginCheckFilter(AllowedOrigins allowedOrigins, String property) {
		this.allowedOrigins = allowedOrigins;
		this.rejection = ("Forbidden: this MCP server does not accept requests from this web origin. Allow it with "
				+ property + " if it is yours.\n").getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAllowed(request.getHeaders(HttpHeaders.ORIGIN))) {
			chain.doFilter(request, response);
			return;
		}
		// The origin itself is not logged: it is whatever the caller sent.
		logger.debug("Rejected a request to {} from a web origin that is not allowed", request.getRequestURI());
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(this.rejection.length);
		response.getOutputStream().write(this.rejection);
	}

	// Every Origin header must be allowed: a request may carry more than one.
	private boolean isAllowed(Enumeration<String> origins) {
		while (origins.hasMoreElements()) {
			String origin = origins.nextElement();
			if (!origin.isBlank() && !this.allowedOrigins.allows(origin.trim())) {
				return false;
			}
		}
		return true;
	}

}
