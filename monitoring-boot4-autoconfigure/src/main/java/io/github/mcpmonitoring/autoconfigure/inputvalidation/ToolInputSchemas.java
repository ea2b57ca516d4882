package io.github.mcpmonitoring.autoconfigure.inputvalidation;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.github.mcpmonitoring.mcp.InstrumentedToolListener;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The input schemas of the tools the starter instruments, each with the handle its tool's calls are recorded through.
 * A schema is known by identity: the server validates a call's arguments against the very map the tool definition
 * holds, so a schema that is equal to another tool's is still told apart. A schema instance that several tools
 * share belongs to none of them, because a failed validation against it cannot be attributed.
 */
public final class ToolInputSchemas implements InstrumentedToolListener {

	private static final Log logger = LogFactory.getLog(ToolInputSchemas.class);

	private final Object lock = new Object();

	private final Set<Map<String, Object>> shared = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Written at startup, read on every validation: replaced as a whole, so that reading needs no lock. */
	private volatile Map<Map<String, Object>, ServerTool> tools = new IdentityHashMap<>();

	@Override
	public void instrumented(McpSchema.Tool tool, ServerTool serverTool) {
		Map<String, Object> schema = tool.inputSchema();
		if (schema == null || schema.isEmpty()) {
			// The server validates no arguments against an empty schema.
			return;
		}
		synchronized (this.lock) {
			Map<Map<String, Object>, ServerTool> next = new IdentityHashMap<>(this.tools);
			ServerTool known = next.get(schema);
			if (this.shared.contains(schema)) {
				return;
			}
			if (known != null && !known.name().equals(serverTool.name())) {
				next.remove(schema);
				this.shared.add(schema);
				logger.debug("Tools '" + known.name() + "' and '" + serverTool.name() + "' share one input schema"
						+ " instance: calls that fail its validation are not counted");
			}
			else {
				next.put(schema, serverTool);
			}
			this.tools = next;
		}
	}

	/**
	 * Return the tool a schema is the input schema of.
	 * @param schema a schema the server validates against
	 * @return the handle of the tool, or {@code null} when the schema is no single instrumented tool's input schema
	 */
	public ServerTool toolOf(Map<String, Object> schema) {
		return this.tools.get(schema);
	}

}
