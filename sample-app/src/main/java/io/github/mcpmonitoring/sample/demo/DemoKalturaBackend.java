package io.github.mcpmonitoring.sample.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kaltura API backend with demo data on a free loopback port, speaking Kaltura's JSON wire format. It has its own
 * partner id and a secret generated at start; {@link #close()} stops it.
 */
public final class DemoKalturaBackend implements AutoCloseable {

	/** Partner id of the demo data. */
	public static final int PARTNER_ID = 2500100;

	private static final int THREADS = 8;

	private final HttpServer server;

	private final ExecutorService executor;

	private final DemoApiHandler handler;

	private final DemoCatalog catalog;

	private final URI serviceUrl;

	private final String adminSecret;

	private DemoKalturaBackend(HttpServer server, ExecutorService executor, DemoApiHandler handler,
			DemoCatalog catalog, URI serviceUrl, String adminSecret) {
		this.server = server;
		this.executor = executor;
		this.handler = handler;
		this.catalog = catalog;
		this.serviceUrl = serviceUrl;
		this.adminSecret = adminSecret;
	}

	/**
	 * Starts a backend on {@code 127.0.0.1} and a free port.
	 * @param faults latency and errors to inject, read at each request so that they can change while it runs
	 * @param clock clock that session expiry is checked against
	 * @return the running backend
	 */
	public static DemoKalturaBackend start(Supplier<DemoFaults> faults, Clock clock) {
		HttpServer server = bindLoopback();
		URI serviceUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		String adminSecret = newSecret();
		ObjectMapper mapper = new ObjectMapper();
		DemoCatalog catalog = DemoCatalog.load(mapper, serviceUrl.toString(), PARTNER_ID);
		DemoApiHandler handler = new DemoApiHandler(catalog, new DemoSessions(PARTNER_ID, adminSecret, clock), faults,
				mapper);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
		server.createContext("/", handler);
		server.setExecutor(executor);
		server.start();
		return new DemoKalturaBackend(server, executor, handler, catalog, serviceUrl, adminSecret);
	}

	/**
	 * Returns the URL to point a Kaltura client at.
	 * @return the service URL, such as {@code http://127.0.0.1:41234}
	 */
	public URI serviceUrl() {
		return this.serviceUrl;
	}

	/**
	 * Returns the demo partner id.
	 * @return {@link #PARTNER_ID}
	 */
	public int partnerId() {
		return PARTNER_ID;
	}

	/**
	 * Returns the admin secret generated for this run; it grants access to demo data only.
	 * @return the admin secret
	 */
	public String adminSecret() {
		return this.adminSecret;
	}

	/**
	 * Returns the number of media entries served.
	 * @return the entry count
	 */
	public int entryCount() {
		return this.catalog.entryCount();
	}

	/**
	 * Returns the number of categories served.
	 * @return the category count
	 */
	public int categoryCount() {
		return this.catalog.categoryCount();
	}

	/**
	 * Returns the number of API calls answered so far.
	 * @return the call count
	 */
	public long callCount() {
		return this.handler.callCount();
	}

	/**
	 * Revokes every session issued so far, as a Kaltura admin ending sessions would; later calls with them get
	 * {@code INVALID_KS}.
	 */
	public void revokeSessions() {
		this.handler.revokeSessions();
	}

	/**
	 * Stops the server and its threads.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static HttpServer bindLoopback() {
		try {
			return HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the demo Kaltura backend on 127.0.0.1", ex);
		}
	}

	private static String newSecret() {
		byte[] secret = new byte[16];
		new SecureRandom().nextBytes(secret);
		return HexFormat.of().formatHex(secret);
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "kaltura-demo-" + count.incrementAndGet());
			// Daemon threads so that a backend that was never closed cannot keep the JVM alive.
			thread.setDaemon(true);
			return thread;
		};
	}

}
