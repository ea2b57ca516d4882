package io.github.mcpmonitoring.alerts.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on loopback that answers {@code 200} with a chunked body it never ends, until told to answer
 * normally. It tells when the client has closed a connection it left hanging.
 */
final class EndlessBodyReceiver implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger hanging = new AtomicInteger();

	private final AtomicInteger closedByClient = new AtomicInteger();

	private final AtomicInteger answered = new AtomicInteger();

	private volatile boolean endless = true;

	private EndlessBodyReceiver() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.executor.execute(this::accept);
	}

	static EndlessBodyReceiver start() throws IOException {
		return new EndlessBodyReceiver();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort() + path);
	}

	/** Answer the next requests with an empty {@code 200} body. */
	void answerNormally() {
		this.endless = false;
	}

	/** Requests answered with a body that never ends. */
	int hanging() {
		return this.hanging.get();
	}

	/** Hanging connections that the client closed. */
	int closedByClient() {
		return this.closedByClient.get();
	}

	/** Requests answered normally. */
	int answered() {
		return this.answered.get();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		for (Socket connection : this.connections) {
			try {
				connection.close();
			}
			catch (IOException ex) {
				// Closing anyway.
			}
		}
		this.executor.shutdownNow();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket connection = this.server.accept();
				this.connections.add(connection);
				this.executor.execute(() -> serve(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
			while (readRequest(in)) {
				if (this.endless) {
					hangWithEndlessBody(in, out);
					return;
				}
				out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				this.answered.incrementAndGet();
			}
		}
		catch (IOException ex) {
			// The client went away.
		}
	}

	private void hangWithEndlessBody(InputStream in, OutputStream out) throws IOException {
		out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		this.hanging.incrementAndGet();
		try {
			// The last chunk never comes; the client can only end this by closing the connection.
			while (in.read() != -1) {
				// Nothing else is expected from the client.
			}
		}
		catch (IOException ex) {
			// Reset by the client: closed too.
		}
		this.closedByClient.incrementAndGet();
	}

	/** Read one request's headers and its Content-Length body; false at the end of the stream. */
	private static boolean readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				return false;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		long length = 0;
		for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Long.parseLong(line.substring("content-length:".length()).trim());
			}
		}
		in.readNBytes((int) length);
		return true;
	}

}
