package io.github.mcpmonitoring.peers;

/**
 * Whether a peer answered its last probe.
 */
public enum PeerState {

	/** Not probed yet. */
	UNKNOWN,

	/** The last probe completed its exchange. */
	UP,

	/** The last probe failed. */
	DOWN

}
