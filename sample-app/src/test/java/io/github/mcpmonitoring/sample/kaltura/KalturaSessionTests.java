package io.github.mcpmonitoring.sample.kaltura;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.sample.kaltura.KalturaTransportException.Reason;
import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link KalturaSession} against the demo backend, with a clock both share.
 */
class KalturaSessionTests {

	private static final Duration EXPIRY = Duration.ofHours(24);

	private static final Duration MARGIN = Duration.ofMinutes(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

	private DemoKalturaBackend backend;

	private CountingClient client;

	private KalturaSession session;

	@BeforeEach
	void start() {
		this.backend = DemoKalturaBackend.start(DemoFaults::none, this.clock);
		this.client = new CountingClient(this.backend.serviceUrl());
		this.session = new KalturaSession(this.client, settings(this.backend.adminSecret()), this.clock);
	}

	@AfterEach
	void stop() {
		this.backend.close();
	}

	@Test
	void startsNoSessionUntilFirstUse() {
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(this.backend.callCount()).isZero();
		assertThat(status.state()).isEqualTo(KalturaSessionState.NO_SESSION);
		assertThat(status.partnerId()).isEqualTo(this.backend.partnerId());
		assertThat(status.userId()).isEqualTo("mcp-test");
		assertThat(status.expiresAt()).isNull();
		assertThat(status.lastRefreshAt()).isNull();
	}

	@Test
	void startsAnAdminSessionOnFirstCallAndReusesIt() {
		listOne();
		listOne();
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(this.client.starts.get()).isEqualTo(1);
		assertThat(status.state()).isEqualTo(KalturaSessionState.ACTIVE);
		assertThat(status.sessionType()).isEqualTo("ADMIN");
		assertThat(status.expiresAt()).isEqualTo(this.clock.instant().plus(EXPIRY));
		assertThat(status.lastRefreshAt()).isEqualTo(this.clock.instant());
		assertThat(status.lastErrorCode()).isNull();
	}

	@Test
	void isExpiringInsideTheRefreshMarginAndRefreshesOnNextCall() {
		listOne();
		this.clock.add(EXPIRY.minus(MARGIN).plusSeconds(1));
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.EXPIRING);
		listOne();
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(this.client.starts.get()).isEqualTo(2);
		assertThat(status.state()).isEqualTo(KalturaSessionState.ACTIVE);
		assertThat(status.lastRefreshAt()).isEqualTo(this.clock.instant());
		assertThat(status.expiresAt()).isEqualTo(this.clock.instant().plus(EXPIRY));
	}

	@Test
	void doesNotRefreshOutsideTheMargin() {
		listOne();
		this.clock.add(EXPIRY.minus(MARGIN).minusSeconds(1));
		listOne();
		assertThat(this.client.starts.get()).isEqualTo(1);
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
	}

	@Test
	void keepsTheCurrentSessionWhenARefreshInsideTheMarginFails() {
		listOne();
		this.clock.add(EXPIRY.minus(MARGIN).plusSeconds(1));
		this.client.failStarts.set(true);
		assertThat(listOne().objects()).hasSize(1);
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.EXPIRING);
		assertThat(status.lastErrorCode()).isEqualTo("CONNECTION_FAILED");
		assertThat(status.lastErrorAt()).isEqualTo(this.clock.instant());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void triesAFailedRefreshAgainOnlyAfterTheRetryInterval(CapturedOutput output) {
		listOne();
		this.clock.add(EXPIRY.minus(MARGIN).plusSeconds(1));
		this.client.failStarts.set(true);
		for (int i = 0; i < 10; i++) {
			assertThat(listOne().objects()).hasSize(1);
		}
		this.clock.add(KalturaSession.REFRESH_RETRY_INTERVAL.minusSeconds(1));
		assertThat(listOne().objects()).hasSize(1);
		assertThat(this.client.starts.get()).isEqualTo(2);
		assertThat(output.getOut().split("Could not refresh the Kaltura session", -1)).hasSize(2);

		this.clock.add(Duration.ofSeconds(1));
		for (int i = 0; i < 10; i++) {
			assertThat(listOne().objects()).hasSize(1);
		}
		assertThat(this.client.starts.get()).isEqualTo(3);
		assertThat(output.getOut().split("Could not refresh the Kaltura session", -1)).hasSize(3);
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.EXPIRING);

		// Once Kaltura answers again, the next retry replaces the session.
		this.client.failStarts.set(false);
		this.clock.add(KalturaSession.REFRESH_RETRY_INTERVAL);
		listOne();
		listOne();
		assertThat(this.client.starts.get()).isEqualTo(4);
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
	}

	@Test
	void callsMadeWhileARefreshIsInProgressKeepTheCurrentSession() throws Exception {
		listOne();
		this.clock.add(EXPIRY.minus(MARGIN).plusSeconds(1));
		this.client.startEntered = new CountDownLatch(1);
		this.client.startGate = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<KalturaList<MediaEntry>> refreshing = pool.submit(this::listOne);
			assertThat(this.client.startEntered.await(10, TimeUnit.SECONDS)).isTrue();
			// A deadlock guard, not a timing assertion: the refresh is parked until the gate opens.
			KalturaList<MediaEntry> during = assertTimeoutPreemptively(Duration.ofSeconds(5), this::listOne);
			assertThat(during.objects()).hasSize(1);
			this.client.startGate.countDown();
			assertThat(refreshing.get(10, TimeUnit.SECONDS).objects()).hasSize(1);
			assertThat(this.client.starts.get()).isEqualTo(2);
			assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
		}
		finally {
			this.client.startGate.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void usesAtMostHalfTheGrantedLifetimeAsTheMarginWhenKalturaGrantsLessThanTheMargin() {
		Duration granted = Duration.ofSeconds(200);
		this.client.grantedExpiry = granted;
		Instant startedAt = this.clock.instant();
		listOne();
		assertThat(this.session.currentStatus().expiresAt()).isEqualTo(startedAt.plus(granted));
		this.clock.add(granted.dividedBy(2).minusSeconds(1));
		listOne();
		listOne();
		assertThat(this.client.starts.get()).isEqualTo(1);
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);

		this.clock.add(Duration.ofSeconds(2));
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.EXPIRING);
		listOne();
		assertThat(this.client.starts.get()).isEqualTo(2);
		assertThat(this.session.currentStatus().expiresAt()).isEqualTo(this.clock.instant().plus(granted));
	}

	@Test
	void isExpiredAfterExpiryAndStartsANewSessionOnNextCall() {
		listOne();
		this.clock.add(EXPIRY.plusSeconds(1));
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.EXPIRED);
		listOne();
		assertThat(this.client.starts.get()).isEqualTo(2);
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
	}

	@Test
	void reissuesTheSessionOnceOnInvalidKsAndRetriesTheCall() {
		listOne();
		this.backend.revokeSessions();
		assertThat(listOne().objects()).hasSize(1);
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(this.client.starts.get()).isEqualTo(2);
		assertThat(status.state()).isEqualTo(KalturaSessionState.ACTIVE);
		assertThat(status.lastErrorCode()).isEqualTo(KalturaApiException.INVALID_KS);
	}

	@Test
	void propagatesASecondInvalidKs() {
		AtomicInteger attempts = new AtomicInteger();
		KalturaApiException ex = catchThrowableOfType(KalturaApiException.class, () -> this.session.call((ks) -> {
			attempts.incrementAndGet();
			this.backend.revokeSessions();
			return this.client.listMedia(ks, MediaFilter.freeText(null, 1));
		}));
		assertThat(ex.getCode()).isEqualTo(KalturaApiException.INVALID_KS);
		assertThat(attempts).hasValue(2);
		assertThat(this.client.starts.get()).isEqualTo(2);
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.EXPIRED);
		assertThat(status.expiresAt()).isNull();
		assertThat(status.lastErrorCode()).isEqualTo(KalturaApiException.INVALID_KS);
	}

	@Test
	void doesNotRetryOtherApiErrors() {
		assertThatExceptionOfType(KalturaApiException.class)
			.isThrownBy(() -> this.session.call((ks) -> this.client.getMedia(ks, "0_missing1")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(KalturaApiException.ENTRY_ID_NOT_FOUND));
		assertThat(this.client.starts.get()).isEqualTo(1);
		KalturaSessionStatus status = this.session.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.ACTIVE);
		assertThat(status.lastErrorCode()).isNull();
	}

	@Test
	void isUnreachableWhenTheBackendIsDownAndRecoversWhenItAnswers() {
		this.backend.close();
		KalturaTransportException ex = catchThrowableOfType(KalturaTransportException.class, this::listOne);
		assertThat(ex.getReason()).isEqualTo(Reason.CONNECTION_FAILED);
		KalturaSessionStatus down = this.session.currentStatus();
		assertThat(down.state()).isEqualTo(KalturaSessionState.UNREACHABLE);
		assertThat(down.lastErrorCode()).isEqualTo("CONNECTION_FAILED");
		assertThat(down.lastErrorAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void isUnreachableWhenADataCallGetsNoAnswerAndActiveAfterTheNextAnswer() {
		listOne();
		assertThatExceptionOfType(KalturaTransportException.class).isThrownBy(() -> this.session.call((ks) -> {
			throw new KalturaTransportException("media.list", Reason.TIMEOUT, "simulated", null);
		}));
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.UNREACHABLE);
		listOne();
		assertThat(this.session.currentStatus().state()).isEqualTo(KalturaSessionState.ACTIVE);
	}

	@Test
	void reportsAStartRejectedByKalturaWithItsCode() {
		KalturaSession wrongSecret = new KalturaSession(this.client, settings("not-the-secret"), this.clock);
		assertThatExceptionOfType(KalturaApiException.class).isThrownBy(() -> wrongSecret.call(this::list))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("not-the-secret"));
		KalturaSessionStatus status = wrongSecret.currentStatus();
		assertThat(status.state()).isEqualTo(KalturaSessionState.NO_SESSION);
		assertThat(status.lastErrorCode()).isEqualTo("START_SESSION_ERROR");
	}

	@Test
	void startsOneSessionForConcurrentFirstCalls() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<KalturaList<MediaEntry>>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(this::listOne);
			}
			for (Future<KalturaList<MediaEntry>> result : pool.invokeAll(calls)) {
				assertThat(result.get().objects()).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.client.starts.get()).isEqualTo(1);
	}

	@Test
	void callsThatWaitedForAFailedStartFailWithItInsteadOfStartingAgain() throws Exception {
		this.client.startGate = new CountDownLatch(1);
		this.client.failStarts.set(true);
		FutureTask<KalturaList<MediaEntry>> first = new FutureTask<>(this::listOne);
		FutureTask<KalturaList<MediaEntry>> second = new FutureTask<>(this::listOne);
		Thread firstThread = new Thread(first);
		Thread secondThread = new Thread(second);
		try {
			firstThread.start();
			assertThat(this.client.startEntered.await(10, TimeUnit.SECONDS)).isTrue();
			secondThread.start();
			awaitBlocked(secondThread);
			this.client.startGate.countDown();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> first.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(KalturaTransportException.class);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(KalturaTransportException.class);
			assertThat(this.client.starts.get()).isEqualTo(1);

			// The next call, made after the failure, tries again.
			this.client.failStarts.set(false);
			assertThat(listOne().objects()).hasSize(1);
			assertThat(this.client.starts.get()).isEqualTo(2);
		}
		finally {
			this.client.startGate.countDown();
			firstThread.join(10_000);
			secondThread.join(10_000);
		}
	}

	@Test
	void callsRejectedTogetherFailWithAReissueThatFailedInsteadOfEachStartingAgain() throws Exception {
		int callers = 4;
		listOne();
		this.backend.revokeSessions();
		this.client.startEntered = new CountDownLatch(1);
		this.client.startGate = new CountDownLatch(1);
		this.client.failStarts.set(true);
		// Every call holds the revoked KS before any of them is rejected.
		CountDownLatch allHoldTheKey = new CountDownLatch(callers);
		List<FutureTask<KalturaList<MediaEntry>>> calls = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			FutureTask<KalturaList<MediaEntry>> call = new FutureTask<>(() -> this.session.call((ks) -> {
				allHoldTheKey.countDown();
				await(allHoldTheKey);
				return list(ks);
			}));
			calls.add(call);
			threads.add(new Thread(call));
		}
		try {
			threads.forEach(Thread::start);
			assertThat(this.client.startEntered.await(10, TimeUnit.SECONDS)).isTrue();
			awaitBlockedIn("reissue", threads, callers - 1);
			this.client.startGate.countDown();
			for (FutureTask<KalturaList<MediaEntry>> call : calls) {
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(10, TimeUnit.SECONDS))
					.withCauseInstanceOf(KalturaTransportException.class);
			}
			assertThat(this.client.starts.get()).isEqualTo(2);

			// The next call, made after the failure, tries again.
			this.client.failStarts.set(false);
			assertThat(listOne().objects()).hasSize(1);
			assertThat(this.client.starts.get()).isEqualTo(3);
		}
		finally {
			this.client.startGate.countDown();
			for (Thread thread : threads) {
				thread.join(10_000);
			}
		}
	}

	@Test
	void statusDoesNotWaitForASessionStartInProgress() throws Exception {
		this.client.startGate = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<KalturaList<MediaEntry>> firstCall = pool.submit(this::listOne);
			assertThat(this.client.startEntered.await(10, TimeUnit.SECONDS)).isTrue();
			// A deadlock guard, not a timing assertion: the start is parked until the gate opens.
			KalturaSessionStatus during = assertTimeoutPreemptively(Duration.ofSeconds(5), this.session::currentStatus);
			assertThat(during.state()).isEqualTo(KalturaSessionState.NO_SESSION);
			this.client.startGate.countDown();
			assertThat(firstCall.get(10, TimeUnit.SECONDS).objects()).hasSize(1);
		}
		finally {
			this.client.startGate.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void neitherStatusNorSettingsRevealTheKsOrSecret() {
		List<KalturaSessionKey> used = new ArrayList<>();
		this.session.call((ks) -> {
			used.add(ks);
			return list(ks);
		});
		String ks = used.get(0).value();
		assertThat(this.session.currentStatus().toString()).doesNotContain(ks);
		assertThat(settings(this.backend.adminSecret()).toString()).doesNotContain(this.backend.adminSecret());
	}

	/** Wait until a thread is blocked on a monitor: here, the session's start lock. */
	private static void awaitBlocked(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (thread.getState() != Thread.State.BLOCKED) {
			assertThat(System.nanoTime()).as("%s blocked on the start lock", thread.getName()).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	/** Wait until {@code count} of the threads are blocked on a monitor in the given method of the session. */
	private static void awaitBlockedIn(String method, List<Thread> threads, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (threads.stream().filter((thread) -> isBlockedIn(thread, method)).count() < count) {
			assertThat(System.nanoTime()).as("%d threads blocked in %s", count, method).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static boolean isBlockedIn(Thread thread, String method) {
		StackTraceElement[] stack = thread.getStackTrace();
		return thread.getState() == Thread.State.BLOCKED && stack.length > 0
				&& stack[0].getClassName().equals(KalturaSession.class.getName())
				&& stack[0].getMethodName().equals(method);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private KalturaList<MediaEntry> listOne() {
		return this.session.call(this::list);
	}

	private KalturaList<MediaEntry> list(KalturaSessionKey ks) {
		return this.client.listMedia(ks, MediaFilter.freeText(null, 1));
	}

	private static KalturaSessionSettings settings(String secret) {
		return new KalturaSessionSettings(DemoKalturaBackend.PARTNER_ID, secret, "mcp-test", "", EXPIRY, MARGIN);
	}

	/**
	 * A real client that counts session starts and can be told to fail them or to have a shorter lifetime granted.
	 */
	static final class CountingClient extends KalturaClient {

		final AtomicInteger starts = new AtomicInteger();

		final AtomicBoolean failStarts = new AtomicBoolean();

		volatile CountDownLatch startEntered = new CountDownLatch(1);

		volatile CountDownLatch startGate;

		// The lifetime Kaltura grants, when shorter than the one requested.
		volatile Duration grantedExpiry;

		CountingClient(URI serviceUrl) {
			super(RestClient.builder(), serviceUrl, null, Duration.ofSeconds(2), Duration.ofSeconds(5));
		}

		@Override
		public KalturaSessionKey startSession(String secret, String userId, KalturaSessionType type, int partnerId,
				Duration expiry, String privileges) {
			this.starts.incrementAndGet();
			this.startEntered.countDown();
			awaitGate();
			if (this.failStarts.get()) {
				throw new KalturaTransportException("session.start", Reason.CONNECTION_FAILED, "simulated", null);
			}
			Duration granted = (this.grantedExpiry != null) ? this.grantedExpiry : expiry;
			return super.startSession(secret, userId, type, partnerId, granted, privileges);
		}

		private void awaitGate() {
			try {
				if (this.startGate != null) {
					this.startGate.await(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
