package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mcpmonitoring.core.ConnectionTags;

/**
 * What the request layer keeps of one session of a stateful transport: when it opened, the protocol version it
 * negotiated and the client's name as the allow-list lets it through.
 */
final class McpSession {

	private final AtomicBoolean opened = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final boolean counted;

	private final List<String> knownVersions;

	private volatile ConnectionTags connection;

	private volatile String clientName = "";

	private volatile long openTime;

	McpSession(ConnectionTags connection, boolean counted, List<String> knownVersions) {
		this.connection = connection;
		this.counted = counted;
		this.knownVersions = (knownVersions != null) ? List.copyOf(knownVersions) : List.of();
	}

	/** The protocol versions the server knows: a negotiated version outside them is {@code _OTHER}. */
	List<String> knownVersions() {
		return this.knownVersions;
	}

	ConnectionTags connection() {
		return this.connection;
	}

	String clientName() {
		return this.clientName;
	}

	/** Whether the transport tells when this session ends, so that it is counted in the session meters. */
	boolean counted() {
		return this.counted;
	}

	long openTime() {
		return this.openTime;
	}

	/** Take what initialize negotiated; {@code true} the first time only. */
	boolean open(ConnectionTags connection, String clientName, long openTime) {
		if (!this.opened.compareAndSet(false, true)) {
			return false;
		}
		this.connection = connection;
		this.clientName = clientName;
		this.openTime = openTime;
		return true;
	}

	/** {@code true} the first time only, and only for a session that was opened. */
	boolean end() {
		return this.opened.get() && this.ended.compareAndSet(false, true);
	}

}
