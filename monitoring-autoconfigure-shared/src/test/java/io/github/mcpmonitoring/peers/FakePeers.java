package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Peers that are not MCP servers, for probe tests: an HTTP server with one fixed answer, a socket that accepts and
 * never answers, a port nothing listens on.
 */
final class FakePeers {

	private FakePeers() {
	}

	/**
	 * Start an HTTP server that answers every request with the same status, content type and body.
	 */
	static HttpServer answering(int status, String contentType, String body) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		return server;
	}

	static String url(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
	}

	/**
	 * Return a loopback port nothing listens on.
	 */
	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A server that accepts every connection, reads what it is sent and never writes a byte; it closes a connection
	 * only when the client does. One thread serves every connection.
	 */
	static final class Hanging implements AutoCloseable {

		private final ServerSocketChannel server;

		private final Selector selector;

		private final Thread thread;

		private final AtomicInteger open = new AtomicInteger();

		Hanging() throws IOException {
			this.selector = Selector.open();
			this.server = ServerSocketChannel.open();
			this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			this.server.configureBlocking(false);
			this.server.register(this.selector, SelectionKey.OP_ACCEPT);
			this.thread = new Thread(this::serve, "hanging-peer");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		String url() throws IOException {
			return "http://127.0.0.1:" + ((InetSocketAddress) this.server.getLocalAddress()).getPort() + "/mcp";
		}

		/** Connections the clients have not closed yet. */
		int openConnections() {
			return this.open.get();
		}

		private void serve() {
			ByteBuffer buffer = ByteBuffer.allocate(8192);
			while (this.selector.isOpen()) {
				try {
					this.selector.select();
					for (SelectionKey key : this.selector.selectedKeys()) {
						if (key.isAcceptable()) {
							SocketChannel channel = this.server.accept();
							if (channel != null) {
								channel.configureBlocking(false);
								channel.register(this.selector, SelectionKey.OP_READ);
								this.open.incrementAndGet();
							}
						}
						else if (key.isReadable()) {
							drain(key, buffer);
						}
					}
					this.selector.selectedKeys().clear();
				}
				catch (IOException | RuntimeException ex) {
					// Closed, or a connection reset by its client: keep serving the others.
				}
			}
		}

		private void drain(SelectionKey key, ByteBuffer buffer) throws IOException {
			buffer.clear();
			int read;
			try {
				read = ((SocketChannel) key.channel()).read(buffer);
			}
			catch (IOException ex) {
				read = -1;
			}
			if (read < 0) {
				key.cancel();
				key.channel().close();
				this.open.decrementAndGet();
			}
		}

		@Override
		public void close() throws IOException {
			this.selector.close();
			this.server.close();
		}

	}

}
