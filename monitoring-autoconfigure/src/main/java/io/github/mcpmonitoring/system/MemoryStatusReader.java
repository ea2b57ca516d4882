package io.github.mcpmonitoring.system;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads the {@link MemoryStatus} from the JVM's memory beans and from {@link SystemMemory}.
 */
public class MemoryStatusReader implements Supplier<MemoryStatus> {

	private final SystemMemory systemMemory;

	private final List<MemoryPoolMXBean> heapPools;

	/**
	 * Create a reader.
	 * @param systemMemory the machine's memory
	 */
	public MemoryStatusReader(SystemMemory systemMemory) {
		this.systemMemory = systemMemory;
		this.heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

	@Override
	public MemoryStatus get() {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
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

	/** The heap after the last collection of each pool, or the current use of pools that report none. */
	private long heapUsedAfterGc(MemoryUsage heap) {
		long used = 0;
		boolean reported = false;
		for (MemoryPoolMXBean pool : this.heapPools) {
			MemoryUsage afterGc = pool.getCollectionUsage();
			if (afterGc != null && afterGc.getUsed() > 0) {
				used += afterGc.getUsed();
				reported = true;
			}
			else {
				used += pool.getUsage().getUsed();
			}
		}
		return reported ? used : heap.getUsed();
	}

}
