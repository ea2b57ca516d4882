package io.github.mcpmonitoring.requests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring AI MCP server with the starter on the MCP SDK's stdio transport, its standard input and output being pipes
 * this class writes and reads JSON-RPC lines on, as an MCP client that launched the server would.
 */
final class StdioServer implements AutoCloseable {

	/** How long an answer may take before the test gives up on it: a bound against hanging, not a measure. */
	private static final long PATIENCE_SECONDS = 30;

	final ConfigurableApplicationContext context;

	private final McpJsonMapper jsonMapper = McpJsonDefaults.getMapper();

	private final Pipes pipes;

	private final OutputStream toServer;

	private final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();

	private final Thread reader;

	private StdioServer(ConfigurableApplicationContext context, Pipes pipes) {
		this.context = context;
		this.pipes = pipes;
		this.toServer = Channels.newOutputStream(pipes.toServer().sink());
		this.reader = new Thread(this::readLines, "stdio-test-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	static StdioServer start(Class<?> specifications, String... properties) throws IOException {
		Pipes pipes = new Pipes(Pipe.open(), Pipe.open());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(
				RequestMetricsServer.TestApplication.class, StdioTransport.class, specifications)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"spring.ai.mcp.server.stdio=true")
			.properties(properties)
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("stdioTestPipes", pipes))
			.run();
		return new StdioServer(context, pipes);
	}

	/**
	 * Send one JSON-RPC line to the server's standard input.
	 * @param json the message, on one line
	 */
	void send(String json) {
		try {
			this.toServer.write((json + "\n").getBytes(StandardCharsets.UTF_8));
			this.toServer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send a request and wait for its response; notifications and requests of the server on the way are skipped.
	 * @param id the request's id
	 * @param method the method
	 * @param params the parameters as JSON
	 * @return the response
	 */
	McpSchema.JSONRPCResponse request(int id, String method, String params) throws Exception {
		send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
		while (true) {
			String line = this.fromServer.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
			if (line == null) {
				throw new AssertionError("No answer to " + method + " within " + PATIENCE_SECONDS + " s");
			}
			if (McpSchema.deserializeJsonRpcMessage(this.jsonMapper, line) instanceof McpSchema.JSONRPCResponse response
					&& String.valueOf(id).equals(String.valueOf(response.id()))) {
				return response;
			}
		}
	}

	/** End the server's standard input, as a client that goes away does: the stdio session ends. */
	void closeInput() throws IOException {
		this.toServer.close();
	}

	@Override
	public void close() throws Exception {
		try {
			this.context.close();
		}
		finally {
			this.toServer.close();
			this.pipes.toServer().source().close();
			this.pipes.fromServer().sink().close();
			this.pipes.fromServer().source().close();
			this.reader.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
		}
	}

	private void readLines() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(Channels.newInputStream(this.pipes.fromServer().source()),
						StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.fromServer.add(line);
			}
		}
		catch (IOException ex) {
			// The pipe was closed with the server: nothing more to read.
		}
	}

	/** The server's standard input and output. */
	record Pipes(Pipe toServer, Pipe fromServer) {

	}

	/** The SDK's stdio transport over the pipes, in place of Spring AI's over the process's own streams. */
	@Configuration(proxyBeanMethods = false)
	static class StdioTransport {

		@Bean
		McpServerTransportProviderBase stdioServerTransport(Pipes pipes) {
			return new StdioServerTransportProvider(McpJsonDefaults.getMapper(),
					Channels.newInputStream(pipes.toServer().source()),
					Channels.newOutputStream(pipes.fromServer().sink()));
		}

	}

}
