package io.github.mcpmonitoring.summary;

import java.time.Clock;

import io.github.mcpmonitoring.summary.ActivityHistory.ActivityDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.McpDescriptor;
import io.github.mcpmonitoring.summary.ProcessFigures.ProcessDescriptor;

/**
 * What the status page shows: the {@link McpSummary} the {@code mcp} endpoint answers, the recent activity for its
 * charts and the process's uptime, heap and CPU, read together at each request.
 */
public class McpStatus {

	private final McpSummary summary;

	private final ActivityHistory activity;

	private final ProcessFigures process;

	private final Clock clock;

	/**
	 * Create the status.
	 * @param summary the summary the {@code mcp} endpoint answers
	 * @param activity the recent activity per tool and API
	 * @param process the process's figures
	 * @param clock the clock that dates the status
	 */
	public McpStatus(McpSummary summary, ActivityHistory activity, ProcessFigures process, Clock clock) {
		this.summary = summary;
		this.activity = activity;
		this.process = process;
		this.clock = clock;
	}

	/**
	 * Read the status now.
	 * @return the summary, the recent activity and the process's figures
	 */
	public StatusDescriptor status() {
		return new StatusDescriptor(this.clock.instant().toString(), this.summary.summary(), this.activity.activity(),
				this.process.figures());
	}

	/**
	 * The status.
	 *
	 * @param time when it was read (ISO-8601)
	 * @param summary what the {@code mcp} endpoint answers
	 * @param activity the recent activity per tool and API
	 * @param process uptime, heap and CPU
	 */
	public record StatusDescriptor(String time, McpDescriptor summary, ActivityDescriptor activity,
			ProcessDescriptor process) {
	}

}
