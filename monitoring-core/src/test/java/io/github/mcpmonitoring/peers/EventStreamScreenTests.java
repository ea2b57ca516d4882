package io.github.mcpmonitoring.peers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream screen reads what the MCP SDK's transports read and refuses what they would fail on, however the
 * stream is cut into buffers.
 */
class EventStreamScreenTests {

	private static final String ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"result\":{}}";

	@Test
	void acceptsEventsCommentsAndEveryLineBreakEvenCutByteByByte() {
		String stream = ": keep-alive\r\nevent: endpoint\rdata: /message?s=1\n\nid: 7\r\nevent: message\ndata: " + ANSWER
				+ "\r\n\r\n";
		assertThat(readByteByByte(stream)).isNull();
		assertThat(readAtOnce(stream)).isNull();
	}

	@Test
	void refusesALineThatIsNotAnEventFieldEvenCutInTheMiddleOfAFieldName() {
		assertThat(readByteByByte("event: message\ndat: " + ANSWER + "\n\n"))
			.isEqualTo("an event stream with a line that is not an event field");
		assertThat(readAtOnce("<html>not an event stream</html>\n"))
			.isEqualTo("an event stream with a line that is not an event field");
	}

	@Test
	void refusesALastLineWithoutLineBreakThatIsNotAnEventField() {
		EventStreamScreen screen = new EventStreamScreen();
		assertThat(screen.accept(buffers("data"))).isNull();
		assertThat(screen.acceptEnd()).isEqualTo("an event stream with a line that is not an event field");
	}

	@Test
	void refusesAMessageEventWhoseDataIsNotAJsonRpcMessage() {
		assertThat(readAtOnce("event: message\ndata: {\"not\":\"json-rpc\"}\n\n"))
			.isEqualTo("an event that is not a JSON-RPC message");
		assertThat(readByteByByte("event: message\ndata: {broken\n\n")).isEqualTo("an event that is not a JSON-RPC message");
	}

	@Test
	void readsOnlyMessageEventsAsJsonRpcAsTheTransportsDo() {
		assertThat(readAtOnce("event: endpoint\ndata: not json at all\n\n")).isNull();
		assertThat(readAtOnce("data: not json and no event type\n\n")).isNull();
	}

	@Test
	void refusesAnEventLargerThanTheBoundBeforeItsEnd() {
		EventStreamScreen screen = new EventStreamScreen();
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'x');
		System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 6);
		String refused = null;
		for (int i = 0; refused == null && i <= EventStreamScreen.MAX_EVENT_BYTES / chunk.length; i++) {
			refused = screen.accept(List.of(ByteBuffer.wrap(chunk)));
		}
		assertThat(refused).isEqualTo("an event larger than " + EventStreamScreen.MAX_EVENT_BYTES + " bytes");
	}

	private static String readAtOnce(String stream) {
		EventStreamScreen screen = new EventStreamScreen();
		String refused = screen.accept(buffers(stream));
		return (refused != null) ? refused : screen.acceptEnd();
	}

	private static String readByteByByte(String stream) {
		EventStreamScreen screen = new EventStreamScreen();
		for (byte next : stream.getBytes(StandardCharsets.UTF_8)) {
			String refused = screen.accept(List.of(ByteBuffer.wrap(new byte[] { next })));
			if (refused != null) {
				return refused;
			}
		}
		return screen.acceptEnd();
	}

	private static List<ByteBuffer> buffers(String text) {
		return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

}
