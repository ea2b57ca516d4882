package io.github.mcpmonitoring.sample.kaltura;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.sample.UnresponsiveServer;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionTests.CountingClient;
import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KalturaSessionCheck} and the status it leaves in {@link KalturaSession}, against the demo
 * backend with a clock both share, a port nothing listens on, and a server that never answers.
 */
class KalturaSessionCheckTests {

	private static final Duration EXPIRY = Duration.ofHours(24);

	private static final Duration MARGIN = Duration.ofMinutes(5);

	private static final Duration CHECK_TIMEOUT = Duration.ofMillis(300);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

	private DemoKalturaBackend backend;

	private CountingClient client;

	private CountingClient checkClient;

	private KalturaSession session;

	@BeforeEach
	void start() {
		this.backend = DemoKalturaBackend.start(DemoFaults::none, this.clock);
		this.client = new CountingClient(this.backend.serviceUrl());
		this.checkClient = new CountingClient(this.backend.serviceUrl());
		this.session = new KalturaSession(this.client, new KalturaSessionSettings(this.backend.partnerId(),
				this.backend.adminSecret(), "mcp-test", "", EXPIRY, MARGIN), this.clock);
	}

	@AfterEach
	void stop() {
		this.backend.close();
	}

	@Test
	void pingsWithoutASessionAndStaysNoSession() {
		assertThat(this.session.currentStatus().checkedAt()).isNull();
		check();
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.NO_SESSION);
		assertThat(status.checkedAt()).isEqualTo(this.clock.instant());
		assertThat(status.partnerId()).isEqualTo(this.backend.partnerId());
		assertThat(status.userId()).isEqualTo("mcp-test");
		assertThat(status.sessionType()).isEqualTo("ADMIN");
		assertThat(status.expiresAt()).isNull();
		assertThat(status.lastErrorCode()).isNull();
		assertThat(this.backend.callCount()).isEqualTo(1);
	}

	@Test
	void neverStartsASessionWhateverTheState() {
		check();
		useSession();
		check();
		this.backend.revokeSessions();
		check();
		check();
		this.clock.add(EXPIRY.plusSeconds(1));
		check();
		assertThat(this.client.starts).hasValue(1);
		assertThat(this.checkClient.starts).hasValue(0);
	}

	@Test
	void reportsAnActiveSessionWithEverythingButTheKs() {
		useSession();
		Instant startedAt = this.clock.instant();
		this.clock.add(Duration.ofMinutes(1));
		check();
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.ACTIVE);
		assertThat(status.partnerId()).isEqualTo(this.backend.partnerId());
		assertThat(status.sessionType()).isEqualTo("ADMIN");
		assertThat(status.userId()).isEqualTo("mcp-test");
		assertThat(status.expiresAt()).isEqualTo(startedAt.plus(EXPIRY));
		assertThat(status.lastRefreshAt()).isEqualTo(startedAt);
		assertThat(status.lastErrorCode()).isNull();
		assertThat(status.lastErrorAt()).isNull();
		assertThat(status.checkedAt()).isEqualTo(this.clock.instant());
		assertThat(status.toString()).doesNotContain(this.backend.adminSecret());
	}

	@Test
	void reportsExpiringInsideTheRefreshMargin() {
		useSession();
		this.clock.add(EXPIRY.minus(MARGIN).plusSeconds(1));
		check();
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.EXPIRING);
	}

	@Test
	void reportsARevokedSessionAsExpiredUntilAPingFindsKalturaWithoutOne() {
		useSession();
		this.backend.revokeSessions();
		check();
		KalturaSessionStatus revoked = this.session.currentStatus();
		assertThat(revoked.state()).isEqualTo(KalturaSessionState.EXPIRED);
		assertThat(revoked.lastErrorCode()).isEqualTo(KalturaApiException.INVALID_KS);
		assertThat(revoked.lastErrorAt()).isEqualTo(this.clock.instant());
		assertThat(revoked.expiresAt()).isNull();

		this.clock.add(Duration.ofSeconds(30));
		check();
		KalturaSessionStatus afterPing = this.session.currentStatus();
		assertThat(afterPing.state()).isEqualTo(KalturaSessionState.NO_SESSION);
		assertThat(afterPing.lastErrorCode()).isEqualTo(KalturaApiException.INVALID_KS);
		assertThat(afterPing.checkedAt()).isEqualTo(this.clock.instant());

		useSession();
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
	}

	@Test
	void reportsASessionPastItsExpiryAsExpired() {
		useSession();
		this.clock.add(EXPIRY.plusSeconds(1));
		check();
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.EXPIRED);
		assertThat(status.lastErrorCode()).isEqualTo(KalturaApiException.INVALID_KS);
	}

	@Test
	void reportsUnreachableWhenNothingListensAndRecoversOnTheNextAnswer() {
		useSession();
		URI live = this.backend.serviceUrl();
		DemoKalturaBackend second = DemoKalturaBackend.start(DemoFaults::none, this.clock);
		second.close();
		new KalturaSessionCheck(this.session, checkClient(second.serviceUrl())).run();
		KalturaSessionStatus down = this.session.currentStatus();
		assertThat(down.state()).isEqualTo(KalturaSessionState.UNREACHABLE);
		assertThat(down.lastErrorCode()).isEqualTo("CONNECTION_FAILED");
		assertThat(down.checkedAt()).isEqualTo(this.clock.instant());

		new KalturaSessionCheck(this.session, checkClient(live)).run();
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
	}

	@Test
	void keepsTheSessionOnOtherApiErrorsAndRecordsThem() {
		useSession();
		KalturaClient failing = new KalturaClient(RestClient.builder(), this.backend.serviceUrl(), null,
				CHECK_TIMEOUT, CHECK_TIMEOUT) {
			@Override
			public SessionInfo getSession(KalturaSessionKey ks) {
				throw new KalturaApiException("session.get", "SERVICE_FORBIDDEN", "simulated");
			}
		};
		new KalturaSessionCheck(this.session, failing).run();
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.ACTIVE);
		assertThat(status.lastErrorCode()).isEqualTo("SERVICE_FORBIDDEN");
	}

	@Test
	void aPingThatHangsIsBoundedByTheCheckTimeout() {
		try (UnresponsiveServer hanging = UnresponsiveServer.start()) {
			long elapsed = timed(new KalturaSessionCheck(this.session, checkClient(hanging.url())));
			assertBoundedTimeout(elapsed);
			assertThat(hanging.acceptedCount()).isEqualTo(1);
		}
	}

	@Test
	void aSessionGetThatHangsIsBoundedByTheCheckTimeout() {
		useSession();
		try (UnresponsiveServer hanging = UnresponsiveServer.start()) {
			long elapsed = timed(new KalturaSessionCheck(this.session, checkClient(hanging.url())));
			assertBoundedTimeout(elapsed);
		}
	}

	private void assertBoundedTimeout(long elapsedNanos) {
		// At least the timeout, since the server accepted; the upper bound is generous so that it cannot flake.
		assertThat(Duration.ofNanos(elapsedNanos)).isGreaterThanOrEqualTo(CHECK_TIMEOUT.minusMillis(50))
			.isLessThan(CHECK_TIMEOUT.plusSeconds(3));
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.UNREACHABLE);
		assertThat(status.lastErrorCode()).isEqualTo("TIMEOUT");
		assertThat(status.checkedAt()).isEqualTo(this.clock.instant());
	}

	private static long timed(Runnable check) {
		long start = System.nanoTime();
		check.run();
		return System.nanoTime() - start;
	}

	private void check() {
		new KalturaSessionCheck(this.session, this.checkClient).run();
	}

	private void useSession() {
		this.session.call((ks) -> this.client.listMedia(ks, MediaFilter.freeText(null, 1)));
	}

	private static KalturaClient checkClient(URI serviceUrl) {
		return new KalturaClient(RestClient.builder(), serviceUrl, null, CHECK_TIMEOUT, CHECK_TIMEOUT);
	}

}
