package io.github.mcpmonitoring.peers;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server for probe tests: the MCP SDK's servlet transport (streamable HTTP at {@code /mcp}, or SSE at
 * {@code /sse}) on an embedded Tomcat on a loopback port, with two tools. It can be stopped and started again on the
 * same port, and keeps the {@code Authorization} headers it received.
 */
public final class RealMcpPeer implements AutoCloseable {

	private final PeerTransport transport;

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private int port;

	private Tomcat tomcat;

	private McpSyncServer server;

	public RealMcpPeer(PeerTransport transport) {
		this.transport = transport;
	}

	public RealMcpPeer start() throws Exception {
		McpJsonMapper json = McpJsonDefaults.getMapper();
		HttpServlet servlet;
		String path;
		if (this.transport == PeerTransport.SSE) {
			HttpServletSseServerTransportProvider provider = HttpServletSseServerTransportProvider.builder()
				.jsonMapper(json)
				.sseEndpoint("/sse")
				.messageEndpoint("/message")
				.build();
			this.server = McpServer.sync(provider).serverInfo("test-peer", "1.0").capabilities(capabilities())
				.tools(tool(json, "first"), tool(json, "second")).build();
			servlet = provider;
			path = "/*";
		}
		else {
			HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider
				.builder()
				.jsonMapper(json)
				.mcpEndpoint("/mcp")
				.build();
			this.server = McpServer.sync(provider).serverInfo("test-peer", "1.0").capabilities(capabilities())
				.tools(tool(json, "first"), tool(json, "second")).build();
			servlet = provider;
			path = "/mcp";
		}
		this.tomcat = new Tomcat();
		File baseDir = Files.createTempDirectory("mcp-peer-tomcat").toFile();
		this.tomcat.setBaseDir(baseDir.getAbsolutePath());
		Connector connector = new Connector();
		connector.setPort(this.port);
		connector.setProperty("address", "127.0.0.1");
		this.tomcat.setConnector(connector);
		this.tomcat.getHost().setAutoDeploy(false);
		Context context = this.tomcat.addContext("", baseDir.getAbsolutePath());
		Tomcat.addServlet(context, "mcp", servlet).setAsyncSupported(true);
		context.addServletMappingDecoded(path, "mcp");
		addAuthorizationRecorder(context);
		if (this.transport == PeerTransport.SSE) {
			addFilter(context, "serialized-event-streams", new SerializedEventStreams());
		}
		this.tomcat.start();
		this.port = connector.getLocalPort();
		return this;
	}

	private void addAuthorizationRecorder(Context context) {
		addFilter(context, "authorization", (request, response, chain) -> {
			String authorization = ((HttpServletRequest) request).getHeader("Authorization");
			if (authorization != null) {
				this.authorizations.add(authorization);
			}
			chain.doFilter(request, response);
		});
	}

	private static void addFilter(Context context, String name, Filter filter) {
		FilterDef definition = new FilterDef();
		definition.setFilterName(name);
		definition.setFilter(filter);
		definition.setAsyncSupported("true");
		context.addFilterDef(definition);
		FilterMap mapping = new FilterMap();
		mapping.setFilterName(name);
		mapping.addURLPatternDecoded("/*");
		context.addFilterMap(mapping);
	}

	private static McpSchema.ServerCapabilities capabilities() {
		return McpSchema.ServerCapabilities.builder().tools(true).build();
	}

	private static McpServerFeatures.SyncToolSpecification tool(McpJsonMapper json, String name) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name(name)
			.description("A tool")
			.inputSchema(json, "{\"type\":\"object\"}")
			.build();
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> McpSchema.CallToolResult.builder().addTextContent("ok").build())
			.build();
	}

	public String url() {
		return "http://127.0.0.1:" + this.port + ((this.transport == PeerTransport.SSE) ? "/sse" : "/mcp");
	}

	public List<String> authorizations() {
		return this.authorizations;
	}

	public void stop() throws LifecycleException {
		this.server.closeGracefully();
		this.tomcat.stop();
		this.tomcat.destroy();
	}

	@Override
	public void close() throws LifecycleException {
		stop();
	}

	/**
	 * Makes the writes to each event stream one at a time. The MCP SDK's servlet SSE transport writes the
	 * {@code endpoint} event on the thread of the stream's own request and every message on the thread of the
	 * {@code POST} it answers, with no lock between them, while a servlet response is not thread-safe: when a client
	 * posts as soon as it has read the {@code endpoint} event, Tomcat's writer is still flushing it and the next event
	 * corrupts the stream: its chunked framing breaks (the client's HTTP client fails the stream) or, more rarely, the
	 * client reads an answer to no request it waits for. A peer that does that is not healthy, so the test peer
	 * serialises the writes the transport makes, through the servlet API.
	 */
	private static final class SerializedEventStreams implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(request, new SerializedWriterResponse((HttpServletResponse) response));
		}

	}

	/** A response whose writer lets one thread at a time write or flush. */
	private static final class SerializedWriterResponse extends HttpServletResponseWrapper {

		private PrintWriter writer;

		SerializedWriterResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public synchronized PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new SerializedWriter(super.getWriter());
			}
			return this.writer;
		}

	}

	/**
	 * A writer over the response's writer: each of its writes and flushes holds the lock of the response's writer, as
	 * {@link PrintWriter} does; {@code checkError}, which flushes the response's writer again, holds it too.
	 */
	private static final class SerializedWriter extends PrintWriter {

		SerializedWriter(PrintWriter response) {
			super(response);
		}

		@Override
		public boolean checkError() {
			synchronized (this.lock) {
				return super.checkError();
			}
		}

	}

}
