package io.github.mcpmonitoring.sample.kaltura;

import java.net.URI;
import java.util.Objects;

/**
 * Where the server's Kaltura calls go and with which partner credentials; {@link #toString()} hides the secret.
 *
 * @param serviceUrl Kaltura service URL
 * @param partnerId partner id
 * @param adminSecret admin secret of the partner
 * @param demo whether this is the embedded demo backend rather than a real Kaltura service
 */
public record KalturaEndpoint(URI serviceUrl, int partnerId, String adminSecret, boolean demo) {

	public KalturaEndpoint {
		Objects.requireNonNull(serviceUrl, "serviceUrl must not be null");
		Objects.requireNonNull(adminSecret, "adminSecret must not be null");
	}

	@Override
	public String toString() {
		return "KalturaEndpoint[serviceUrl=" + this.serviceUrl + ", partnerId=" + this.partnerId + ", demo="
				+ this.demo + "]";
	}

}
