package io.github.mcpmonitoring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on a free loopback port that accepts every connection and never answers, keeping the connections open:
 * a Kaltura that hangs. {@link #close()} closes everything.
 */
public final class UnresponsiveServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	private UnresponsiveServer(ServerSocket serverSocket) {
		this.serverSocket = serverSocket;
		this.acceptor = new Thread(this::acceptForever, "unresponsive-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Starts a server on {@code 127.0.0.1} and a free port.
	 * @return the running server
	 */
	public static UnresponsiveServer start() {
		try {
			return new UnresponsiveServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the URL to point a client at.
	 * @return the URL, such as {@code http://127.0.0.1:41234}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.serverSocket.getLocalPort());
	}

	/**
	 * Returns the number of connections accepted so far.
	 * @return the connection count
	 */
	public int acceptedCount() {
		return this.accepted.size();
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
			this.acceptor.join(5000);
			for (Socket socket : this.accepted) {
				socket.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void acceptForever() {
		while (!this.serverSocket.isClosed()) {
			try {
				this.accepted.add(this.serverSocket.accept());
			}
			catch (IOException ex) {
				// Closed: the loop ends.
			}
		}
	}

}
