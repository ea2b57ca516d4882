package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.autoconfigure.BootHealth.ComponentHealth;
import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.endpoint.McpEndpoint;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.errors.RedactedValuesProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Failure messages an upstream or a tool controls, through the real instrumentation into recent errors, the
 * authentication-failure counter, the {@code recentErrors} health component and the {@code mcp} endpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileFailureMessagesTests {

	private static final int ONE_MEGABYTE = 1024 * 1024;

	private static final int MESSAGE_MAX_LENGTH = 200;

	/** A Kaltura admin secret: 32 hex characters, below the length of the token rule. */
	private static final String HEX_SECRET = "9f86d081884c7d659a2feaa0c55ad015";

	private static final String PASSWORD = "Adm1n S3cret/Value";

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				McpSystemMemoryAutoConfiguration.class, McpHealthAutoConfiguration.class,
				MonitoredAnnotationsAutoConfiguration.class, McpAlertsAutoConfiguration.class,
				McpEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=health,mcp",
				"mcp.monitoring.health.refresh-interval=100ms", "mcp.monitoring.auth-failure-patterns=INVALID_KS",
				"mcp.monitoring.health.recent-errors.message-max-length=" + MESSAGE_MAX_LENGTH)
		.withUserConfiguration(FailingClientConfiguration.class);

	@ParameterizedTest
	@ValueSource(strings = { "base64", "tokens" })
	void aMegabyteApiFailureMessageIsRecordedAndCountedBounded(String shape) {
		String message = "INVALID_KS " + hostileRun(shape);
		this.contextRunner.run((context) -> {
			FailingClient client = context.getBean(FailingClient.class);
			assertThatIllegalStateException().isThrownBy(() -> client.startSession(message))
				.satisfies((ex) -> assertThat(ex.getMessage()).isSameAs(message));
			assertRecordedBounded(context, CallFailure.API, "kaltura.session.start");
			assertThat(authenticationFailures(context, CallFailure.API, "kaltura.session.start")).isOne();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "base64", "tokens" })
	void aMegabyteToolFailureMessageIsRecordedAndCountedBounded(String shape) {
		String message = "INVALID_KS " + hostileRun(shape);
		this.contextRunner.run((context) -> {
			FailingClient client = context.getBean(FailingClient.class);
			assertThatIllegalArgumentException().isThrownBy(() -> client.getMediaEntry(message))
				.satisfies((ex) -> assertThat(ex.getMessage()).isSameAs(message));
			assertRecordedBounded(context, CallFailure.TOOL, "get_media_entry");
			assertThat(context.getBean(MeterRegistry.class).find(AuthenticationFailures.METER_NAME).counters())
				.as("patterns never apply to a tool's failure")
				.isEmpty();
		});
	}

	@Test
	void aThrowingFailureListenerDoesNotStopTheOthers(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ThrowingListenerConfiguration.class).run((context) -> {
			FailingClient client = context.getBean(FailingClient.class);
			assertThatIllegalStateException().isThrownBy(() -> client.startSession("INVALID_KS for partner 1"));
			assertThatIllegalStateException().isThrownBy(() -> client.startSession("INVALID_KS for partner 2"));
			RecentErrors recentErrors = context.getBean(RecentErrors.class);
			assertThat(recentErrors.latest(2)).extracting(CallFailure::message)
				.containsExactly("INVALID_KS for partner 2", "INVALID_KS for partner 1");
			assertThat(authenticationFailures(context, CallFailure.API, "kaltura.session.start")).isEqualTo(2);
		});
		assertThat(output.getAll()).containsOnlyOnce("Call failure listener")
			.contains("IllegalStateException")
			.doesNotContain("INVALID_KS for partner");
	}

	@Test
	void configuredSecretsAreRemovedUpperCasedAndEncodedEitherWay(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.recent-errors.redacted-values=" + HEX_SECRET + "," + PASSWORD)
			.run((context) -> {
				FailingClient client = context.getBean(FailingClient.class);
				assertThatIllegalStateException().isThrownBy(() -> client
					.startSession("START_SESSION_ERROR for secret " + HEX_SECRET.toUpperCase() + " of partner 1"));
				assertThatIllegalArgumentException()
					.isThrownBy(() -> client.getMediaEntry("GET /p/1?secret=Adm1n%20S3cret%2FValue failed"));
				assertThatIllegalArgumentException()
					.isThrownBy(() -> client.getMediaEntry("GET /p/1?secret=ADM1N%20s3CRET%2fvalue failed"));
				assertThatIllegalArgumentException()
					.isThrownBy(() -> client.getMediaEntry("POST secret=adm1n+s3cret%2Fvalue failed"));
				assertThat(context.getBean(RecentErrors.class).latest(4)).extracting(CallFailure::message)
					.containsExactly("POST secret=[redacted] failed", "GET /p/1?secret=[redacted] failed",
							"GET /p/1?secret=[redacted] failed",
							"START_SESSION_ERROR for secret [redacted] of partner 1");
				ComponentHealth health = awaitHealth(context, "recentErrorsHealthIndicator",
						(candidate) -> Integer.valueOf(4).equals(candidate.details().get("count")));
				assertHidesTheSecrets(health.details().toString());
				assertHidesTheSecrets(context.getBean(McpEndpoint.class).summary().toString());
			});
		assertHidesTheSecrets(output.getAll());
	}

	@Test
	void secretsTheApplicationProvidesAreRemovedWithoutConfiguration(CapturedOutput output) {
		this.contextRunner.withBean(RedactedValuesProvider.class, () -> () -> List.of(HEX_SECRET)).run((context) -> {
			FailingClient client = context.getBean(FailingClient.class);
			assertThatIllegalStateException().isThrownBy(() -> client
				.startSession("START_SESSION_ERROR for secret " + HEX_SECRET.toUpperCase() + " of partner 1"));
			assertThat(context.getBean(RecentErrors.class).latest(1)).extracting(CallFailure::message)
				.containsExactly("START_SESSION_ERROR for secret [redacted] of partner 1");
			assertHidesTheSecrets(context.getBean(McpEndpoint.class).summary().toString());
		});
		assertHidesTheSecrets(output.getAll());
	}

	private static void assertRecordedBounded(AssertableApplicationContext context, String kind, String name) {
		RecentErrors recentErrors = context.getBean(RecentErrors.class);
		assertThat(recentErrors.totalCount()).isOne();
		CallFailure recorded = recentErrors.latest(1).get(0);
		assertThat(recorded.kind()).isEqualTo(kind);
		assertThat(recorded.message()).startsWith("INVALID_KS ").hasSizeLessThanOrEqualTo(MESSAGE_MAX_LENGTH);
		assertThat(recorded.name()).isEqualTo(name);
	}

	private static double authenticationFailures(AssertableApplicationContext context, String kind, String name) {
		return context.getBean(MeterRegistry.class)
			.get(AuthenticationFailures.METER_NAME)
			.tag("kind", kind)
			.tag("name", name)
			.counter()
			.count();
	}

	private static void assertHidesTheSecrets(String text) {
		String lowerCase = text.toLowerCase();
		assertThat(lowerCase).doesNotContain(HEX_SECRET)
			.doesNotContain("adm1n s3cret")
			.doesNotContain("adm1n%20s3cret")
			.doesNotContain("adm1n+s3cret")
			.doesNotContain("s3cret%2fvalue")
			.doesNotContain("s3cret/value");
	}

	/** A megabyte of Base64, or of 39-character Base64 tokens one below the token rule, separated by spaces. */
	static String hostileRun(String shape) {
		Random random = new Random(42);
		byte[] bytes = new byte[ONE_MEGABYTE];
		random.nextBytes(bytes);
		String base64 = Base64.getEncoder().encodeToString(bytes).substring(0, ONE_MEGABYTE);
		if (shape.equals("base64")) {
			return base64;
		}
		StringBuilder tokens = new StringBuilder(ONE_MEGABYTE + 40);
		for (int i = 0; tokens.length() < ONE_MEGABYTE; i += 39) {
			tokens.append(base64, i, i + 39).append(' ');
		}
		return tokens.toString();
	}

	private static ComponentHealth awaitHealth(ApplicationContext context, String indicator,
			Predicate<ComponentHealth> condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		ComponentHealth health = BootHealth.component(context, indicator);
		while (!condition.test(health)) {
			assertThat(System.nanoTime()).as("health %s reached before the deadline", health).isLessThan(deadline);
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			health = BootHealth.component(context, indicator);
		}
		return health;
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingClientConfiguration {

		@Bean
		FailingClient failingClient() {
			return new FailingClient();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingListenerConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		CallFailureListener throwingListener() {
			return (failure) -> {
				throw new IllegalStateException("listener broke on " + failure.message());
			};
		}

	}

	public static class FailingClient {

		@MonitoredApiCall("kaltura.session.start")
		public void startSession(String message) {
			throw new IllegalStateException(message);
		}

		@MonitoredTool(name = "get_media_entry")
		public void getMediaEntry(String message) {
			throw new IllegalArgumentException(message);
		}

	}

}
