package io.github.mcpmonitoring.sample.e2e;

import org.springframework.util.ClassUtils;

/**
 * Whether the MCP SDK on the class path checks tool arguments against the tool's input schema before the tool's
 * handler runs, as SDK 2.0 (Spring AI 2) does and 0.18 (Spring AI 1.1) does not. Such a call is answered with an
 * {@code isError} result that no tool handler sees, so the monitoring does not count it yet.
 */
final class ToolInputValidation {

	static final boolean BEFORE_HANDLER = ClassUtils.isPresent("io.modelcontextprotocol.util.ToolInputValidator",
			ToolInputValidation.class.getClassLoader());

	private ToolInputValidation() {
	}

}
