package io.github.mcpmonitoring.peers;

/**
 * What a probe asks a peer after {@code initialize}.
 */
public enum PeerCheck {

	/** {@code ping}: the peer answers the protocol. */
	PING("ping"),

	/** {@code tools/list}: the peer answers and says how many tools it offers. */
	TOOLS_LIST("tools/list");

	private final String methodName;

	PeerCheck(String methodName) {
		this.methodName = methodName;
	}

	/**
	 * Return the MCP method of this check.
	 * @return the method name, as on {@code mcp.method.name}
	 */
	public String methodName() {
		return this.methodName;
	}

}
