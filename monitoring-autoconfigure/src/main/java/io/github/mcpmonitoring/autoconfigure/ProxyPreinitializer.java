package io.github.mcpmonitoring.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aopalliance.intercept.MethodInterceptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates and calls one throwaway class-based AOP proxy on a background thread while the application starts, so that
 * the first proxy of a {@code @MonitoredTool} or {@code @MonitoredApiCall} bean does not pay on the main thread for
 * loading, and first running in the interpreter, the classes of Spring AOP, CGLIB and ASM. In an application whose
 * only proxies are the starter's, that first proxy is the largest part of the starter's work on the main thread. The
 * startup is shorter for it where a core is idle while the application starts; where all are busy, it is not.
 * <p>
 * Works as Spring Boot's {@code BackgroundPreinitializer} does, and is turned off with it: not on a single processor,
 * not in a native image, not when the {@code spring.backgroundpreinitializer.ignore} system property is {@code true}.
 * It is also off when {@code mcp.monitoring.enabled} or {@code mcp.monitoring.preinitialize-proxies} is
 * {@code false}. The application waits for it, at the latest, before it reports itself ready or failed. A failure is
 * logged at debug level and otherwise ignored: the first real proxy then does the work itself.
 */
public class ProxyPreinitializer implements ApplicationListener<SpringApplicationEvent>, Ordered {

	/** The property that turns the preinitialization off. */
	public static final String ENABLED_PROPERTY = "mcp.monitoring.preinitialize-proxies";

	private static final String BOOT_IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	private static final Log logger = LogFactory.getLog(ProxyPreinitializer.class);

	/** Once per JVM: an application started again in the same JVM finds the classes loaded. */
	private static final Preinitialization ONCE_PER_JVM = new Preinitialization(ProxyPreinitializer::createAndCallProxy);

	private final Preinitialization preinitialization;

	/** Create the listener that Spring Boot registers from {@code META-INF/spring.factories}. */
	public ProxyPreinitializer() {
		this(ONCE_PER_JVM);
	}

	ProxyPreinitializer(Preinitialization preinitialization) {
		this.preinitialization = preinitialization;
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 2;
	}

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared && isEnabled(prepared.getEnvironment())) {
			this.preinitialization.start();
		}
		if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
			this.preinitialization.awaitCompletion();
		}
	}

	private static boolean isEnabled(ConfigurableEnvironment environment) {
		return Runtime.getRuntime().availableProcessors() > 1 && !NativeDetector.inNativeImage()
				&& !Boolean.getBoolean(BOOT_IGNORE_PROPERTY)
				&& environment.getProperty("mcp.monitoring.enabled", Boolean.class, true)
				&& environment.getProperty(ENABLED_PROPERTY, Boolean.class, true);
	}

	/** What the auto-proxy creator does for an advised bean, done on a class of our own; returns the proxy. */
	static Object createAndCallProxy() {
		ProxyFactory factory = new ProxyFactory(new Target());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor((MethodInterceptor) (invocation) -> invocation.proceed()));
		Target proxy = (Target) factory.getProxy(ProxyPreinitializer.class.getClassLoader());
		proxy.call();
		return proxy;
	}

	/** Some work, run at most once on a background thread, that can be waited for. */
	static final class Preinitialization {

		private final Runnable work;

		private final AtomicBoolean started = new AtomicBoolean();

		private final CountDownLatch complete = new CountDownLatch(1);

		Preinitialization(Runnable work) {
			this.work = work;
		}

		void start() {
			if (!this.started.compareAndSet(false, true)) {
				return;
			}
			try {
				Thread thread = new Thread(this::run, "mcp-monitoring-preinit");
				thread.setDaemon(true);
				thread.start();
			}
			catch (RuntimeException | Error ex) {
				// Where threads cannot be created, the first proxy does this work on the main thread, as without us.
				this.complete.countDown();
			}
		}

		private void run() {
			try {
				this.work.run();
			}
			catch (Throwable ex) {
				logger.debug("Preinitialization of AOP proxies failed; the first proxy will do it", ex);
			}
			finally {
				this.complete.countDown();
			}
		}

		void awaitCompletion() {
			if (!this.started.get()) {
				return;
			}
			try {
				this.complete.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** The class of the throwaway proxy. */
	static class Target {

		public void call() {
		}

	}

}
