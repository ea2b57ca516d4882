package io.github.mcpmonitoring.peers;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One configured MCP peer: probes it, keeps its {@link PeerStatus}, records its meters, and logs when it goes down
 * (once, at WARN) and when it answers again (INFO); each further failed probe only at DEBUG.
 */
public class McpPeer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(McpPeer.class);

	private final PeerSettings settings;

	private final McpPeerProbe probe;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Tags operationTags;

	private final AtomicReference<PeerStatus> status;

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile boolean closed;

	private final RecordingFailureLog recordingFailures = new RecordingFailureLog();

	/**
	 * Create a peer and register its gauges.
	 * @param settings the peer and how to probe it
	 * @param registry where its meters go
	 * @param clock the clock that dates its probes
	 */
	public McpPeer(PeerSettings settings, MeterRegistry registry, Clock clock) {
		this.settings = settings;
		this.probe = new McpPeerProbe(settings);
		this.registry = registry;
		this.clock = clock;
		this.status = new AtomicReference<>(PeerStatus.unknown(settings));
		this.operationTags = Tags.of(PeerMeterNames.TAG_PEER, settings.name(), PeerMeterNames.TAG_SERVER_ADDRESS,
				settings.address(), PeerMeterNames.TAG_SERVER_PORT, String.valueOf(settings.port()));
		registerGauges();
	}

	/**
	 * Return the peer's settings.
	 * @return the settings
	 */
	public PeerSettings settings() {
		return this.settings;
	}

	/**
	 * Return what is known of the peer after its last probe.
	 * @return the status
	 */
	public PeerStatus status() {
		return this.status.get();
	}

	/**
	 * Probe the peer now, unless a probe of it is still running, and update its status and meters when the probe
	 * ends. Returns at once.
	 * @return the status after this probe, or the current status when a probe was already running
	 */
	public CompletableFuture<PeerStatus> probe() {
		if (!this.probing.compareAndSet(false, true)) {
			return CompletableFuture.completedFuture(status());
		}
		try {
			return this.probe.probe().thenApply(this::completed).whenComplete((result, ex) -> this.probing.set(false));
		}
		catch (RuntimeException ex) {
			this.probing.set(false);
			throw ex;
		}
	}

	private PeerStatus completed(PeerProbeResult result) {
		PeerStatus previous = this.status.get();
		if (this.closed) {
			// A probe that was in flight when the application stopped says nothing of the peer.
			return previous;
		}
		PeerStatus current = previous.after(result, this.clock.instant());
		this.status.set(current);
		record(result);
		log(previous, current);
		return current;
	}

	private void record(PeerProbeResult result) {
		for (PeerProbeResult.Operation operation : result.operations()) {
			try {
				Timer.builder(PeerMeterNames.CLIENT_OPERATION_DURATION)
					.description("Duration of the MCP operations of the probes of peer MCP servers")
					.tags(this.operationTags)
					.tag(McpMeterNames.TAG_METHOD, operation.methodName())
					.tag(McpMeterNames.TAG_ERROR_TYPE, operation.errorType())
					.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(Duration[]::new))
					.register(this.registry)
					.record(operation.duration());
			}
			catch (RuntimeException ex) {
				this.recordingFailures.recordingFailed(PeerMeterNames.CLIENT_OPERATION_DURATION, ex);
			}
		}
	}

	private void log(PeerStatus previous, PeerStatus current) {
		if (current.state() == PeerState.DOWN) {
			if (previous.state() != PeerState.DOWN) {
				logger.warn("MCP peer '" + current.name() + "' at " + current.address() + " is down: "
						+ current.lastError() + " (error.type " + current.lastErrorType()
						+ "); further failed probes are logged at DEBUG until it answers again");
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("MCP peer '" + current.name() + "' is still down: " + current.lastError() + " ("
						+ current.consecutiveFailures() + " failed probes in a row)");
			}
		}
		else if (previous.state() == PeerState.DOWN) {
			logger.info("MCP peer '" + current.name() + "' at " + current.address() + " answers again after "
					+ previous.consecutiveFailures() + " failed probes");
		}
	}

	private void registerGauges() {
		Tags peer = Tags.of(PeerMeterNames.TAG_PEER, this.settings.name());
		Gauge.builder(PeerMeterNames.PEER_UP, this, (p) -> up(p.status()))
			.description("Whether the peer MCP server answered its last probe: 1 or 0, NaN before the first")
			.tags(peer)
			.strongReference(true)
			.register(this.registry);
		Gauge.builder(PeerMeterNames.PEER_CONSECUTIVE_FAILURES, this, (p) -> p.status().consecutiveFailures())
			.description("Failed probes of the peer MCP server in a row, reset by an answer")
			.tags(peer)
			.strongReference(true)
			.register(this.registry);
		Gauge.builder(PeerMeterNames.PEER_PROBE_DURATION, this, (p) -> seconds(p.status()))
			.description("Duration of the last probe of the peer MCP server when it answered; NaN after a failed one")
			.tags(peer)
			.baseUnit("seconds")
			.strongReference(true)
			.register(this.registry);
		if (this.settings.check() == PeerCheck.TOOLS_LIST) {
			Gauge.builder(PeerMeterNames.PEER_TOOLS, this, (p) -> tools(p.status()))
				.description("Tools the peer MCP server offered at its last answered tools/list")
				.tags(peer)
				.strongReference(true)
				.register(this.registry);
		}
	}

	private static double up(PeerStatus status) {
		return switch (status.state()) {
			case UP -> 1;
			case DOWN -> 0;
			case UNKNOWN -> Double.NaN;
		};
	}

	private static double seconds(PeerStatus status) {
		// Only answered probes: a failed one lasts as long as the failure took, which says nothing of speed.
		if (status.state() != PeerState.UP || status.lastLatency() == null) {
			return Double.NaN;
		}
		return status.lastLatency().toNanos() / 1e9;
	}

	private static double tools(PeerStatus status) {
		return (status.tools() != null) ? status.tools() : Double.NaN;
	}

	@Override
	public void close() {
		this.closed = true;
		this.probe.close();
	}

}
