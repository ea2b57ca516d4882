package io.github.mcpmonitoring.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContainerMemory}.
 */
class ContainerMemoryTests {

	@TempDir
	Path cgroup;

	@Test
	void cgroupV2WithoutALimit() throws IOException {
		write("memory.max", "max\n");
		write("memory.current", "123456789\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup);
		assertThat(memory.limit()).isEmpty();
		assertThat(memory.usage()).hasValue(123456789);
	}

	@Test
	void cgroupV2WithALimit() throws IOException {
		write("memory.max", "536870912\n");
		write("memory.current", "268435456\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup);
		assertThat(memory.limit()).hasValue(536870912);
		assertThat(memory.usage()).hasValue(268435456);
	}

	@Test
	void cgroupV2UsageIsTheWorkingSetWithoutInactivePageCache() throws IOException {
		write("memory.max", "536870912\n");
		write("memory.current", "268435456\n");
		write("memory.stat", "anon 100000000\nfile 168435456\ninactive_file 68435456\nactive_file 100000000\n");
		assertThat(new ContainerMemory(this.cgroup).usage()).hasValue(200000000);
	}

	@Test
	void cgroupV1UsageIsTheWorkingSetWithoutInactivePageCache() throws IOException {
		write("memory/memory.limit_in_bytes", "1073741824\n");
		write("memory/memory.usage_in_bytes", "104857600\n");
		write("memory/memory.stat", "cache 4857600\ninactive_file 1\ntotal_inactive_file 4857600\n");
		assertThat(new ContainerMemory(this.cgroup).usage()).hasValue(100000000);
	}

	@Test
	void cgroupV1WithoutALimit() throws IOException {
		write("memory/memory.limit_in_bytes", "9223372036854771712\n");
		write("memory/memory.usage_in_bytes", "104857600\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup);
		assertThat(memory.limit()).isEmpty();
		assertThat(memory.usage()).hasValue(104857600);
	}

	@Test
	void cgroupV1WithALimit() throws IOException {
		write("memory/memory.limit_in_bytes", "1073741824\n");
		write("memory/memory.usage_in_bytes", "104857600\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup);
		assertThat(memory.limit()).hasValue(1073741824);
		assertThat(memory.usage()).hasValue(104857600);
	}

	@Test
	void noCgroupFiles() {
		ContainerMemory memory = new ContainerMemory(this.cgroup.resolve("missing"));
		assertThat(memory.limit()).isEmpty();
		assertThat(memory.usage()).isEmpty();
	}

	@Test
	void unreadableValues() throws IOException {
		write("memory.max", "lots\n");
		write("memory.current", "");
		ContainerMemory memory = new ContainerMemory(this.cgroup);
		assertThat(memory.limit()).isEmpty();
		assertThat(memory.usage()).isEmpty();
	}

	@Test
	void defaultRootReadsWithoutFailing() {
		ContainerMemory memory = new ContainerMemory();
		OptionalLong limit = memory.limit();
		limit.ifPresent((value) -> assertThat(value).isPositive());
		memory.usage().ifPresent((value) -> assertThat(value).isPositive());
	}

	private void write(String file, String content) throws IOException {
		Path path = this.cgroup.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
	}

}
