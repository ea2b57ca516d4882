package io.github.mcpmonitoring.endpoint;

import java.time.Duration;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.summary.McpStatus;
import io.github.mcpmonitoring.summary.McpStatus.StatusDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.lang.Nullable;

/**
 * The {@code mcpstatus} actuator endpoint: a status page for people, served where the actuator is, that reads the
 * core's {@link McpStatus} (the same summary as the {@code mcp} endpoint) from {@code mcpstatus/data} and refreshes
 * itself.
 */
@WebEndpoint(id = "mcpstatus")
public class McpStatusEndpoint {

	/** The part of the page's address its data is read from. */
	public static final String DATA = "data";

	private final McpStatus status;

	private final String page;

	/**
	 * Create the endpoint.
	 * @param status what the page shows
	 * @param refreshInterval how often an open page reads the status again
	 */
	public McpStatusEndpoint(McpStatus status, Duration refreshInterval) {
		if (refreshInterval.toMillis() < 1000) {
			throw new InvalidSettingException("refreshInterval", refreshInterval, "must be at least a second");
		}
		this.status = status;
		this.page = StatusPageTemplate.render(refreshInterval);
	}

	/**
	 * The page.
	 * @return the HTML page, the same for every request
	 */
	@ReadOperation(produces = "text/html")
	public String page() {
		return this.page;
	}

	/**
	 * What the page shows, read now.
	 * @param part {@value #DATA}
	 * @return the status, or {@code null} (not found) for any other part
	 */
	@ReadOperation(produces = "application/json")
	@Nullable
	public StatusDescriptor data(@Selector String part) {
		return DATA.equals(part) ? this.status.status() : null;
	}

}
