package io.github.mcpmonitoring.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads the memory limit and usage of the container the process runs in, from the cgroup files (v2, else v1). A
 * limit that is not set ({@code max}, or v1's near-{@code Long.MAX_VALUE}) counts as no limit.
 */
public class ContainerMemory {

	/** cgroup v1 reports "no limit" as a huge page-aligned number. */
	private static final long V1_UNLIMITED_FLOOR = Long.MAX_VALUE / 2;

	private final Path cgroupRoot;

	/**
	 * Read the cgroup files under {@code /sys/fs/cgroup}.
	 */
	public ContainerMemory() {
		this(Path.of("/sys/fs/cgroup"));
	}

	/**
	 * Read the cgroup files under another root, for tests.
	 * @param cgroupRoot the cgroup file system root
	 */
	public ContainerMemory(Path cgroupRoot) {
		this.cgroupRoot = cgroupRoot;
	}

	/**
	 * Return the memory limit of the container.
	 * @return the limit in bytes, or empty when there is none
	 */
	public OptionalLong limit() {
		OptionalLong v2 = read("memory.max");
		OptionalLong limit = v2.isPresent() ? v2 : read("memory/memory.limit_in_bytes");
		return (limit.isPresent() && limit.getAsLong() < V1_UNLIMITED_FLOOR) ? limit : OptionalLong.empty();
	}

	/**
	 * Return the working set of the container: the memory it uses less the inactive page cache the kernel can
	 * reclaim, as the kubelet counts it before evicting a pod.
	 * @return the working set in bytes, or empty when unknown
	 */
	public OptionalLong usage() {
		OptionalLong v2 = read("memory.current");
		if (v2.isPresent()) {
			return OptionalLong.of(v2.getAsLong() - statValue("memory.stat", "inactive_file"));
		}
		OptionalLong v1 = read("memory/memory.usage_in_bytes");
		if (v1.isPresent()) {
			return OptionalLong.of(v1.getAsLong() - statValue("memory/memory.stat", "total_inactive_file"));
		}
		return OptionalLong.empty();
	}

	private long statValue(String file, String key) {
		Path path = this.cgroupRoot.resolve(file);
		try {
			if (Files.isReadable(path)) {
				for (String line : Files.readAllLines(path)) {
					if (line.startsWith(key + " ")) {
						return Long.parseLong(line.substring(key.length() + 1).trim());
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// No reclaimable cache known: count it all.
		}
		return 0;
	}

	private OptionalLong read(String file) {
		Path path = this.cgroupRoot.resolve(file);
		try {
			if (!Files.isReadable(path)) {
				return OptionalLong.empty();
			}
			String value = Files.readString(path).trim();
			return "max".equals(value) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

}
