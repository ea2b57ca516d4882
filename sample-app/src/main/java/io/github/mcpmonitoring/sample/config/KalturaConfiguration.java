package io.github.mcpmonitoring.sample.config;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.github.mcpmonitoring.errors.RedactedValuesProvider;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import io.github.mcpmonitoring.sample.kaltura.KalturaClient;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaFailureClassifier;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Kaltura client, admin session and catalog beans, pointed at the configured service or, without
 * {@code kaltura.service-url}, at an embedded demo backend.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KalturaProperties.class)
public class KalturaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KalturaConfiguration.class);

	@Bean
	@Conditional(OnDemoModeCondition.class)
	DemoKalturaBackend demoKalturaBackend(KalturaProperties properties) {
		KalturaProperties.Demo demo = properties.getDemo();
		DemoFaults faults = new DemoFaults(demo.getLatency(), demo.getErrorRate());
		DemoKalturaBackend backend = DemoKalturaBackend.start(() -> faults, Clock.systemUTC());
		logger.warn("kaltura.service-url is not set: serving DEMO data ({} media entries, {} categories, partner {}) "
				+ "from an embedded Kaltura backend at {}. Set kaltura.service-url, kaltura.partner-id and "
				+ "kaltura.admin-secret to connect to real Kaltura.", backend.entryCount(), backend.categoryCount(),
				backend.partnerId(), backend.serviceUrl());
		return backend;
	}

	@Bean
	KalturaEndpoint kalturaEndpoint(KalturaProperties properties, ObjectProvider<DemoKalturaBackend> demoBackend) {
		DemoKalturaBackend demo = demoBackend.getIfAvailable();
		if (demo != null) {
			return new KalturaEndpoint(demo.serviceUrl(), demo.partnerId(), demo.adminSecret(), true);
		}
		URI serviceUrl = URI.create(properties.getServiceUrl().trim());
		if (serviceUrl.getRawUserInfo() != null) {
			logger.warn("kaltura.service-url contains user info, which Kaltura does not use: it is dropped");
		}
		KalturaEndpoint endpoint = new KalturaEndpoint(serviceUrl, properties.getPartnerId(),
				properties.getAdminSecret(), false);
		logger.info("Kaltura calls go to {} as partner {}", endpoint.serviceUrl(), endpoint.partnerId());
		return endpoint;
	}

	@Bean
	KalturaClient kalturaClient(KalturaEndpoint endpoint, KalturaProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder) {
		return new KalturaClient(restClientBuilder.getIfAvailable(RestClient::builder), endpoint.serviceUrl(),
				endpoint.adminSecret(), properties.getConnectTimeout(), properties.getReadTimeout());
	}

	@Bean
	KalturaSession kalturaSession(KalturaClient client, KalturaEndpoint endpoint, KalturaProperties properties) {
		KalturaSessionSettings settings = new KalturaSessionSettings(endpoint.partnerId(), endpoint.adminSecret(),
				properties.getUserId(), properties.getPrivileges(), properties.getSessionExpiry(),
				properties.getSessionRefreshMargin());
		return new KalturaSession(client, settings, Clock.systemUTC());
	}

	/**
	 * The admin secret, removed from the failure messages the monitoring keeps and shows, in any case and encoding.
	 */
	@Bean
	RedactedValuesProvider kalturaAdminSecretRedaction(KalturaEndpoint endpoint) {
		return () -> List.of(endpoint.adminSecret());
	}

	@Bean
	KalturaFailureClassifier kalturaFailureClassifier() {
		return new KalturaFailureClassifier();
	}

	@Bean
	KalturaCatalog kalturaCatalog(KalturaClient client, KalturaSession session) {
		return new KalturaCatalog(client, session);
	}

}
