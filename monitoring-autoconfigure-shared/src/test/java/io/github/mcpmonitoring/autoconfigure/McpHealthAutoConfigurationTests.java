package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.autoconfigure.BootHealth.ComponentHealth;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.health.KalturaSessionHealthIndicator;
import io.github.mcpmonitoring.health.MemoryHealthIndicator;
import io.github.mcpmonitoring.health.RecentErrorsHealthIndicator;
import io.github.mcpmonitoring.health.UptimeHealthIndicator;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.SystemMemory;
import io.github.mcpmonitoring.system.SystemMemoryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link McpHealthAutoConfiguration} and {@link McpSystemMemoryAutoConfiguration}.
 */
class McpHealthAutoConfigurationTests {

	private static final String[] INDICATORS = { "uptimeHealthIndicator", "memoryHealthIndicator",
			"recentErrorsHealthIndicator", "kalturaSessionHealthIndicator" };

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				McpSystemMemoryAutoConfiguration.class, McpHealthAutoConfiguration.class,
				MonitoredAnnotationsAutoConfiguration.class));

	@Test
	void createsTheIndicatorsButKalturaSessionByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(UptimeHealthIndicator.class);
			assertThat(context).hasSingleBean(MemoryHealthIndicator.class);
			assertThat(context).hasSingleBean(RecentErrorsHealthIndicator.class);
			assertThat(context).doesNotHaveBean(KalturaSessionHealthIndicator.class);
			assertThat(context).hasSingleBean(RecentErrors.class);
			assertThat(context).hasSingleBean(MonitoringScheduler.class);
			assertThat(context).hasSingleBean(SystemMemory.class);
			assertThat(context).hasSingleBean(SystemMemoryMetrics.class);
			assertThat(BootHealth.isContributed(context, "uptime")).isTrue();
			assertThat(BootHealth.isContributed(context, "memory")).isTrue();
			assertThat(BootHealth.isContributed(context, "recentErrors")).isTrue();
			assertThat(BootHealth.isContributed(context, "kalturaSession")).isFalse();
			assertThat(BootHealth.component(context, "uptimeHealthIndicator").status()).isEqualTo("UP");
		});
	}

	@Test
	void registersTheSystemMemoryGauges() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("system.memory.total").gauge()).isNotNull();
			assertThat(registry.find("system.memory.available").gauge()).isNotNull();
			assertThat(registry.find("system.swap.total").gauge()).isNotNull();
			assertThat(registry.find("system.swap.used").gauge()).isNotNull();
			awaitUntil(() -> registry.get("system.memory.total").gauge().value() > 0);
		});
	}

	@Test
	void createsTheKalturaSessionIndicatorWhenTheApplicationProvidesItsStatus() {
		this.contextRunner.withBean(KalturaSessionStatusProvider.class, () -> () -> activeSession())
			.run((context) -> {
				assertThat(context).hasSingleBean(KalturaSessionHealthIndicator.class);
				assertThat(BootHealth.isContributed(context, "kalturaSession")).isTrue();
				ComponentHealth health = awaitHealth(context, "kalturaSessionHealthIndicator",
						(candidate) -> !"UNKNOWN".equals(candidate.status()));
				assertThat(health.status()).isEqualTo("UP");
				assertThat(health.details()).containsEntry("partnerId", 1234);
			});
	}

	@Test
	void memoryIndicatorReportsOnceChecked() {
		this.contextRunner.run((context) -> {
			ComponentHealth health = awaitHealth(context, "memoryHealthIndicator",
					(candidate) -> candidate.details().containsKey("heap"));
			assertThat(health.details()).containsKeys("usedRatio", "system", "checkedAt");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "recenterrors", "recentErrors", "recent-errors" })
	void recentErrorsIsSwitchedOffByItsHealthProperty(String id) {
		this.contextRunner.withPropertyValues("management.health." + id + ".enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("recentErrorsHealthIndicator");
			assertThat(context).hasBean("uptimeHealthIndicator");
			assertThat(context).hasBean("memoryHealthIndicator");
			assertThat(context).hasSingleBean(RecentErrors.class);
		});
	}

	@Test
	void recentErrorsIsSwitchedOffByAnEnvironmentVariable() {
		SystemEnvironmentPropertySource environmentVariables = new SystemEnvironmentPropertySource(
				"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.<String, Object>of("MANAGEMENT_HEALTH_RECENTERRORS_ENABLED", "false"));
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(environmentVariables))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("recentErrorsHealthIndicator");
				assertThat(context).hasBean("uptimeHealthIndicator");
			});
	}

	@ParameterizedTest
	@CsvSource({ "uptime, uptimeHealthIndicator", "memory, memoryHealthIndicator",
			"kalturasession, kalturaSessionHealthIndicator", "kalturaSession, kalturaSessionHealthIndicator",
			"kaltura-session, kalturaSessionHealthIndicator" })
	void otherIndicatorsAreSwitchedOffByTheirHealthProperty(String id, String bean) {
		this.contextRunner.withPropertyValues("management.health." + id + ".enabled=false")
			.withBean(KalturaSessionStatusProvider.class, () -> () -> activeSession())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(bean);
				assertThat(context).hasBean("recentErrorsHealthIndicator");
			});
	}

	@Test
	void allAreSwitchedOffByTheHealthDefaults() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			for (String indicator : INDICATORS) {
				assertThat(context).doesNotHaveBean(indicator);
			}
		});
	}

	@Test
	void backsOffWhenTheUserDefinesABeanOfTheSameName() {
		this.contextRunner.withUserConfiguration(UserMemoryIndicatorConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MemoryHealthIndicator.class);
			assertThat(context.getBean("memoryHealthIndicator")).isSameAs(UserMemoryIndicatorConfiguration.INDICATOR);
			assertThat(context).hasSingleBean(UptimeHealthIndicator.class);
			assertThat(context).hasSingleBean(RecentErrorsHealthIndicator.class);
		});
	}

	@Test
	void createsNothingWhenMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("mcp.monitoring.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			for (String indicator : INDICATORS) {
				assertThat(context).doesNotHaveBean(indicator);
			}
			assertThat(context).doesNotHaveBean(RecentErrors.class);
			assertThat(context).doesNotHaveBean(MonitoringScheduler.class);
			assertThat(context).doesNotHaveBean(SystemMemory.class);
			assertThat(context).doesNotHaveBean(SystemMemoryMetrics.class);
			assertThat(BootHealth.isContributed(context, "ping")).isTrue();
		});
	}

	@Test
	void createsNoMemoryIndicatorWithoutOshi() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("oshi")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SystemMemory.class);
			assertThat(context).doesNotHaveBean(SystemMemoryMetrics.class);
			assertThat(context).doesNotHaveBean("memoryHealthIndicator");
			assertThat(context).hasSingleBean(UptimeHealthIndicator.class);
			assertThat(context).hasSingleBean(RecentErrorsHealthIndicator.class);
			assertThat(context.getBean(MeterRegistry.class).find("system.memory.total").gauge()).isNull();
		});
	}

	@Test
	void createsNoIndicatorWithoutActuatorHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BootHealth.indicatorType())).run((context) -> {
			assertThat(context).hasNotFailed();
			for (String indicator : INDICATORS) {
				assertThat(context).doesNotHaveBean(indicator);
			}
			assertThat(context).hasSingleBean(ToolCallMetrics.class);
			assertThat(context).hasSingleBean(ApiCallMetrics.class);
			assertThat(context).hasSingleBean(RecentErrors.class);
		});
	}

	@Test
	void bindsTheHealthProperties() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.refresh-interval=5s", "mcp.monitoring.health.stale-after=30s",
					"mcp.monitoring.health.memory.warning-threshold=0.7",
					"mcp.monitoring.health.memory.critical-threshold=0.7",
					"mcp.monitoring.health.recent-errors.capacity=50", "mcp.monitoring.health.recent-errors.window=10m",
					"mcp.monitoring.health.recent-errors.critical-count=3",
					"mcp.monitoring.health.recent-errors.message-max-length=80",
					"mcp.monitoring.health.recent-errors.redacted-values=one,two")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				McpMonitoringProperties.Health health = context.getBean(McpMonitoringProperties.class).getHealth();
				assertThat(health.getRefreshInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(health.getStaleAfter()).isEqualTo(Duration.ofSeconds(30));
				assertThat(health.getMemory().getWarningThreshold()).isEqualTo(0.7);
				assertThat(health.getMemory().getCriticalThreshold()).isEqualTo(0.7);
				assertThat(health.getRecentErrors().getCapacity()).isEqualTo(50);
				assertThat(health.getRecentErrors().getWindow()).isEqualTo(Duration.ofMinutes(10));
				assertThat(health.getRecentErrors().getCriticalCount()).isEqualTo(3);
				assertThat(health.getRecentErrors().getMessageMaxLength()).isEqualTo(80);
				assertThat(health.getRecentErrors().getRedactedValues()).containsExactly("one", "two");
				assertThat(context.getBean(RecentErrors.class).capacity()).isEqualTo(50);
			});
	}

	@Test
	void hasTheDocumentedDefaults() {
		this.contextRunner.run((context) -> {
			McpMonitoringProperties.Health health = context.getBean(McpMonitoringProperties.class).getHealth();
			assertThat(health.getRefreshInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(health.getStaleAfter()).isEqualTo(Duration.ofMinutes(1));
			assertThat(health.getMemory().getWarningThreshold()).isEqualTo(0.80);
			assertThat(health.getMemory().getCriticalThreshold()).isEqualTo(0.90);
			assertThat(health.getRecentErrors().getCapacity()).isEqualTo(1000);
			assertThat(health.getRecentErrors().getWindow()).isEqualTo(Duration.ofHours(1));
			assertThat(health.getRecentErrors().getCriticalCount()).isEqualTo(10);
			assertThat(health.getRecentErrors().getMessageMaxLength()).isEqualTo(200);
			assertThat(health.getRecentErrors().getRedactedValues()).isEmpty();
		});
	}

	@Test
	void failsOnAThresholdAboveOne() {
		this.contextRunner.withPropertyValues("mcp.monitoring.health.memory.warning-threshold=1.5")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.health.memory.warning-threshold",
					"warningThreshold must be between 0 and 1"));
	}

	@Test
	void failsOnAWarningThresholdAboveTheCriticalOne() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.memory.warning-threshold=0.95",
					"mcp.monitoring.health.memory.critical-threshold=0.90")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.health.memory.warning-threshold",
					"warningThreshold must not be above the critical threshold (0.9)"));
	}

	@Test
	void failsOnACriticalCountAboveTheRecentErrorsCapacity() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.recent-errors.capacity=5",
					"mcp.monitoring.health.recent-errors.critical-count=6")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.health.recent-errors.critical-count",
					"criticalCount must not be above the recent errors capacity (5)"));
	}

	@Test
	void acceptsACriticalCountEqualToTheRecentErrorsCapacity() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.recent-errors.capacity=5",
					"mcp.monitoring.health.recent-errors.critical-count=5")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsOnANegativeCriticalCount() {
		this.contextRunner.withPropertyValues("mcp.monitoring.health.recent-errors.critical-count=-1")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.health.recent-errors.critical-count",
					"criticalCount must be at least 1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "5s", "10s" })
	void failsOnAStalenessBoundNotLongerThanTheRefreshInterval(String staleAfter) {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.stale-after=" + staleAfter,
					"mcp.monitoring.health.refresh-interval=10s")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.health.stale-after",
					"staleAfter must be longer than the refresh interval (PT10S)"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"mcp.monitoring.health.refresh-interval|0s|period must be positive",
			"mcp.monitoring.health.stale-after|-1s|staleAfter must be positive",
			"mcp.monitoring.health.memory.critical-threshold|1.5|criticalThreshold must be between 0 and 1",
			"mcp.monitoring.health.recent-errors.window|0s|window must be positive",
			"mcp.monitoring.health.recent-errors.capacity|0|capacity must be at least 1",
			"mcp.monitoring.health.recent-errors.message-max-length|15|maxLength must be at least 16" })
	void failsOnAnInvalidValueNamingItsKey(String key, String value, String reason) {
		this.contextRunner.withPropertyValues(key + "=" + value)
			.run((context) -> assertFailedNaming(context, key, reason));
	}

	@Test
	void failedApiAndToolCallsShowUpRedactedInRecentErrors() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.refresh-interval=100ms",
					"mcp.monitoring.health.recent-errors.redacted-values=Adm1n-S3cret-Value")
			.withUserConfiguration(FailingClientConfiguration.class)
			.run((context) -> {
				awaitHealth(context, "recentErrorsHealthIndicator",
						(health) -> Integer.valueOf(0).equals(health.details().get("count")));
				FailingClient client = context.getBean(FailingClient.class);
				assertThat(AopUtils.isAopProxy(client)).isTrue();
				assertThatIllegalStateException().isThrownBy(client::startSession);
				assertThatIllegalArgumentException().isThrownBy(client::getMediaEntry);
				ComponentHealth health = awaitHealth(context, "recentErrorsHealthIndicator",
						(candidate) -> Integer.valueOf(2).equals(candidate.details().get("count")));
				assertThat(health.status()).isEqualTo("UP");
				assertThat(health.details()).containsEntry("level", "warning")
					.containsEntry("byName", Map.of("kaltura.session.start", 1, "get_media_entry", 1))
					.containsEntry("byErrorType", Map.of("IllegalStateException", 1, "IllegalArgumentException", 1));
				assertThat(health.details().get("last"))
					.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
					.containsEntry("kind", "tool")
					.containsEntry("name", "get_media_entry")
					.containsEntry("message", "No entry 0_abc for the secret [redacted]");
				assertThat(health.details().toString()).doesNotContain("Adm1n-S3cret-Value");
				assertThat(context.getBean(RecentErrors.class).latest(2)).extracting(CallFailure::message)
					.containsExactly("No entry 0_abc for the secret [redacted]",
							"Cannot start a session of partner 1234 with secret [redacted]");
			});
	}

	private static void assertFailedNaming(AssertableApplicationContext context, String key, String reason) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo(key);
				assertThat(ex.getReason()).isEqualTo(reason);
			});
	}

	private static KalturaSessionStatus activeSession() {
		return new KalturaSessionStatus(KalturaSessionState.ACTIVE, 1234, "ADMIN", "admin@example.com", null, null,
				null, null, null);
	}

	private static ComponentHealth awaitHealth(AssertableApplicationContext context, String indicator,
			Predicate<ComponentHealth> condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		ComponentHealth health = BootHealth.component(context, indicator);
		while (!condition.test(health)) {
			assertThat(System.nanoTime()).as("health %s reached before the deadline", health).isLessThan(deadline);
			sleepBriefly();
			health = BootHealth.component(context, indicator);
		}
		return health;
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met before the deadline").isLessThan(deadline);
			sleepBriefly();
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMemoryIndicatorConfiguration {

		static final Object INDICATOR = BootHealth.upIndicator();

		@Bean
		Object memoryHealthIndicator() {
			return INDICATOR;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingClientConfiguration {

		@Bean
		FailingClient failingClient() {
			return new FailingClient();
		}

	}

	public static class FailingClient {

		@MonitoredApiCall("kaltura.session.start")
		public String startSession() {
			throw new IllegalStateException("Cannot start a session of partner 1234 with secret Adm1n-S3cret-Value");
		}

		@MonitoredTool(name = "get_media_entry")
		public String getMediaEntry() {
			throw new IllegalArgumentException("No entry 0_abc for the secret Adm1n-S3cret-Value");
		}

	}

}
