package io.github.mcpmonitoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports on the loopback address for servers a test starts itself or for a client to find closed.
 */
public final class LoopbackPorts {

	private LoopbackPorts() {
	}

	/**
	 * Return a port nothing listens on at the moment of the call.
	 * @return the port
	 */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
