package io.github.mcpmonitoring.autoconfigure;

import java.io.IOException;
import java.util.List;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.failures.FailureClass;
import io.github.mcpmonitoring.failures.FailureClassifier;
import io.github.mcpmonitoring.testing.TestReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the auto-configured classification makes of failed calls: an upstream's 401 through a real {@code RestClient},
 * the opt-in message patterns, the application's client error types and classifiers.
 */
class FailureClassificationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				MonitoredAnnotationsAutoConfiguration.class, McpAlertsAutoConfiguration.class))
		.withPropertyValues("mcp.monitoring.alerts.evaluation-interval=1h");

	private TestReceiver upstream;

	@BeforeEach
	void startUpstream() throws IOException {
		this.upstream = TestReceiver.start();
	}

	@AfterEach
	void stopUpstream() {
		this.upstream.close();
	}

	@Test
	void anUpstreamsUnauthorizedIsAnAuthenticationFailureAndFiresTheAlert() {
		this.upstream.respondWith(401);
		this.contextRunner.withBean(UpstreamClient.class, () -> new UpstreamClient(this.upstream.uri("/").toString()))
			.run((context) -> {
				AlertEvaluator evaluator = context.getBean(AlertEvaluator.class);
				evaluator.evaluate();
				assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
					.isThrownBy(() -> context.getBean(UpstreamClient.class).fetch());
				evaluator.evaluate();
				assertThat(authenticationFailures(context, "upstream.fetch")).isOne();
				assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::name)
					.containsExactly("McpUpstreamAuthFailure");
			});
	}

	@Test
	void anUpstreamsNotFoundIsNot() {
		this.upstream.respondWith(404);
		this.contextRunner.withBean(UpstreamClient.class, () -> new UpstreamClient(this.upstream.uri("/").toString()))
			.run((context) -> {
				assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
					.isThrownBy(() -> context.getBean(UpstreamClient.class).fetch());
				assertThat(context.getBean(MeterRegistry.class).find(AuthenticationFailures.METER_NAME).counters())
					.isEmpty();
			});
	}

	@Test
	void noPatternsByDefaultAndAnEmptyListClassifiesNothing() {
		for (String[] properties : new String[][] { {}, { "mcp.monitoring.auth-failure-patterns=" } }) {
			this.contextRunner.withPropertyValues(properties).withBean(FailingClient.class).run((context) -> {
				assertThat(context).hasNotFailed();
				for (String message : List.of("INVALID_KS", "HTTP 403 Forbidden", "authentication failed", "")) {
					assertThatExceptionOfType(IllegalStateException.class)
						.isThrownBy(() -> context.getBean(FailingClient.class).startSession(message));
				}
				assertThat(context.getBean(MeterRegistry.class).find(AuthenticationFailures.METER_NAME).counters())
					.isEmpty();
			});
		}
	}

	@Test
	void configuredPatternsClassifyUpstreamApiFailures() {
		this.contextRunner.withPropertyValues("mcp.monitoring.auth-failure-patterns=INVALID_KS")
			.withBean(FailingClient.class)
			.run((context) -> {
				assertThatExceptionOfType(IllegalStateException.class)
					.isThrownBy(() -> context.getBean(FailingClient.class).startSession("INVALID_KS for partner 1"));
				assertThat(authenticationFailures(context, "kaltura.session.start")).isOne();
			});
	}

	@Test
	void anInvalidPatternFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("mcp.monitoring.auth-failure-patterns=INVALID_KS,(unclosed")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
						assertThat(ex.getName()).isEqualTo("mcp.monitoring.auth-failure-patterns");
						assertThat(ex.getReason()).contains("(unclosed");
					});
			});
	}

	@Test
	void configuredClientErrorTypesAreClientMistakes() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.client-error-types=java.lang.UnsupportedOperationException")
			.withBean(FailingClient.class)
			.run((context) -> {
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> context.getBean(FailingClient.class).unsupported());
				CallFailure failure = context.getBean(RecentErrors.class).latest(1).get(0);
				assertThat(failure.clientError()).isTrue();
				assertThat(context.getBean(MeterRegistry.class)
					.get("mcp.server.operation.duration")
					.tag("error.type", "UnsupportedOperationException")
					.tag("error.origin", "client")
					.timer()
					.count()).isOne();
			});
	}

	@Test
	void anUnknownClientErrorTypeFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("mcp.monitoring.client-error-types=com.example.NoSuchException")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(ClassNotFoundException.class);
				Throwable bind = context.getStartupFailure();
				while (bind != null && !(bind instanceof BindException)) {
					bind = bind.getCause();
				}
				assertThat(bind).isInstanceOfSatisfying(BindException.class, (ex) -> assertThat(ex.getName().toString())
					.isEqualTo("mcp.monitoring.client-error-types"));
			});
	}

	@Test
	void theApplicationsClassifiersAreAskedFirst() {
		this.contextRunner.withBean(FailureClassifier.class, () -> (call) -> "kaltura.session.start".equals(call.name())
				? FailureClass.AUTHENTICATION : null)
			.withBean(FailingClient.class)
			.run((context) -> {
				assertThatExceptionOfType(IllegalStateException.class)
					.isThrownBy(() -> context.getBean(FailingClient.class).startSession("START_SESSION_ERROR"));
				assertThat(authenticationFailures(context, "kaltura.session.start")).isOne();
			});
	}

	@Test
	void aBareNumberAsAnAnnotationThresholdFailsStartupSuggestingAUnit() {
		this.contextRunner.withBean(BareNumberTool.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(BareNumberTool.class.getName() + ".call")
				.hasMessageContaining("2s or 2000ms");
		});
		assertThatIllegalArgumentException().isThrownBy(() -> io.github.mcpmonitoring.core.DurationText.parse("2",
				"a test"));
	}

	private static double authenticationFailures(AssertableApplicationContext context, String name) {
		return context.getBean(MeterRegistry.class)
			.get(AuthenticationFailures.METER_NAME)
			.tag("name", name)
			.counter()
			.count();
	}

	public static class UpstreamClient {

		private final RestClient restClient;

		UpstreamClient(String baseUrl) {
			this.restClient = RestClient.create(baseUrl);
		}

		@MonitoredApiCall("upstream.fetch")
		public String fetch() {
			return this.restClient.get().uri("/entries").retrieve().body(String.class);
		}

	}

	public static class FailingClient {

		@MonitoredApiCall("kaltura.session.start")
		public void startSession(String message) {
			throw new IllegalStateException(message);
		}

		@MonitoredTool(name = "get_media_entry")
		public void unsupported() {
			throw new UnsupportedOperationException("not here");
		}

	}

	public static class BareNumberTool {

		@MonitoredTool(slowThreshold = "2")
		public String call() {
			return "never called";
		}

	}

}
