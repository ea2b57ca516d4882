package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;

/**
 * What probes could leave behind, for the leak tests: live threads, open file descriptors, and the MCP client and
 * transport of every probe, held weakly so that the test sees whether anything else still holds them.
 */
final class ProbeLeaks {

	/** The state {@code ESTABLISHED} in the kernel's TCP tables. */
	private static final String ESTABLISHED = "01";

	private ProbeLeaks() {
	}

	static int threads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	static List<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
	}

	static long openFileDescriptors() throws IOException {
		Path descriptors = Path.of("/proc/self/fd");
		if (!Files.isDirectory(descriptors)) {
			return 0;
		}
		try (Stream<Path> open = Files.list(descriptors)) {
			return open.count();
		}
	}

	/**
	 * Count the connections to a local port that are open on the client's side, from the kernel's table: a socket the
	 * client closed is no longer {@code ESTABLISHED} there, whatever the server did with its half.
	 * @return the connections, or 0 where the table cannot be read
	 */
	static long clientConnectionsTo(int port) throws IOException {
		long open = 0;
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(table);
			if (Files.isReadable(path)) {
				open += Files.readAllLines(path).stream().skip(1).filter((line) -> established(line, port)).count();
			}
		}
		return open;
	}

	private static boolean established(String line, int port) {
		String[] fields = line.trim().split("\\s+");
		String remote = fields[2];
		int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
		return remotePort == port && ESTABLISHED.equals(fields[3]);
	}

	/**
	 * A probe that keeps a weak reference to the MCP client and transport of each of its probes once watching starts.
	 */
	static final class WatchedProbe extends McpPeerProbe {

		private final Queue<WeakReference<Object>> created = new ConcurrentLinkedQueue<>();

		private volatile boolean watching;

		WatchedProbe(PeerSettings settings) {
			super(settings);
		}

		void startWatching() {
			this.watching = true;
		}

		@Override
		void created(McpAsyncClient client, McpClientTransport transport) {
			if (this.watching) {
				this.created.add(new WeakReference<>(client));
				this.created.add(new WeakReference<>(transport));
			}
		}

		int watched() {
			return this.created.size();
		}

		/**
		 * Collect garbage and count the clients and transports still reachable.
		 */
		long stillReachable() {
			System.gc();
			return this.created.stream().filter((reference) -> reference.get() != null).count();
		}

	}

}
