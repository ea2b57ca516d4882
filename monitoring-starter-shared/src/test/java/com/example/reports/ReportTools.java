package com.example.reports;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * Spring AI {@code @Tool} methods: one returns a short note, the other a report of about 200 kB.
 */
@Component
public class ReportTools {

	/** Characters of the monthly report. */
	static final int REPORT_LENGTH = 200_000;

	@Tool(name = "monthly_report", description = "The full monthly report of a region")
	public String monthlyReport(@ToolParam(description = "Region code") String region) {
		// Letters and spaces only, which a JSON string carries as they are.
		return ("Region " + region + " report ").repeat(REPORT_LENGTH).substring(0, REPORT_LENGTH);
	}

	@Tool(name = "short_note", description = "A one-line note about a region")
	public String shortNote(@ToolParam(description = "Region code") String region) {
		return "All quiet in " + region;
	}

}
