package io.github.mcpmonitoring.system;

import java.util.OptionalLong;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds gauges of physical memory, swap and the container memory limit: {@code system.memory.total},
 * {@code system.memory.available}, {@code system.swap.total}, {@code system.swap.used} and, when the process runs
 * with a limit, {@code system.memory.container.limit}. They read OSHI when scraped and are {@code NaN} until OSHI is
 * ready. Micrometer and Boot already cover heap, CPU, uptime and disk, so those are not repeated.
 */
public class SystemMemoryMetrics implements MeterBinder {

	private final SystemMemory memory;

	/**
	 * Create a binder.
	 * @param memory where the values come from
	 */
	public SystemMemoryMetrics(SystemMemory memory) {
		this.memory = memory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "system.memory.total", "Physical memory of the machine", SystemMemory::total);
		gauge(registry, "system.memory.available", "Physical memory available without swapping",
				SystemMemory::available);
		gauge(registry, "system.swap.total", "Swap space of the machine", SystemMemory::swapTotal);
		gauge(registry, "system.swap.used", "Swap space in use", SystemMemory::swapUsed);
		if (this.memory.containerLimit().isPresent()) {
			gauge(registry, "system.memory.container.limit", "Memory limit of the container",
					SystemMemory::containerLimit);
		}
	}

	private void gauge(MeterRegistry registry, String name, String description,
			Function<SystemMemory, OptionalLong> value) {
		Gauge.builder(name, this.memory, (memory) -> toDouble(value.apply(memory)))
			.description(description)
			.baseUnit(BaseUnits.BYTES)
			.strongReference(true)
			.register(registry);
	}

	private static double toDouble(OptionalLong value) {
		return value.isPresent() ? value.getAsLong() : Double.NaN;
	}

}
