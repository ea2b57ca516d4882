package io.github.mcpmonitoring.system;

/**
 * Memory use of the JVM and of the machine or container it runs in, at one moment.
 *
 * @param heapUsed heap in use, bytes
 * @param heapUsedAfterGc heap in use after the last collection, bytes; what stays once garbage is gone
 * @param heapMax maximum heap, bytes, or -1 when undefined
 * @param systemTotal physical memory of the machine, or the container limit when there is one; bytes, or -1 while
 * unknown
 * @param systemUsed memory in use on the machine (total minus available), or the container's working set (usage
 * less inactive page cache); bytes, or -1 while unknown
 * @param containerLimited whether the system figures are the container's
 */
public record MemoryStatus(long heapUsed, long heapUsedAfterGc, long heapMax, long systemTotal, long systemUsed,
		boolean containerLimited) {

	/**
	 * Return the part of the maximum heap that stays in use after garbage collection.
	 * @return a ratio between 0 and 1, or -1 when unknown
	 */
	public double heapUsedRatio() {
		return ratio(this.heapUsedAfterGc, this.heapMax);
	}

	/**
	 * Return the part of the machine's or container's memory in use.
	 * @return a ratio between 0 and 1, or -1 when unknown
	 */
	public double systemUsedRatio() {
		return ratio(this.systemUsed, this.systemTotal);
	}

	/**
	 * Return the higher of the heap and system ratios: the memory pressure that matters first.
	 * @return a ratio between 0 and 1, or -1 when both are unknown
	 */
	public double usedRatio() {
		return Math.max(heapUsedRatio(), systemUsedRatio());
	}

	private static double ratio(long used, long total) {
		return (used >= 0 && total > 0) ? Math.min(1.0, (double) used / total) : -1;
	}

}
