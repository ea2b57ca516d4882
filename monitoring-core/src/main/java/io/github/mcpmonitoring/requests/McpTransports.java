package io.github.mcpmonitoring.requests;

/**
 * Values of {@code network.transport}, and which one a transport of the MCP SDK is.
 */
public final class McpTransports {

	/** The HTTP transports: streamable HTTP, SSE and stateless. */
	public static final String TCP = "tcp";

	/** The stdio transport. */
	public static final String PIPE = "pipe";

	private McpTransports() {
	}

	/**
	 * Return the transport of an MCP SDK transport or provider: {@code pipe} for stdio, {@code tcp} for the rest.
	 * @param transport the transport or provider
	 * @return the value of {@code network.transport}
	 */
	public static String of(Object transport) {
		return isStdio(transport) ? PIPE : TCP;
	}

	/**
	 * Tell whether a transport or provider is the stdio one, which closes its one session when the process ends.
	 * @param transport the transport or provider
	 * @return whether it is stdio
	 */
	public static boolean isStdio(Object transport) {
		return transport.getClass().getSimpleName().startsWith("Stdio");
	}

}
