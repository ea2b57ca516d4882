package io.github.mcpmonitoring.sample.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Kaltura connection ({@code kaltura.*}). Without {@code kaltura.service-url} the server
 * serves demo data from an embedded backend.
 */
@ConfigurationProperties("kaltura")
public class KalturaProperties implements Validator {

	/**
	 * URL of the Kaltura service, such as https://www.kaltura.com. Unset to serve demo data from an embedded
	 * backend.
	 */
	private String serviceUrl;

	/**
	 * Partner id. Required when service-url is set.
	 */
	private Integer partnerId;

	/**
	 * Admin secret of the partner. Required when service-url is set.
	 */
	private String adminSecret;

	/**
	 * User id the admin session is started for.
	 */
	private String userId = "mcp-server";

	/**
	 * Privileges of the admin session, such as "disableentitlement". Empty for none.
	 */
	private String privileges = "";

	/**
	 * Requested lifetime of the admin session.
	 */
	private Duration sessionExpiry = Duration.ofSeconds(86400);

	/**
	 * How long before expiry the admin session is replaced; at most half the lifetime Kaltura grants a session.
	 */
	private Duration sessionRefreshMargin = Duration.ofMinutes(5);

	/**
	 * Maximum time to establish a connection to Kaltura.
	 */
	private Duration connectTimeout = Duration.ofSeconds(2);

	/**
	 * Maximum time to wait for a Kaltura response.
	 */
	private Duration readTimeout = Duration.ofSeconds(10);

	/**
	 * Delay between two checks of the admin session against Kaltura (session.get, or system.ping without a
	 * session), which keep the kalturaSession health indicator fresh.
	 */
	private Duration sessionCheckInterval = Duration.ofSeconds(30);

	/**
	 * Maximum time one session check may take, connecting included; a check that takes longer reports Kaltura as
	 * unreachable.
	 */
	private Duration sessionCheckTimeout = Duration.ofSeconds(2);

	private final Demo demo = new Demo();

	public String getServiceUrl() {
		return this.serviceUrl;
	}

	public void setServiceUrl(String serviceUrl) {
		this.serviceUrl = serviceUrl;
	}

	public Integer getPartnerId() {
		return this.partnerId;
	}

	public void setPartnerId(Integer partnerId) {
		this.partnerId = partnerId;
	}

	public String getAdminSecret() {
		return this.adminSecret;
	}

	public void setAdminSecret(String adminSecret) {
		this.adminSecret = adminSecret;
	}

	public String getUserId() {
		return this.userId;
	}

	public void setUserId(String userId) {
		this.userId = userId;
	}

	public String getPrivileges() {
		return this.privileges;
	}

	public void setPrivileges(String privileges) {
		this.privileges = privileges;
	}

	public Duration getSessionExpiry() {
		return this.sessionExpiry;
	}

	public void setSessionExpiry(Duration sessionExpiry) {
		this.sessionExpiry = sessionExpiry;
	}

	public Duration getSessionRefreshMargin() {
		return this.sessionRefreshMargin;
	}

	public void setSessionRefreshMargin(Duration sessionRefreshMargin) {
		this.sessionRefreshMargin = sessionRefreshMargin;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getSessionCheckInterval() {
		return this.sessionCheckInterval;
	}

	public void setSessionCheckInterval(Duration sessionCheckInterval) {
		this.sessionCheckInterval = sessionCheckInterval;
	}

	public Duration getSessionCheckTimeout() {
		return this.sessionCheckTimeout;
	}

	public void setSessionCheckTimeout(Duration sessionCheckTimeout) {
		this.sessionCheckTimeout = sessionCheckTimeout;
	}

	public Demo getDemo() {
		return this.demo;
	}

	/**
	 * Whether no service URL is set, so that the embedded demo backend serves the calls.
	 * @return {@code true} in demo mode
	 */
	public boolean isDemoMode() {
		return !StringUtils.hasText(this.serviceUrl);
	}

	@Override
	public boolean supports(Class<?> type) {
		return KalturaProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		KalturaProperties properties = (KalturaProperties) target;
		if (!properties.isDemoMode()) {
			validateRealService(properties, errors);
		}
		if (!StringUtils.hasText(properties.userId)) {
			errors.rejectValue("userId", "required", "kaltura.user-id must not be empty");
		}
		requirePositive(properties.sessionExpiry, "sessionExpiry", "kaltura.session-expiry", errors);
		requirePositive(properties.connectTimeout, "connectTimeout", "kaltura.connect-timeout", errors);
		requirePositive(properties.readTimeout, "readTimeout", "kaltura.read-timeout", errors);
		requirePositive(properties.sessionCheckInterval, "sessionCheckInterval", "kaltura.session-check-interval",
				errors);
		requirePositive(properties.sessionCheckTimeout, "sessionCheckTimeout", "kaltura.session-check-timeout",
				errors);
		validateRefreshMargin(properties, errors);
		properties.demo.validate(errors);
	}

	private static void validateRealService(KalturaProperties properties, Errors errors) {
		if (!isHttpUrl(properties.serviceUrl)) {
			errors.rejectValue("serviceUrl", "invalid", "kaltura.service-url must be an http or https URL");
		}
		if (properties.partnerId == null) {
			errors.rejectValue("partnerId", "required",
					"kaltura.partner-id must be set when kaltura.service-url is set");
		}
		if (!StringUtils.hasText(properties.adminSecret)) {
			// No rejected value: it would be the (empty or blank) secret.
			errors.rejectValue("adminSecret", "required",
					"kaltura.admin-secret must be set when kaltura.service-url is set");
		}
	}

	private static void validateRefreshMargin(KalturaProperties properties, Errors errors) {
		Duration margin = properties.sessionRefreshMargin;
		if (margin == null || margin.isNegative()
				|| (properties.sessionExpiry != null && margin.compareTo(properties.sessionExpiry) >= 0)) {
			errors.rejectValue("sessionRefreshMargin", "invalid",
					"kaltura.session-refresh-margin must be at least 0 and shorter than kaltura.session-expiry");
		}
	}

	private static void requirePositive(Duration value, String field, String property, Errors errors) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "invalid", property + " must be positive");
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = URI.create(url.trim());
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Faults the embedded demo backend injects ({@code kaltura.demo.*}); ignored with a real service.
	 */
	public static class Demo {

		/**
		 * Delay added to every call to the demo backend.
		 */
		private Duration latency = Duration.ZERO;

		/**
		 * Fraction (0 to 1) of media and category calls the demo backend answers with a Kaltura API error.
		 */
		private double errorRate;

		public Duration getLatency() {
			return this.latency;
		}

		public void setLatency(Duration latency) {
			this.latency = latency;
		}

		public double getErrorRate() {
			return this.errorRate;
		}

		public void setErrorRate(double errorRate) {
			this.errorRate = errorRate;
		}

		void validate(Errors errors) {
			if (this.latency == null || this.latency.isNegative()) {
				errors.rejectValue("demo.latency", "invalid", "kaltura.demo.latency must not be negative");
			}
			if (!(this.errorRate >= 0 && this.errorRate <= 1)) {
				errors.rejectValue("demo.errorRate", "invalid", "kaltura.demo.error-rate must be between 0 and 1");
			}
		}

	}

}
