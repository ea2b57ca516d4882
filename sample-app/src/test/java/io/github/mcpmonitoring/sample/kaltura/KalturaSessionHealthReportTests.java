package io.github.mcpmonitoring.sample.kaltura;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.status.ComponentStatus;
import io.github.mcpmonitoring.status.KalturaSessionReport;
import io.github.mcpmonitoring.status.SnapshotReport;
import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code kalturaSession} health component fed the way the sample feeds it: a real session with a real
 * KS and admin secret against the demo backend, checked by the real session check, read through the starter's
 * snapshot and the report that the component shows on both Spring generations, status and details as JSON. In no
 * state does the output carry the KS, any long part of it, or the admin secret, though Kaltura quotes the KS in its
 * {@code INVALID_KS} answers.
 */
class KalturaSessionHealthReportTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

	private final ObjectMapper json = new ObjectMapper();

	private DemoKalturaBackend backend;

	private KalturaClient client;

	private KalturaSession session;

	private PeriodicSnapshot<KalturaSessionStatus> snapshot;

	private SnapshotReport<KalturaSessionStatus> report;

	@BeforeEach
	void start() {
		this.backend = DemoKalturaBackend.start(DemoFaults::none, this.clock);
		this.client = new KalturaClient(RestClient.builder(), this.backend.serviceUrl(), this.backend.adminSecret(),
				TIMEOUT, TIMEOUT);
		this.session = new KalturaSession(this.client, new KalturaSessionSettings(this.backend.partnerId(),
				this.backend.adminSecret(), "mcp-test", "", Duration.ofHours(24), Duration.ofMinutes(5)), this.clock);
		this.snapshot = new PeriodicSnapshot<>(this.session::currentStatus, this.clock);
		this.report = new SnapshotReport<>(this.snapshot, Duration.ofMinutes(1), new KalturaSessionReport());
	}

	@AfterEach
	void stop() {
		this.backend.close();
	}

	@Test
	void neverShowsTheSessionKeyNorTheAdminSecret() throws Exception {
		List<String> keys = new ArrayList<>();
		List<String> outputs = new ArrayList<>();
		outputs.add(checkedHealth("NO_SESSION"));
		keys.add(useSession());
		outputs.add(checkedHealth("ACTIVE"));
		this.backend.revokeSessions();
		outputs.add(checkedHealth("EXPIRED"));
		keys.add(useSession());
		outputs.add(checkedHealth("ACTIVE"));
		this.backend.close();
		outputs.add(checkedHealth("UNREACHABLE"));

		assertThat(keys).as("a real KS each time").allSatisfy((ks) -> assertThat(ks).hasSizeGreaterThan(40));
		assertThat(outputs).allSatisfy((output) -> {
			assertThat(output).contains("mcp-test").doesNotContainIgnoringCase(this.backend.adminSecret());
			for (String ks : keys) {
				assertThat(output).doesNotContain(ks).doesNotContain(ks.substring(0, 20))
					.doesNotContain(ks.substring(ks.length() - 20));
			}
		});
	}

	/** The component's status and details after a session check, as JSON, in the expected state. */
	private String checkedHealth(String state) throws Exception {
		new KalturaSessionCheck(this.session, this.client).run();
		this.snapshot.refresh();
		ComponentStatus health = this.report.get();
		assertThat(health.details()).containsEntry("state", state);
		return this.json.writeValueAsString(health);
	}

	private String useSession() {
		return this.session.call((ks) -> {
			this.client.listMedia(ks, MediaFilter.freeText(null, 1));
			return ks.value();
		});
	}

}
