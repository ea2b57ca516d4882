package io.github.mcpmonitoring.sample.kaltura;

import java.net.URI;
import java.util.Objects;

/**
 * Where the server's Kaltura calls go and with which partner credentials; {@link #toString()} hides the secret.
 * The service URL never carries user info: Kaltura authenticates with the session, and a {@code user:password@} in
 * the URL would otherwise reach the log and {@code get_session_info}.
 *
 * @param serviceUrl Kaltura service URL, without user info
 * @param partnerId partner id
 * @param adminSecret admin secret of the partner
 * @param demo whether this is the embedded demo backend rather than a real Kaltura service
 */
public record KalturaEndpoint(URI serviceUrl, int partnerId, String adminSecret, boolean demo) {

	public KalturaEndpoint {
		Objects.requireNonNull(serviceUrl, "serviceUrl must not be null");
		Objects.requireNonNull(adminSecret, "adminSecret must not be null");
		serviceUrl = URI.create(SessionFreeUrls.withoutUserInfo(serviceUrl.toString()));
	}

	@Override
	public String toString() {
		return "KalturaEndpoint[serviceUrl=" + this.serviceUrl + ", partnerId=" + this.partnerId + ", demo="
				+ this.demo + "]";
	}

}
