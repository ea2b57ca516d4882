package io.github.mcpmonitoring.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SystemMemoryMetrics} and {@link SystemMemory}.
 */
class SystemMemoryMetricsTests {

	private static final Executor NEVER = (task) -> {
	};

	private static final Executor DIRECT = Runnable::run;

	private static final List<String> GAUGES = List.of("system.memory.total", "system.memory.available",
			"system.swap.total", "system.swap.used");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@TempDir
	Path cgroup;

	@Test
	void gaugesAreNaNUntilOshiIsReady() {
		bind(new SystemMemory(NEVER, new ContainerMemory(this.cgroup)));
		for (String name : GAUGES) {
			assertThat(gauge(name).value()).as(name).isNaN();
		}
	}

	@Test
	void gaugesReadOshiOnceReady() {
		bind(new SystemMemory(DIRECT, new ContainerMemory(this.cgroup)));
		double total = gauge("system.memory.total").value();
		double available = gauge("system.memory.available").value();
		assertThat(total).isPositive();
		assertThat(available).isPositive().isLessThanOrEqualTo(total);
		assertThat(gauge("system.swap.total").value()).isNotNaN().isNotNegative();
		assertThat(gauge("system.swap.used").value()).isNotNaN().isNotNegative();
		for (String name : GAUGES) {
			assertThat(gauge(name).getId().getBaseUnit()).as(name).isEqualTo("bytes");
		}
	}

	@Test
	void containerLimitGaugeOnlyWhenThereIsALimit() throws IOException {
		Files.writeString(this.cgroup.resolve("memory.max"), "max\n");
		bind(new SystemMemory(NEVER, new ContainerMemory(this.cgroup)));
		assertThat(this.registry.find("system.memory.container.limit").gauge()).isNull();
		assertThat(gauge("system.memory.total")).isNotNull();
	}

	@Test
	void containerLimitGaugeReadsTheLimit() throws IOException {
		Files.writeString(this.cgroup.resolve("memory.max"), "536870912\n");
		bind(new SystemMemory(NEVER, new ContainerMemory(this.cgroup)));
		Gauge limit = gauge("system.memory.container.limit");
		assertThat(limit.value()).isEqualTo(536870912.0);
		assertThat(limit.getId().getBaseUnit()).isEqualTo("bytes");
	}

	private void bind(SystemMemory memory) {
		new SystemMemoryMetrics(memory).bindTo(this.registry);
	}

	private Gauge gauge(String name) {
		return this.registry.get(name).gauge();
	}

}
