package io.github.mcpmonitoring.peers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Reads an event stream as the MCP SDK's transports read it, to find what they fail on before they see it: a line that
 * is not empty and starts with none of {@code data:}, {@code id:}, {@code event:} or {@code :}, or a {@code message}
 * event whose data is not a JSON-RPC message. The SSE transport logs either failure at WARN with a stack trace and the
 * peer's text. An event larger than {@link #MAX_EVENT_BYTES} is refused too, before it is read to its end.
 */
final class EventStreamScreen {

	/** The largest event read. */
	static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

	private static final String MESSAGE_EVENT = "message";

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final StringBuilder data = new StringBuilder();

	private String eventType;

	private int eventBytes;

	private boolean afterCarriageReturn;

	/**
	 * Read the next bytes of the stream, without consuming them.
	 * @param buffers the bytes
	 * @return why the stream is refused, or {@code null} while it is read as the transports read it
	 */
	String accept(List<ByteBuffer> buffers) {
		for (ByteBuffer buffer : buffers) {
			for (int i = buffer.position(); i < buffer.limit(); i++) {
				String refused = accept(buffer.get(i));
				if (refused != null) {
					return refused;
				}
			}
		}
		return null;
	}

	/**
	 * Read the end of the stream: a last line without its line break, and a last event without its empty line, count
	 * too.
	 * @return why the stream is refused, or {@code null}
	 */
	String acceptEnd() {
		String refused = (this.line.size() > 0) ? endOfLine() : null;
		return (refused != null) ? refused : endOfEvent();
	}

	private String accept(byte next) {
		boolean lineFeedOfCrLf = this.afterCarriageReturn && next == '\n';
		this.afterCarriageReturn = next == '\r';
		if (lineFeedOfCrLf) {
			return null;
		}
		if (next == '\r' || next == '\n') {
			return endOfLine();
		}
		if (++this.eventBytes > MAX_EVENT_BYTES) {
			return "an event larger than " + MAX_EVENT_BYTES + " bytes";
		}
		this.line.write(next);
		return null;
	}

	private String endOfLine() {
		String text = this.line.toString(StandardCharsets.UTF_8);
		this.line.reset();
		if (text.isEmpty()) {
			return endOfEvent();
		}
		if (text.startsWith("data:")) {
			String value = text.substring("data:".length());
			if (!value.isEmpty()) {
				this.data.append(value.trim()).append('\n');
			}
		}
		else if (text.startsWith("event:")) {
			String value = text.substring("event:".length());
			if (!value.isEmpty()) {
				this.eventType = value.trim();
			}
		}
		else if (!text.startsWith("id:") && !text.startsWith(":")) {
			return "an event stream with a line that is not an event field";
		}
		return null;
	}

	private String endOfEvent() {
		// As the transports do, the event type stays for the events after it.
		String event = this.data.toString().trim();
		this.data.setLength(0);
		this.eventBytes = 0;
		if (!MESSAGE_EVENT.equals(this.eventType) || event.isEmpty()) {
			return null;
		}
		try {
			McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), event);
			return null;
		}
		catch (Exception ex) {
			return "an event that is not a JSON-RPC message";
		}
	}

}
