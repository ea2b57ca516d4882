package io.github.mcpmonitoring.sample.config;

import java.time.Duration;

import io.github.mcpmonitoring.sample.kaltura.KalturaClient;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionCheck;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionCheckScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Keeps the admin session's status fresh for the {@code kalturaSession} health indicator: a check every
 * {@code kaltura.session-check-interval}, bounded by {@code kaltura.session-check-timeout}, on a daemon thread of
 * its own, stopped when the context closes.
 * <p>
 * The check uses a client of its own, not a bean: its short timeout must not apply to tool calls, and its calls
 * are monitoring traffic, kept out of the API call metrics and recent errors.
 */
@Configuration(proxyBeanMethods = false)
public class KalturaSessionCheckConfiguration {

	@Bean(initMethod = "start")
	KalturaSessionCheckScheduler kalturaSessionCheckScheduler(KalturaSession session, KalturaEndpoint endpoint,
			KalturaProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder) {
		Duration timeout = properties.getSessionCheckTimeout();
		Duration connectTimeout = (properties.getConnectTimeout().compareTo(timeout) < 0)
				? properties.getConnectTimeout() : timeout;
		KalturaClient checkClient = new KalturaClient(restClientBuilder.getIfAvailable(RestClient::builder),
				endpoint.serviceUrl(), endpoint.adminSecret(), connectTimeout, timeout);
		return new KalturaSessionCheckScheduler(new KalturaSessionCheck(session, checkClient),
				properties.getSessionCheckInterval());
	}

}
