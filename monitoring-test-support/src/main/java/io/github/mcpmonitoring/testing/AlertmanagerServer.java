package io.github.mcpmonitoring.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real Alertmanager from the Debian package {@code prometheus-alertmanager}, started on a free loopback port with
 * its own configuration and storage in a temporary directory, clustering off.
 */
public final class AlertmanagerServer implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private static final String CONFIG = """
			route:
			  receiver: 'null'
			receivers:
			  - name: 'null'
			""";

	private final Process process;

	private final Path log;

	private final URI baseUrl;

	private AlertmanagerServer(Process process, Path log, URI baseUrl) {
		this.process = process;
		this.log = log;
		this.baseUrl = baseUrl;
	}

	/**
	 * Start an Alertmanager and wait until it is ready; fail (not skip) when the binary is missing.
	 * @param directory where to keep its configuration, data and output
	 * @return the running server
	 * @throws Exception if it cannot be started
	 */
	public static AlertmanagerServer start(Path directory) throws Exception {
		Path binary = Executables.require("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager");
		Path config = Files.writeString(directory.resolve("alertmanager.yml"), CONFIG);
		Path storage = Files.createDirectories(directory.resolve("data"));
		Path log = directory.resolve("alertmanager.log");
		int port = LoopbackPorts.free();
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.path=" + storage, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		AlertmanagerServer server = new AlertmanagerServer(process, log, URI.create("http://127.0.0.1:" + port));
		server.awaitReady();
		return server;
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	public String status() throws IOException, InterruptedException {
		return get("/api/v2/status");
	}

	public String get(String pathAndQuery) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(5))
			.build();
		var response = client().send(request, BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			fail("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
	}

	private void awaitReady() throws Exception {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		HttpRequest ready = HttpRequest.newBuilder(this.baseUrl.resolve("/-/ready"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				fail("Alertmanager exited with " + this.process.exitValue() + ":\n" + output());
			}
			try {
				if (client().send(ready, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		close();
		fail("Alertmanager was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + output());
	}

	private String output() throws IOException {
		return Files.exists(this.log) ? Files.readString(this.log) : "";
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	}

}
