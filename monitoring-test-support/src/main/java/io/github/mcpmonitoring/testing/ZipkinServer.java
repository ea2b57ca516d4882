package io.github.mcpmonitoring.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real Zipkin server, the executable jar from Maven Central that the build copies next to the tests (system
 * property {@code zipkin.server.jar}), started with {@code java -jar} on a free loopback port with in-memory storage.
 */
public final class ZipkinServer implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final Process process;

	private final Path log;

	private final URI baseUrl;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ZipkinServer(Process process, Path log, URI baseUrl) {
		this.process = process;
		this.log = log;
		this.baseUrl = baseUrl;
	}

	/**
	 * Start a Zipkin server and wait until it is ready; fail (not skip) when its jar is missing.
	 * @param directory where to keep its output
	 * @return the running server
	 * @throws Exception if it cannot be started
	 */
	public static ZipkinServer start(Path directory) throws Exception {
		String jar = System.getProperty("zipkin.server.jar");
		if (jar == null || !Files.isRegularFile(Paths.get(jar))) {
			fail("No Zipkin server jar at system property zipkin.server.jar (" + jar
					+ "): the build copies it from Maven Central before the tests");
		}
		int port = LoopbackPorts.free();
		Path log = directory.resolve("zipkin.log");
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--armeria.ports[0].ip=127.0.0.1",
				"--armeria.ports[0].port=" + port, "--armeria.ports[0].protocols[0]=http")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		ZipkinServer server = new ZipkinServer(process, log, URI.create("http://127.0.0.1:" + port));
		server.awaitReady();
		return server;
	}

	/**
	 * Return where spans are sent (Zipkin's v2 JSON API).
	 * @return the spans endpoint
	 */
	public String spansEndpoint() {
		return this.baseUrl + "/api/v2/spans";
	}

	/**
	 * Return the first trace that contains a span of the given name and satisfies a condition, waiting until one
	 * arrived: exporters send spans in batches, so the spans of one trace can arrive at different times.
	 * @param serviceName the service that reported the span
	 * @param spanName the span's name (Zipkin keeps names in lower case)
	 * @param condition what the trace's spans must satisfy, for example that they contain a given trace id and span
	 * @param timeout how long to wait for one
	 * @return the spans of the trace
	 * @throws Exception if Zipkin cannot be asked
	 */
	public List<JsonNode> awaitTrace(String serviceName, String spanName, Predicate<List<JsonNode>> condition,
			Duration timeout) throws Exception {
		String query = "/api/v2/traces?limit=10&serviceName=" + encode(serviceName) + "&spanName=" + encode(spanName);
		long deadline = System.nanoTime() + timeout.toNanos();
		List<List<JsonNode>> traces = new ArrayList<>();
		while (true) {
			HttpResponse<String> response = get(query);
			traces.clear();
			if (response.statusCode() == 200) {
				for (JsonNode trace : MAPPER.readTree(response.body())) {
					List<JsonNode> spans = new ArrayList<>();
					trace.forEach(spans::add);
					if (condition.test(spans)) {
						return spans;
					}
					traces.add(spans);
				}
			}
			if (System.nanoTime() - deadline > 0) {
				fail("No trace with span " + spanName + " of " + serviceName + " as expected reached Zipkin within "
						+ timeout + "; traces with that span: " + traces);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(5))
			.build();
		return this.client.send(request, BodyHandlers.ofString());
	}

	private void awaitReady() throws Exception {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (!this.process.isAlive()) {
				fail("Zipkin exited with " + this.process.exitValue() + ": " + Files.readString(this.log));
			}
			try {
				if (get("/health").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		close();
		fail("Zipkin was not ready within " + READY_TIMEOUT + ": " + Files.readString(this.log));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
