package io.github.mcpmonitoring.health;

import io.github.mcpmonitoring.status.ComponentStatus;

import org.springframework.boot.health.contributor.Status;

/**
 * The health status the starter's components fed by request outcomes ({@code recentErrors}, {@code alerts}) report
 * when they show trouble, instead of {@code DOWN}: what clients send must not make the server look unable to serve.
 * <p>
 * Boot's default status order does not list it, so it does not change the aggregate status, and its default HTTP
 * mapping answers 200 for it. To make it show in the aggregate, add it to
 * {@code management.endpoint.health.status.order} (for example {@code down, out-of-service, warning, up, unknown});
 * a {@code management.endpoint.health.status.http-mapping} replaces Boot's default mapping, so list {@code down}
 * and {@code out-of-service} there too.
 */
public final class McpHealthStatus {

	/** Trouble worth a look that does not stop the server from serving. */
	public static final Status WARNING = new Status(ComponentStatus.WARNING);

	private McpHealthStatus() {
	}

}
