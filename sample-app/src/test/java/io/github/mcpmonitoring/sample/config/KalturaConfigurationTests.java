package io.github.mcpmonitoring.sample.config;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.mcpmonitoring.errors.RedactedValuesProvider;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import io.github.mcpmonitoring.sample.kaltura.KalturaClient;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionCheckScheduler;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KalturaConfiguration} and the validation of {@link KalturaProperties}.
 */
@ExtendWith(OutputCaptureExtension.class)
class KalturaConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(KalturaConfiguration.class);

	@Test
	void startsTheDemoBackendAndPointsTheClientAtItWithoutServiceUrl(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DemoKalturaBackend.class)
				.hasSingleBean(KalturaClient.class)
				.hasSingleBean(KalturaSession.class)
				.hasSingleBean(KalturaCatalog.class);
			DemoKalturaBackend backend = context.getBean(DemoKalturaBackend.class);
			KalturaEndpoint endpoint = context.getBean(KalturaEndpoint.class);
			assertThat(endpoint.demo()).isTrue();
			assertThat(endpoint.serviceUrl()).isEqualTo(backend.serviceUrl());
			assertThat(endpoint.serviceUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(endpoint.partnerId()).isEqualTo(backend.partnerId());
			assertThat(context.getBean(KalturaCatalog.class).listMedia(null, 3).objects()).hasSize(3);
		});
		assertThat(output).contains("serving DEMO data").contains("Set kaltura.service-url");
	}

	@Test
	void stopsTheDemoBackendWhenTheContextCloses() {
		URI[] serviceUrl = new URI[1];
		this.contextRunner
			.run((context) -> serviceUrl[0] = context.getBean(DemoKalturaBackend.class).serviceUrl());
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket(serviceUrl[0].getHost(), serviceUrl[0].getPort()).close());
	}

	@Test
	void startsWithoutCallingKalturaWhenServiceUrlIsSet(CapturedOutput output) {
		// Nothing listens on port 9: startup must still succeed, because sessions start on first use.
		this.contextRunner
			.withPropertyValues("kaltura.service-url=http://127.0.0.1:9", "kaltura.partner-id=123",
					"kaltura.admin-secret=real-secret-value")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DemoKalturaBackend.class);
				KalturaEndpoint endpoint = context.getBean(KalturaEndpoint.class);
				assertThat(endpoint.demo()).isFalse();
				assertThat(endpoint.serviceUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
				assertThat(endpoint.toString()).doesNotContain("real-secret-value");
				assertThat(context.getBean(KalturaSession.class).currentStatus().state())
					.isEqualTo(KalturaSessionState.NO_SESSION);
			});
		assertThat(output).doesNotContain("real-secret-value");
	}

	@Test
	void exposesTheSessionAsTheStatusProviderOfTheHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context.getBean(KalturaSessionStatusProvider.class))
			.isSameAs(context.getBean(KalturaSession.class)));
	}

	@Test
	void contributesTheAdminSecretToRedactionInDemoMode() {
		this.contextRunner.run((context) -> assertThat(context.getBean(RedactedValuesProvider.class).redactedValues())
			.containsExactly(context.getBean(DemoKalturaBackend.class).adminSecret()));
	}

	@Test
	void contributesTheConfiguredAdminSecretToRedaction() {
		this.contextRunner
			.withPropertyValues("kaltura.service-url=http://127.0.0.1:9", "kaltura.partner-id=123",
					"kaltura.admin-secret=real-secret-value")
			.run((context) -> assertThat(context.getBean(RedactedValuesProvider.class).redactedValues())
				.containsExactly("real-secret-value"));
	}

	@Test
	void checksTheSessionShortlyAfterStartupWithoutStartingOne() {
		this.contextRunner.withUserConfiguration(KalturaSessionCheckConfiguration.class)
			.withPropertyValues("kaltura.service-url=http://127.0.0.1:9", "kaltura.partner-id=123",
					"kaltura.admin-secret=real-secret-value")
			.run((context) -> {
				assertThat(context).hasSingleBean(KalturaSessionCheckScheduler.class);
				KalturaSessionStatus status = awaitCheck(context.getBean(KalturaSession.class)::currentStatus);
				assertThat(status.state()).isEqualTo(KalturaSessionState.UNREACHABLE);
				assertThat(status.lastErrorCode()).isEqualTo("CONNECTION_FAILED");
				assertThat(status.lastRefreshAt()).isNull();
			});
	}

	@Test
	void pingsTheDemoBackendAndStaysWithoutSession() {
		this.contextRunner.withUserConfiguration(KalturaSessionCheckConfiguration.class).run((context) -> {
			KalturaSessionStatus status = awaitCheck(context.getBean(KalturaSession.class)::currentStatus);
			assertThat(status.state()).isEqualTo(KalturaSessionState.NO_SESSION);
			assertThat(status.lastErrorCode()).isNull();
		});
	}

	@Test
	void stopsTheSessionCheckWhenTheContextCloses() throws Exception {
		// Cached contexts of other test classes may run checks of their own.
		Set<Thread> before = checkThreads();
		this.contextRunner.withUserConfiguration(KalturaSessionCheckConfiguration.class)
			.run((context) -> awaitCheck(context.getBean(KalturaSession.class)::currentStatus));
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!before.containsAll(checkThreads()) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(before).containsAll(checkThreads());
	}

	@Test
	void failsOnANonPositiveSessionCheckInterval() {
		this.contextRunner.withPropertyValues("kaltura.session-check-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.session-check-interval must be positive"));
	}

	@Test
	void failsOnANonPositiveSessionCheckTimeout() {
		this.contextRunner.withPropertyValues("kaltura.session-check-timeout=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.session-check-timeout must be positive"));
	}

	@Test
	void failsWhenServiceUrlIsSetWithoutAdminSecret() {
		this.contextRunner.withPropertyValues("kaltura.service-url=https://www.kaltura.com", "kaltura.partner-id=123")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.admin-secret must be set when kaltura.service-url is set"));
	}

	@Test
	void failsWhenServiceUrlIsSetWithoutPartnerId() {
		this.contextRunner
			.withPropertyValues("kaltura.service-url=https://www.kaltura.com", "kaltura.admin-secret=abc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.partner-id must be set when kaltura.service-url is set")
				.hasMessageNotContaining("abc]"));
	}

	@Test
	void failsOnAServiceUrlThatIsNotHttp() {
		this.contextRunner
			.withPropertyValues("kaltura.service-url=www.kaltura.com", "kaltura.partner-id=1",
					"kaltura.admin-secret=abc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.service-url must be an http or https URL"));
	}

	@Test
	void failsOnAnErrorRateAboveOne() {
		this.contextRunner.withPropertyValues("kaltura.demo.error-rate=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.demo.error-rate must be between 0 and 1"));
	}

	@Test
	void failsOnARefreshMarginNotShorterThanTheExpiry() {
		this.contextRunner.withPropertyValues("kaltura.session-expiry=10m", "kaltura.session-refresh-margin=10m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("kaltura.session-refresh-margin must be at least 0 and shorter than "
						+ "kaltura.session-expiry"));
	}

	private static KalturaSessionStatus awaitCheck(Supplier<KalturaSessionStatus> status) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (status.get().checkedAt() == null && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(status.get().checkedAt()).as("a first check shortly after startup").isNotNull();
		return status.get();
	}

	private static Set<Thread> checkThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && "kaltura-session-check".equals(thread.getName()))
			.collect(Collectors.toSet());
	}

}
