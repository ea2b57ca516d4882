package io.github.mcpmonitoring.alerts.rules;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;

/**
 * {@code McpKalturaSessionInvalid}: the application's Kaltura session is expired, revoked or unreachable.
 */
public class KalturaSessionRule extends BuiltInAlertRule {

	/** The id of this rule. */
	public static final String ID = "kaltura-session";

	private final KalturaSessionStatusProvider provider;

	/**
	 * Create the rule.
	 * @param settings severity and {@code for} (the threshold is not used)
	 * @param provider the application's session status
	 */
	public KalturaSessionRule(RuleSettings settings, KalturaSessionStatusProvider provider) {
		super(ID, "McpKalturaSessionInvalid", settings);
		this.provider = provider;
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		KalturaSessionStatus status = this.provider.currentStatus();
		if (status.state() == KalturaSessionState.EXPIRED || status.state() == KalturaSessionState.UNREACHABLE) {
			return List.of(candidate(Map.of("state", status.state().name().toLowerCase(Locale.ROOT)), 1));
		}
		return List.of();
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return "Kaltura session is " + label(candidate, "state");
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "The server's Kaltura session is expired, revoked or Kaltura cannot be reached, so tools that call"
				+ " Kaltura fail. See the kalturaSession component of /actuator/health for the last error code.";
	}

}
