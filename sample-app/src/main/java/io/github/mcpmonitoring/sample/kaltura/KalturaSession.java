package io.github.mcpmonitoring.sample.kaltura;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Kaltura admin session: started on first use, replaced inside the refresh margin before it expires,
 * and re-issued once when Kaltura rejects it with {@code INVALID_KS}. When a refresh inside the margin fails, calls
 * keep the current session and the next refresh is tried {@link #REFRESH_RETRY_INTERVAL} after the failed one began,
 * so an unreachable Kaltura costs one attempt per interval rather than one per call. The margin used for a session is
 * at most half the lifetime Kaltura granted it, so a session granted less than the configured margin is still reused
 * for a while instead of being replaced on every call. Thread-safe; tells the starter's
 * {@code kalturaSession} health indicator its state through {@link #currentStatus()}, which a
 * {@link KalturaSessionCheck} keeps fresh.
 */
public class KalturaSession implements KalturaSessionStatusProvider {

	private static final Logger logger = LoggerFactory.getLogger(KalturaSession.class);

	/**
	 * How long after a refresh inside the margin began, when it failed, the next one may begin; meanwhile calls use
	 * the current session, which is still valid.
	 */
	static final Duration REFRESH_RETRY_INTERVAL = Duration.ofSeconds(30);

	private final KalturaClient client;

	private final KalturaSessionSettings settings;

	private final Clock clock;

	// Serialises session starts; held across HTTP calls, unlike lock.
	private final Object startLock = new Object();

	// Written with startLock held; read before waiting for it, to tell whether a start ended meanwhile.
	private volatile long finishedStarts;

	// Guarded by startLock: how the last start ended, when it failed.
	private KalturaException lastStartFailure;

	private final Object lock = new Object();

	// All fields below are guarded by lock.
	private KalturaSessionKey key;

	private Instant expiresAt;

	// The refresh margin of the current session: the configured one, at most half the lifetime granted.
	private Duration refreshMargin;

	private Instant lastRefreshAt;

	// Inside the margin, no refresh begins before it: set when one begins, cleared when a session starts.
	private Instant refreshRetryAt;

	private int partnerId;

	private String userId;

	private KalturaSessionType sessionType = KalturaSessionType.ADMIN;

	private boolean rejected;

	private boolean unreachable;

	private String lastErrorCode;

	private Instant lastErrorAt;

	private Instant checkedAt;

	public KalturaSession(KalturaClient client, KalturaSessionSettings settings, Clock clock) {
		this.client = client;
		this.settings = settings;
		this.clock = clock;
		this.partnerId = settings.partnerId();
		this.userId = settings.userId();
	}

	/**
	 * Runs a Kaltura call with a valid admin session, starting or replacing the session when needed. When Kaltura
	 * answers {@code INVALID_KS}, the session is re-issued and the call retried once; a second {@code INVALID_KS}
	 * propagates. Calls that wait for a start another call has in progress fail with its failure, if it fails,
	 * instead of each starting a session in turn.
	 * @param call the call, given the session to use
	 * @param <T> the call's result type
	 * @return the call's result
	 * @throws KalturaException when the session cannot be started or the call fails
	 */
	public <T> T call(Function<KalturaSessionKey, T> call) {
		KalturaSessionKey used = currentKey();
		try {
			return attempt(call, used);
		}
		catch (KalturaApiException ex) {
			if (!ex.isInvalidKs()) {
				throw ex;
			}
			return attempt(call, reissue(used));
		}
	}

	/**
	 * Returns the session's state now from what is already known: never calls Kaltura, never starts a session, and
	 * holds no KS.
	 * @return the status
	 */
	@Override
	public KalturaSessionStatus currentStatus() {
		synchronized (this.lock) {
			return new KalturaSessionStatus(state(this.clock.instant()), this.partnerId, this.sessionType.name(),
					this.userId, this.expiresAt, this.lastRefreshAt, this.lastErrorCode, this.lastErrorAt,
					this.checkedAt);
		}
	}

	/**
	 * Returns the current KS for a check, even one past its expiry; never starts a session.
	 * @return the current KS, or {@code null} without one
	 */
	KalturaSessionKey keyToCheck() {
		synchronized (this.lock) {
			return this.key;
		}
	}

	/**
	 * Records a check in which Kaltura described the checked KS as valid.
	 * @param checked the KS that was checked
	 * @param info what Kaltura said about it
	 */
	void checkPassed(KalturaSessionKey checked, SessionInfo info) {
		synchronized (this.lock) {
			this.unreachable = false;
			if (checked.equals(this.key) && info.expiry() != null) {
				this.expiresAt = Instant.ofEpochSecond(info.expiry());
			}
			this.checkedAt = this.clock.instant();
		}
	}

	/**
	 * Records a check in which Kaltura answered without a session to describe: the next call starts one, so a
	 * session it rejected earlier no longer counts as expired.
	 */
	void checkAnswered() {
		synchronized (this.lock) {
			this.unreachable = false;
			if (this.key == null) {
				this.rejected = false;
			}
			this.checkedAt = this.clock.instant();
		}
	}

	/**
	 * Records a check that Kaltura answered with an error: {@code INVALID_KS} drops the checked KS.
	 * @param checked the KS that was checked, or {@code null} for a ping
	 * @param ex the error
	 */
	void checkRejected(KalturaSessionKey checked, KalturaApiException ex) {
		synchronized (this.lock) {
			if (ex.isInvalidKs() && checked != null) {
				markRejected(checked, ex);
			}
			else {
				recordError(ex);
				this.unreachable = false;
			}
			this.checkedAt = this.clock.instant();
		}
	}

	/**
	 * Records a check that got no answer from Kaltura.
	 * @param ex the transport failure
	 */
	void checkFailed(KalturaTransportException ex) {
		synchronized (this.lock) {
			markUnreachable(ex);
			this.checkedAt = this.clock.instant();
		}
	}

	private <T> T attempt(Function<KalturaSessionKey, T> call, KalturaSessionKey key) {
		try {
			T result = call.apply(key);
			markReachable();
			return result;
		}
		catch (KalturaApiException ex) {
			if (ex.isInvalidKs()) {
				markRejected(key, ex);
			}
			else {
				markReachable();
			}
			throw ex;
		}
		catch (KalturaTransportException ex) {
			markUnreachable(ex);
			throw ex;
		}
	}

	private KalturaSessionKey currentKey() {
		KalturaSessionKey usable = usableKey();
		if (usable != null) {
			return usable;
		}
		long finishedBeforeWaiting = this.finishedStarts;
		synchronized (this.startLock) {
			// Another thread may have started a session, or begun a refresh, while this one waited.
			usable = usableKey();
			if (usable != null) {
				return usable;
			}
			KalturaSessionKey valid = validKey();
			if (this.finishedStarts != finishedBeforeWaiting && this.lastStartFailure != null) {
				// A start failed while this call waited: callers queued behind an unreachable Kaltura fail with it
				// rather than each waiting for a start of its own.
				if (valid != null) {
					return valid;
				}
				throw this.lastStartFailure;
			}
			return (valid != null) ? refreshOrKeep(valid) : start();
		}
	}

	private KalturaSessionKey reissue(KalturaSessionKey rejectedKey) {
		long finishedBeforeWaiting = this.finishedStarts;
		synchronized (this.startLock) {
			synchronized (this.lock) {
				// Another thread may have re-issued already after the same rejection.
				if (this.key != null && !this.key.equals(rejectedKey)) {
					return this.key;
				}
			}
			if (this.finishedStarts != finishedBeforeWaiting && this.lastStartFailure != null) {
				// As in currentKey: callers rejected together fail with the re-issue that failed while they waited
				// rather than each waiting for a start of its own.
				throw this.lastStartFailure;
			}
			return start();
		}
	}

	// Inside the margin the old session still works, so a failed refresh must not fail the call. The retry time is
	// set before the attempt, so calls made while it is in progress keep the old session instead of waiting for it.
	private KalturaSessionKey refreshOrKeep(KalturaSessionKey valid) {
		Instant retryAt;
		synchronized (this.lock) {
			retryAt = this.clock.instant().plus(REFRESH_RETRY_INTERVAL);
			this.refreshRetryAt = retryAt;
		}
		try {
			return startSession();
		}
		catch (KalturaException ex) {
			logger.warn("Could not refresh the Kaltura session before expiry ({}); using the current one and trying "
					+ "again after {}", ex.getMessage(), retryAt);
			return valid;
		}
	}

	// Called with startLock held.
	private KalturaSessionKey start() {
		try {
			return startSession();
		}
		catch (KalturaApiException ex) {
			logger.warn("Could not start a Kaltura session for partner {}: {}", this.settings.partnerId(),
					ex.getMessage());
			throw ex;
		}
	}

	// Called with startLock held: one start at a time, while the status and fresh keys stay available. Logs nothing
	// on failure; the caller does.
	private KalturaSessionKey startSession() {
		Instant now = this.clock.instant();
		this.lastStartFailure = null;
		try {
			KalturaSessionKey started = this.client.startSession(this.settings.adminSecret(), this.settings.userId(),
					KalturaSessionType.ADMIN, this.settings.partnerId(), this.settings.expiry(),
					this.settings.privileges());
			SessionInfo info = this.client.getSession(started);
			activate(started, info, now);
			return started;
		}
		catch (KalturaTransportException ex) {
			this.lastStartFailure = ex;
			markUnreachable(ex);
			throw ex;
		}
		catch (KalturaApiException ex) {
			this.lastStartFailure = ex;
			markStartRejected(ex);
			throw ex;
		}
		finally {
			this.finishedStarts++;
		}
	}

	// The key to use without a start: one before its refresh margin, or a valid one while a refresh that began
	// inside the margin waits for its retry time.
	private KalturaSessionKey usableKey() {
		synchronized (this.lock) {
			if (this.key == null) {
				return null;
			}
			Instant now = this.clock.instant();
			boolean waitingForRetry = this.refreshRetryAt != null && now.isBefore(this.refreshRetryAt)
					&& now.isBefore(this.expiresAt);
			return (now.isBefore(refreshAt()) || waitingForRetry) ? this.key : null;
		}
	}

	private KalturaSessionKey validKey() {
		synchronized (this.lock) {
			return (this.key != null && this.clock.instant().isBefore(this.expiresAt)) ? this.key : null;
		}
	}

	private void activate(KalturaSessionKey started, SessionInfo info, Instant now) {
		synchronized (this.lock) {
			this.key = started;
			// Kaltura may shorten the requested lifetime: trust what it reports.
			this.expiresAt = (info.expiry() != null) ? Instant.ofEpochSecond(info.expiry())
					: now.plus(this.settings.expiry());
			this.lastRefreshAt = now;
			this.refreshRetryAt = null;
			Duration halfGranted = Duration.between(now, this.expiresAt).dividedBy(2);
			this.refreshMargin = halfGranted.isNegative() ? Duration.ZERO
					: min(this.settings.refreshMargin(), halfGranted);
			this.partnerId = (info.partnerId() != null) ? info.partnerId() : this.settings.partnerId();
			this.userId = (info.userId() != null) ? info.userId() : this.settings.userId();
			this.sessionType = (info.sessionType() != null) ? KalturaSessionType.fromCode(info.sessionType())
					: KalturaSessionType.ADMIN;
			this.rejected = false;
			this.unreachable = false;
			logger.info("Started a Kaltura {} session for partner {} (user {}), valid until {}", this.sessionType,
					this.partnerId, this.userId, this.expiresAt);
		}
	}

	private void markRejected(KalturaSessionKey key, KalturaApiException ex) {
		synchronized (this.lock) {
			recordError(ex);
			this.unreachable = false;
			if (key.equals(this.key)) {
				this.key = null;
				this.expiresAt = null;
				this.rejected = true;
			}
		}
	}

	private void markStartRejected(KalturaApiException ex) {
		synchronized (this.lock) {
			recordError(ex);
			this.unreachable = false;
		}
	}

	private void markUnreachable(KalturaTransportException ex) {
		synchronized (this.lock) {
			recordError(ex);
			this.unreachable = true;
		}
	}

	private void markReachable() {
		synchronized (this.lock) {
			this.unreachable = false;
		}
	}

	private void recordError(KalturaException ex) {
		this.lastErrorCode = ex.getCode();
		this.lastErrorAt = this.clock.instant();
	}

	private Instant refreshAt() {
		return this.expiresAt.minus(this.refreshMargin);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private KalturaSessionState state(Instant now) {
		if (this.unreachable) {
			return KalturaSessionState.UNREACHABLE;
		}
		if (this.key == null) {
			return this.rejected ? KalturaSessionState.EXPIRED : KalturaSessionState.NO_SESSION;
		}
		if (!now.isBefore(this.expiresAt)) {
			return KalturaSessionState.EXPIRED;
		}
		return now.isBefore(refreshAt()) ? KalturaSessionState.ACTIVE : KalturaSessionState.EXPIRING;
	}

}
