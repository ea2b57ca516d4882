package io.github.mcpmonitoring.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MemoryStatusReader} and {@link MemoryStatus}.
 */
class MemoryStatusReaderTests {

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
	void ratiosAreUnknownWithoutATotalAndCappedAtOne() {
		assertThat(new MemoryStatus(10, 10, -1, -1, -1, false).usedRatio()).isEqualTo(-1);
		assertThat(new MemoryStatus(10, 10, 0, 0, 5, false).usedRatio()).isEqualTo(-1);
		assertThat(new MemoryStatus(10, 10, 100, 100, 150, true).systemUsedRatio()).isEqualTo(1.0);
		assertThat(new MemoryStatus(10, 30, 100, 100, 20, false).usedRatio()).isEqualTo(0.3);
	}

}
