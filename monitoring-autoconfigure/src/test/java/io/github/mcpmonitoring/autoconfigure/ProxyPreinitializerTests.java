package io.github.mcpmonitoring.autoconfigure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ProxyPreinitializer}.
 */
class ProxyPreinitializerTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger runs = new AtomicInteger();

	private final AtomicReference<Thread> ranOn = new AtomicReference<>();

	private final ProxyPreinitializer listener = new ProxyPreinitializer(
			new ProxyPreinitializer.Preinitialization(this::blockUntilReleased));

	@Test
	void isRegisteredWithSpringBoot() {
		List<ApplicationListener> listeners = SpringFactoriesLoader.loadFactories(ApplicationListener.class,
				getClass().getClassLoader());
		assertThat(listeners).hasAtLeastOneElementOfType(ProxyPreinitializer.class);
	}

	@Test
	void runsOnceOnABackgroundThreadAndTheApplicationIsReadyOnlyAfterIt() throws Exception {
		this.listener.onApplicationEvent(environmentPrepared(new MockEnvironment()));
		this.listener.onApplicationEvent(environmentPrepared(new MockEnvironment()));
		CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> this.listener.onApplicationEvent(ready()));
		Thread.sleep(100);
		assertThat(ready).isNotDone();
		this.release.countDown();
		ready.get(10, TimeUnit.SECONDS);
		assertThat(this.runs).hasValue(1);
		assertThat(this.ranOn.get().getName()).isEqualTo("mcp-monitoring-preinit");
		assertThat(this.ranOn.get().isDaemon()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "mcp.monitoring.preinitialize-proxies", "mcp.monitoring.enabled" })
	void doesNotRunWhenTurnedOff(String property) {
		this.listener.onApplicationEvent(environmentPrepared(new MockEnvironment().withProperty(property, "false")));
		this.listener.onApplicationEvent(ready());
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void doesNotRunWhenSpringBootsBackgroundPreinitializationIsIgnored() {
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		try {
			this.listener.onApplicationEvent(environmentPrepared(new MockEnvironment()));
		}
		finally {
			System.clearProperty("spring.backgroundpreinitializer.ignore");
		}
		this.listener.onApplicationEvent(ready());
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void aFailureDoesNotHoldTheApplicationBack() {
		ProxyPreinitializer failing = new ProxyPreinitializer(new ProxyPreinitializer.Preinitialization(() -> {
			throw new IllegalStateException("no proxies here");
		}));
		failing.onApplicationEvent(environmentPrepared(new MockEnvironment()));
		assertThatNoException().isThrownBy(() -> CompletableFuture
			.runAsync(() -> failing.onApplicationEvent(failed()))
			.get(10, TimeUnit.SECONDS));
	}

	@Test
	void createsAndCallsAClassBasedProxy() {
		Object proxy = ProxyPreinitializer.createAndCallProxy();
		assertThat(proxy).isInstanceOf(ProxyPreinitializer.Target.class);
		assertThat(AopUtils.isCglibProxy(proxy)).isTrue();
	}

	private void blockUntilReleased() {
		this.runs.incrementAndGet();
		this.ranOn.set(Thread.currentThread());
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ApplicationEnvironmentPreparedEvent environmentPrepared(MockEnvironment environment) {
		return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
				new String[0], environment);
	}

	private static ApplicationReadyEvent ready() {
		return new ApplicationReadyEvent(new SpringApplication(), new String[0], new GenericApplicationContext(),
				null);
	}

	private static ApplicationFailedEvent failed() {
		return new ApplicationFailedEvent(new SpringApplication(), new String[0], new GenericApplicationContext(),
				new IllegalStateException("failed"));
	}

}
