package io.github.mcpmonitoring.system;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import com.sun.management.GcInfo;

/**
 * Reads the {@link MemoryStatus} from the JVM's memory beans and from {@link SystemMemory}. The heap after GC is the
 * heap after the most recent collection of any collector, from that collection's {@code GcInfo} (the figures
 * Micrometer's {@code jvm.memory.usage.after.gc} takes from each collection's notification); before the first
 * collection, or on a JVM without {@code com.sun.management}, it is the heap in use.
 */
public class MemoryStatusReader implements Supplier<MemoryStatus> {

	private final SystemMemory systemMemory;

	private final MemoryMXBean memory;

	private final List<MemoryPoolMXBean> heapPools;

	private final List<? extends GarbageCollectorMXBean> collectors;

	/**
	 * Create a reader.
	 * @param systemMemory the machine's memory
	 */
	public MemoryStatusReader(SystemMemory systemMemory) {
		this(systemMemory, ManagementFactory.getMemoryMXBean(), ManagementFactory.getMemoryPoolMXBeans(),
				ManagementFactory.getGarbageCollectorMXBeans());
	}

	MemoryStatusReader(SystemMemory systemMemory, MemoryMXBean memory, List<MemoryPoolMXBean> pools,
			List<? extends GarbageCollectorMXBean> collectors) {
		this.systemMemory = systemMemory;
		this.memory = memory;
		this.heapPools = pools.stream().filter((pool) -> pool.getType() == MemoryType.HEAP).toList();
		this.collectors = collectors;
	}

	@Override
	public MemoryStatus get() {
		MemoryUsage heap = this.memory.getHeapMemoryUsage();
		OptionalLong limit = this.systemMemory.containerLimit();
		if (limit.isPresent()) {
			return new MemoryStatus(heap.getUsed(), heapUsedAfterGc(heap), heap.getMax(), limit.getAsLong(),
					this.systemMemory.containerUsage().orElse(-1), true);
		}
		OptionalLong total = this.systemMemory.total();
		OptionalLong available = this.systemMemory.available();
		long used = (total.isPresent() && available.isPresent()) ? total.getAsLong() - available.getAsLong() : -1;
		return new MemoryStatus(heap.getUsed(), heapUsedAfterGc(heap), heap.getMax(), total.orElse(-1), used, false);
	}

	/**
	 * The heap after the most recent collection, as that collection reports it for every pool: an Eden it emptied
	 * counts as 0, and the old generation counts after a young collection too. The pools' own collection usage is no
	 * substitute: a young collection leaves the old generation's as it was (0 until the first full or mixed one).
	 */
	private long heapUsedAfterGc(MemoryUsage heap) {
		GcInfo last = lastCollection();
		if (last == null) {
			return heap.getUsed();
		}
		Map<String, MemoryUsage> afterGc = last.getMemoryUsageAfterGc();
		long used = 0;
		for (MemoryPoolMXBean pool : this.heapPools) {
			MemoryUsage poolAfterGc = afterGc.get(pool.getName());
			used += (poolAfterGc != null) ? poolAfterGc.getUsed() : pool.getUsage().getUsed();
		}
		return used;
	}

	private GcInfo lastCollection() {
		GcInfo last = null;
		for (GarbageCollectorMXBean collector : this.collectors) {
			GcInfo info = (collector instanceof com.sun.management.GarbageCollectorMXBean withGcInfo)
					? withGcInfo.getLastGcInfo() : null;
			if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
				last = info;
			}
		}
		return last;
	}

}
