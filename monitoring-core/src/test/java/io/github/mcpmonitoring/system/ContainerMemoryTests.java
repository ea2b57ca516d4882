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

	@TempDir
	Path proc;

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
	void cgroupV2ReadsTheProcessCgroupWhenTheRootIsTheHosts() throws IOException {
		String pod = "kubepods.slice/kubepods-burstable.slice/cri-containerd-1234.scope/";
		write(pod + "memory.max", "805306368\n");
		write(pod + "memory.current", "268435456\n");
		write(pod + "memory.stat", "anon 200000000\ninactive_file 68435456\n");
		write("kubepods.slice/memory.max", "max\n");
		write("memory.current", "8000000000\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup, processCgroups("0::/" + pod));
		assertThat(memory.limit()).hasValue(805306368);
		assertThat(memory.usage()).hasValue(200000000);
	}

	@Test
	void cgroupV2TakesTheSmallestLimitOfTheProcessCgroupAndItsParentsWithTheUsageOfThatCgroup() throws IOException {
		write("system.slice/memory.max", "536870912\n");
		write("system.slice/memory.current", "400000000\n");
		write("system.slice/mcp.service/memory.max", "1073741824\n");
		write("system.slice/mcp.service/memory.current", "300000000\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup, processCgroups("0::/system.slice/mcp.service"));
		assertThat(memory.limit()).hasValue(536870912);
		assertThat(memory.usage()).hasValue(400000000);
	}

	@Test
	void cgroupV1ReadsTheMemoryControllerCgroupOfTheProcess() throws IOException {
		write("memory/user.slice/memory.limit_in_bytes", "9223372036854771712\n");
		write("memory/user.slice/mcp/memory.limit_in_bytes", "1073741824\n");
		write("memory/user.slice/mcp/memory.usage_in_bytes", "104857600\n");
		write("memory/user.slice/mcp/memory.stat", "total_inactive_file 4857600\n");
		ContainerMemory memory = new ContainerMemory(this.cgroup,
				processCgroups("12:pids:/user.slice\n4:memory:/user.slice/mcp\n1:name=systemd:/user.slice\n"));
		assertThat(memory.limit()).hasValue(1073741824);
		assertThat(memory.usage()).hasValue(100000000);
	}

	@Test
	void readsTheRootWhenTheProcessCgroupIsNotThere() throws IOException {
		write("memory.max", "536870912\n");
		write("memory.current", "268435456\n");
		assertThat(new ContainerMemory(this.cgroup, processCgroups("0::/docker/1234")).limit()).hasValue(536870912);
		assertThat(new ContainerMemory(this.cgroup, processCgroups("0::/../..")).limit()).hasValue(536870912);
		assertThat(new ContainerMemory(this.cgroup, this.proc.resolve("missing")).usage()).hasValue(268435456);
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

	private Path processCgroups(String content) throws IOException {
		return Files.writeString(this.proc.resolve("cgroup"), content);
	}

	private void write(String file, String content) throws IOException {
		Path path = this.cgroup.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
	}

}
