package io.github.mcpmonitoring.system;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.GcInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MemoryStatusReader} and {@link MemoryStatus}.
 */
class MemoryStatusReaderTests {

	private static final long MB = 1024 * 1024;

	private final MemoryPoolMXBean eden = pool("G1 Eden Space", 300 * MB, 0);

	private final MemoryPoolMXBean survivor = pool("G1 Survivor Space", 4 * MB, 4 * MB);

	// A young collection leaves the old generation's own collection usage as it was: 0 until a mixed or full one.
	private final MemoryPoolMXBean old = pool("G1 Old Gen", 110 * MB, 0);

	@TempDir
	Path cgroup;

	@Test
	void readsTheHeapAndTheMachineMemory() {
		MemoryStatus status = new MemoryStatusReader(new SystemMemory(Runnable::run, new ContainerMemory(this.cgroup)))
			.get();
		assertThat(status.containerLimited()).isFalse();
		assertThat(status.heapUsed()).isPositive();
		assertThat(status.heapUsedAfterGc()).isPositive();
		assertThat(status.systemTotal()).isPositive();
		assertThat(status.systemUsed()).isPositive().isLessThanOrEqualTo(status.systemTotal());
		assertThat(status.systemUsedRatio()).isBetween(0.0, 1.0);
		assertThat(status.usedRatio()).isBetween(0.0, 1.0);
	}

	@Test
	void readsTheContainerInsteadOfTheMachineWhenItIsLimited() throws IOException {
		Files.writeString(this.cgroup.resolve("memory.max"), "1000\n");
		Files.writeString(this.cgroup.resolve("memory.current"), "250\n");
		MemoryStatus status = new MemoryStatusReader(new SystemMemory(Runnable::run, new ContainerMemory(this.cgroup)))
			.get();
		assertThat(status.containerLimited()).isTrue();
		assertThat(status.systemTotal()).isEqualTo(1000);
		assertThat(status.systemUsed()).isEqualTo(250);
		assertThat(status.systemUsedRatio()).isEqualTo(0.25);
	}

	@Test
	void machineMemoryIsUnknownUntilOshiIsReady() {
		MemoryStatus status = new MemoryStatusReader(new SystemMemory((task) -> {
		}, new ContainerMemory(this.cgroup))).get();
		assertThat(status.systemTotal()).isEqualTo(-1);
		assertThat(status.systemUsed()).isEqualTo(-1);
		assertThat(status.systemUsedRatio()).isEqualTo(-1);
		assertThat(status.heapUsed()).isPositive();
	}

	@Test
	void heapAfterGcIsTheHeapAfterTheMostRecentCollection() {
		GarbageCollectorMXBean young = collector(5_000, Map.of("G1 Eden Space", 0L, "G1 Survivor Space", 4 * MB,
				"G1 Old Gen", 100 * MB, "Metaspace", 60 * MB));
		GarbageCollectorMXBean full = collector(3_000,
				Map.of("G1 Eden Space", 0L, "G1 Survivor Space", 0L, "G1 Old Gen", 50 * MB));
		MemoryStatus status = read(List.of(young, full));
		assertThat(status.heapUsed()).isEqualTo(414 * MB);
		assertThat(status.heapUsedAfterGc()).isEqualTo(104 * MB);
		assertThat(status.heapUsedRatio()).isEqualTo(104.0 / 1000);
	}

	@Test
	void heapAfterGcCountsAPoolTheCollectionDoesNotReportAtItsCurrentUse() {
		GarbageCollectorMXBean young = collector(5_000, Map.of("G1 Eden Space", 0L, "G1 Survivor Space", 4 * MB));
		assertThat(read(List.of(young)).heapUsedAfterGc()).isEqualTo(114 * MB);
	}

	@Test
	void heapAfterGcIsTheHeapInUseBeforeTheFirstCollection() {
		com.sun.management.GarbageCollectorMXBean young = mock(com.sun.management.GarbageCollectorMXBean.class);
		GarbageCollectorMXBean withoutGcInfo = mock(GarbageCollectorMXBean.class);
		MemoryStatus status = read(List.of(young, withoutGcInfo));
		assertThat(status.heapUsedAfterGc()).isEqualTo(414 * MB);
	}

	@Test
	void ratiosAreUnknownWithoutATotalAndCappedAtOne() {
		assertThat(new MemoryStatus(10, 10, -1, -1, -1, false).usedRatio()).isEqualTo(-1);
		assertThat(new MemoryStatus(10, 10, 0, 0, 5, false).usedRatio()).isEqualTo(-1);
		assertThat(new MemoryStatus(10, 10, 100, 100, 150, true).systemUsedRatio()).isEqualTo(1.0);
		assertThat(new MemoryStatus(10, 30, 100, 100, 20, false).usedRatio()).isEqualTo(0.3);
	}

	private MemoryStatus read(List<GarbageCollectorMXBean> collectors) {
		MemoryPoolMXBean metaspace = mock(MemoryPoolMXBean.class);
		given(metaspace.getName()).willReturn("Metaspace");
		given(metaspace.getType()).willReturn(MemoryType.NON_HEAP);
		MemoryMXBean memory = mock(MemoryMXBean.class);
		given(memory.getHeapMemoryUsage()).willReturn(new MemoryUsage(0, 414 * MB, 512 * MB, 1000 * MB));
		SystemMemory systemMemory = new SystemMemory((task) -> {
		}, new ContainerMemory(this.cgroup));
		return new MemoryStatusReader(systemMemory, memory, List.of(this.eden, this.survivor, this.old, metaspace),
				collectors)
			.get();
	}

	private static MemoryPoolMXBean pool(String name, long used, long usedAfterGc) {
		MemoryPoolMXBean pool = mock(MemoryPoolMXBean.class);
		given(pool.getName()).willReturn(name);
		given(pool.getType()).willReturn(MemoryType.HEAP);
		given(pool.getUsage()).willReturn(new MemoryUsage(0, used, used, -1));
		given(pool.getCollectionUsage()).willReturn(new MemoryUsage(0, usedAfterGc, usedAfterGc, -1));
		return pool;
	}

	private static GarbageCollectorMXBean collector(long endTime, Map<String, Long> usedAfterGc) {
		GcInfo info = mock(GcInfo.class);
		given(info.getEndTime()).willReturn(endTime);
		Map<String, MemoryUsage> after = new HashMap<>();
		usedAfterGc.forEach((pool, used) -> after.put(pool, new MemoryUsage(0, used, used, -1)));
		given(info.getMemoryUsageAfterGc()).willReturn(after);
		com.sun.management.GarbageCollectorMXBean collector = mock(com.sun.management.GarbageCollectorMXBean.class);
		given(collector.getLastGcInfo()).willReturn(info);
		return collector;
	}

}
