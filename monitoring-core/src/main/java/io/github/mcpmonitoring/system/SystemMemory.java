package io.github.mcpmonitoring.system;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;

/**
 * Physical memory, swap and the container limit of the machine, read through OSHI. OSHI is initialised on a
 * background thread, so that it adds nothing to the application's startup; until it is ready, values are unknown.
 */
public class SystemMemory {

	private final CompletableFuture<GlobalMemory> memory;

	private final ContainerMemory container;

	/**
	 * Start initialising OSHI on the given executor.
	 * @param executor where OSHI is initialised
	 * @param container reads the container's memory limit and usage
	 */
	public SystemMemory(Executor executor, ContainerMemory container) {
		this.memory = CompletableFuture.supplyAsync(() -> new SystemInfo().getHardware().getMemory(), executor);
		this.container = container;
	}

	/**
	 * Return the physical memory of the machine.
	 * @return bytes, or empty while unknown
	 */
	public OptionalLong total() {
		GlobalMemory memory = ready();
		return (memory != null) ? OptionalLong.of(memory.getTotal()) : OptionalLong.empty();
	}

	/**
	 * Return the physical memory available to new processes without swapping.
	 * @return bytes, or empty while unknown
	 */
	public OptionalLong available() {
		GlobalMemory memory = ready();
		return (memory != null) ? OptionalLong.of(memory.getAvailable()) : OptionalLong.empty();
	}

	/**
	 * Return the swap space of the machine.
	 * @return bytes, or empty while unknown
	 */
	public OptionalLong swapTotal() {
		GlobalMemory memory = ready();
		return (memory != null) ? OptionalLong.of(memory.getVirtualMemory().getSwapTotal()) : OptionalLong.empty();
	}

	/**
	 * Return the swap space in use.
	 * @return bytes, or empty while unknown
	 */
	public OptionalLong swapUsed() {
		GlobalMemory memory = ready();
		return (memory != null) ? OptionalLong.of(memory.getVirtualMemory().getSwapUsed()) : OptionalLong.empty();
	}

	/**
	 * Return the memory limit of the container the process runs in.
	 * @return bytes, or empty when there is none
	 */
	public OptionalLong containerLimit() {
		return this.container.limit();
	}

	/**
	 * Return the memory the container uses.
	 * @return bytes, or empty when unknown
	 */
	public OptionalLong containerUsage() {
		return this.container.usage();
	}

	private GlobalMemory ready() {
		return this.memory.isDone() && !this.memory.isCompletedExceptionally() ? this.memory.join() : null;
	}

}
