package io.github.mcpmonitoring.peers;

import java.io.File;
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
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
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
		this.tomcat.start();
		this.port = connector.getLocalPort();
		return this;
	}

	private void addAuthorizationRecorder(Context context) {
		Filter filter = (request, response, chain) -> {
			String authorization = ((HttpServletRequest) request).getHeader("Authorization");
			if (authorization != null) {
				this.authorizations.add(authorization);
			}
			chain.doFilter(request, response);
		};
		FilterDef definition = new FilterDef();
		definition.setFilterName("authorization");
		definition.setFilter(filter);
		definition.setAsyncSupported("true");
		context.addFilterDef(definition);
		FilterMap mapping = new FilterMap();
		mapping.setFilterName("authorization");
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

}
