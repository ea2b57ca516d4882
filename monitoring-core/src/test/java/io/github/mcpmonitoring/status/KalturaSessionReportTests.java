package io.github.mcpmonitoring.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.kaltura.TestSessionKeys;
import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KalturaSessionReport}. That the output never carries the session key nor the admin
 * secret is tested in the sample, where a real session holds both and feeds the health component.
 */
class KalturaSessionReportTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private static final String ADMIN_SECRET = "5f3c8a9e2b7d4c1f0a6e9b8d7c5a4f3e";

	private static final int PARTNER_ID = 1234;

	private static final String USER_ID = "admin@example.com";

	private static final Instant EXPIRES_AT = NOW.plusSeconds(3600);

	private final MutableClock clock = new MutableClock(NOW);

	private final SessionHolder application = new SessionHolder();

	private final PeriodicSnapshot<KalturaSessionStatus> snapshot = new PeriodicSnapshot<>(
			this.application::currentStatus, this.clock);

	private final SnapshotReport<KalturaSessionStatus> report = new SnapshotReport<>(this.snapshot,
			Duration.ofMinutes(1), new KalturaSessionReport());

	@ParameterizedTest
	@CsvSource(value = { "ACTIVE, UP, ok", "EXPIRING, UP, warning", "NO_SESSION, UNKNOWN, null",
			"EXPIRED, DOWN, critical", "UNREACHABLE, DOWN, critical" }, nullValues = "null")
	void statusAndLevelFollowTheState(KalturaSessionState state, String status, String level) {
		this.application.status.set(new KalturaSessionStatus(state, null, null, null, null, null, null, null, null));
		ComponentStatus health = check();
		assertThat(health.status()).isEqualTo(status);
		assertThat(health.details().get("level")).isEqualTo(level);
		assertThat(health.details()).containsEntry("state", state.name());
	}

	@Test
	void detailsTellTheSessionAndItsLastError() {
		this.application.startV1Session();
		this.application.fail("INVALID_KS", KalturaSessionState.EXPIRED);
		ComponentStatus health = check();
		assertThat(health.status()).isEqualTo(ComponentStatus.DOWN);
		assertThat(health.details()).containsEntry("state", "EXPIRED")
			.containsEntry("partnerId", 1234)
			.containsEntry("sessionType", "ADMIN")
			.containsEntry("userId", "admin@example.com")
			.containsEntry("expiresAt", "2025-06-01T13:00:00Z")
			.containsEntry("lastRefreshAt", "2025-06-01T11:00:00Z")
			.containsEntry("lastErrorCode", "INVALID_KS")
			.containsEntry("lastErrorAt", "2025-06-01T11:59:30Z")
			.containsEntry("sessionCheckedAt", "2025-06-01T11:59:30Z")
			.containsEntry("checkedAt", "2025-06-01T12:00:00Z");
	}

	@Test
	void leavesOutWhatIsNotKnown() {
		this.application.status
			.set(new KalturaSessionStatus(KalturaSessionState.NO_SESSION, null, null, null, null, null, null, null,
					null));
		assertThat(check().details()).containsOnlyKeys("state", "checkedAt", "ageSeconds");
	}

	@Test
	void unknownWhenTheApplicationStoppedReporting() {
		this.application.startV1Session();
		assertThat(check().status()).isEqualTo(ComponentStatus.UP);
		this.clock.add(Duration.ofMinutes(2));
		assertThat(this.report.get().status()).isEqualTo(ComponentStatus.UNKNOWN);
	}

	private ComponentStatus check() {
		this.snapshot.refresh();
		return this.report.get();
	}

	/**
	 * An application that holds a real KS and its admin secret, and tells the starter what it knows of them.
	 */
	private static final class SessionHolder implements KalturaSessionStatusProvider {

		private final AtomicReference<KalturaSessionStatus> status = new AtomicReference<>();

		String startV1Session() {
			return start(TestSessionKeys.v1(ADMIN_SECRET, PARTNER_ID, EXPIRES_AT.getEpochSecond(), 2, USER_ID));
		}

		String startV2Session() {
			return start(TestSessionKeys.v2(ADMIN_SECRET, PARTNER_ID, EXPIRES_AT.getEpochSecond(), 2, USER_ID));
		}

		private String start(String ks) {
			this.status.set(new KalturaSessionStatus(KalturaSessionState.ACTIVE, PARTNER_ID, "ADMIN", USER_ID,
					EXPIRES_AT, NOW.minusSeconds(3600), null, null, NOW.minusSeconds(30)));
			return ks;
		}

		void fail(String errorCode, KalturaSessionState state) {
			KalturaSessionStatus current = this.status.get();
			this.status.set(new KalturaSessionStatus(state, current.partnerId(), current.sessionType(),
					current.userId(), current.expiresAt(), current.lastRefreshAt(), errorCode, NOW.minusSeconds(30),
					NOW.minusSeconds(30)));
		}

		@Override
		public KalturaSessionStatus currentStatus() {
			return this.status.get();
		}

	}

}
