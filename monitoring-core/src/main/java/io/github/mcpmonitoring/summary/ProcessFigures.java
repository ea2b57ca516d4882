package io.github.mcpmonitoring.summary;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Uptime, heap and CPU of this process, read when asked: the JVM's own figures for uptime and heap, and the CPU
 * gauges the application's metrics already register, so nothing is measured twice.
 */
public class ProcessFigures {

	private final MeterRegistry registry;

	/**
	 * Create the reader.
	 * @param registry where the application's CPU gauges are, when it has them
	 */
	public ProcessFigures(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Read the figures now.
	 * @return uptime, heap and CPU
	 */
	public ProcessDescriptor figures() {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return new ProcessDescriptor(ManagementFactory.getRuntimeMXBean().getUptime() / 1000, heap.getUsed(),
				(heap.getMax() >= 0) ? heap.getMax() : null, gauge("process.cpu.usage"), gauge("system.cpu.usage"));
	}

	private Double gauge(String name) {
		Gauge gauge = this.registry.find(name).gauge();
		double value = (gauge != null) ? gauge.value() : Double.NaN;
		// A negative usage is how the JVM says it does not know.
		return (Double.isFinite(value) && value >= 0) ? Math.round(value * 10_000) / 10_000.0 : null;
	}

	/**
	 * Uptime, heap and CPU of this process.
	 *
	 * @param uptimeSeconds seconds since the JVM started
	 * @param heapUsedBytes heap in use
	 * @param heapMaxBytes the most heap the JVM may use, {@code null} when it has no limit
	 * @param processCpu this process's share of the machine's CPU, 0 to 1, {@code null} when unknown
	 * @param systemCpu the whole machine's CPU use, 0 to 1, {@code null} when unknown
	 */
	public record ProcessDescriptor(long uptimeSeconds, long heapUsedBytes, Long heapMaxBytes, Double processCpu,
			Double systemCpu) {
	}

}
