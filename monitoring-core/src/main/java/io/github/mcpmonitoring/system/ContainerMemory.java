package io.github.mcpmonitoring.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

import org.springframework.lang.Nullable;

/**
 * Reads the memory limit and usage of the container the process runs in, from the cgroup files (v2, else v1). The
 * process's own cgroup comes from {@code /proc/self/cgroup}; the smallest limit of that cgroup and its parents counts,
 * with the usage of the cgroup that sets it. When the process's cgroup is not under the cgroup root (a private cgroup
 * namespace shows the container's own cgroup at the root), the files at the root count. A limit that is not set
 * ({@code max}, or v1's near-{@code Long.MAX_VALUE}) counts as no limit.
 */
public class ContainerMemory {

	/** cgroup v1 reports "no limit" as a huge page-aligned number. */
	private static final long V1_UNLIMITED_FLOOR = Long.MAX_VALUE / 2;

	private static final String V2_LIMIT = "memory.max";

	private static final String V1_LIMIT = "memory.limit_in_bytes";

	private final Path cgroupRoot;

	@Nullable
	private final Path processCgroups;

	/**
	 * Read the cgroup files under {@code /sys/fs/cgroup}, from the process's cgroup in {@code /proc/self/cgroup}.
	 */
	public ContainerMemory() {
		this(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
	}

	/**
	 * Read the cgroup files at the root of another cgroup file system, for tests.
	 * @param cgroupRoot the cgroup file system root
	 */
	public ContainerMemory(Path cgroupRoot) {
		this(cgroupRoot, null);
	}

	/**
	 * Read the cgroup files of another cgroup file system and process, for tests.
	 * @param cgroupRoot the cgroup file system root
	 * @param processCgroups the file that lists the process's cgroups, in the format of {@code /proc/self/cgroup}
	 */
	public ContainerMemory(Path cgroupRoot, @Nullable Path processCgroups) {
		this.cgroupRoot = cgroupRoot;
		this.processCgroups = processCgroups;
	}

	/**
	 * Return the memory limit of the container.
	 * @return the limit in bytes, or empty when there is none
	 */
	public OptionalLong limit() {
		OptionalLong v2 = read(v2Cgroup().resolve(V2_LIMIT));
		OptionalLong limit = v2.isPresent() ? v2 : read(v1Cgroup().resolve(V1_LIMIT));
		return (limit.isPresent() && limit.getAsLong() < V1_UNLIMITED_FLOOR) ? limit : OptionalLong.empty();
	}

	/**
	 * Return the working set of the container: the memory it uses less the inactive page cache the kernel can
	 * reclaim, as the kubelet counts it before evicting a pod.
	 * @return the working set in bytes, or empty when unknown
	 */
	public OptionalLong usage() {
		Path v2 = v2Cgroup();
		OptionalLong current = read(v2.resolve("memory.current"));
		if (current.isPresent()) {
			return OptionalLong.of(current.getAsLong() - statValue(v2.resolve("memory.stat"), "inactive_file"));
		}
		Path v1 = v1Cgroup();
		OptionalLong usage = read(v1.resolve("memory.usage_in_bytes"));
		if (usage.isPresent()) {
			return OptionalLong.of(usage.getAsLong() - statValue(v1.resolve("memory.stat"), "total_inactive_file"));
		}
		return OptionalLong.empty();
	}

	/** The directory of the cgroup v2 hierarchy that limits the process: its {@code 0::/path} line. */
	private Path v2Cgroup() {
		return limitingCgroup(this.cgroupRoot, processCgroup((fields) -> "0".equals(fields[0]) && fields[1].isEmpty()),
				V2_LIMIT);
	}

	/** The directory of the cgroup v1 memory controller that limits the process: its {@code memory} line. */
	private Path v1Cgroup() {
		return limitingCgroup(this.cgroupRoot.resolve("memory"),
				processCgroup((fields) -> Arrays.asList(fields[1].split(",")).contains("memory")), V1_LIMIT);
	}

	/**
	 * Of the process's cgroup and its parents up to the root, the one with the smallest limit; the process's own
	 * cgroup when none has one, and the root when the process's cgroup is not under it.
	 */
	private Path limitingCgroup(Path root, @Nullable String path, String limitFile) {
		List<Path> cgroups = cgroupAndParents(root, path);
		Path limiting = cgroups.get(0);
		long smallest = Long.MAX_VALUE;
		for (Path cgroup : cgroups) {
			OptionalLong limit = read(cgroup.resolve(limitFile));
			if (limit.isPresent() && limit.getAsLong() < smallest) {
				smallest = limit.getAsLong();
				limiting = cgroup;
			}
		}
		return limiting;
	}

	private List<Path> cgroupAndParents(Path root, @Nullable String path) {
		if (path != null && path.startsWith("/")) {
			Path own = root.resolve(path.substring(1)).normalize();
			if (own.startsWith(root) && Files.isDirectory(own)) {
				List<Path> cgroups = new ArrayList<>();
				for (Path cgroup = own; cgroup != null && cgroup.startsWith(root); cgroup = cgroup.getParent()) {
					cgroups.add(cgroup);
				}
				return cgroups;
			}
		}
		return List.of(root);
	}

	/** The path of the first {@code hierarchy-id:controllers:path} line of the process that matches. */
	@Nullable
	private String processCgroup(Predicate<String[]> hierarchy) {
		if (this.processCgroups == null) {
			return null;
		}
		try {
			if (Files.isReadable(this.processCgroups)) {
				for (String line : Files.readAllLines(this.processCgroups)) {
					String[] fields = line.split(":", 3);
					if (fields.length == 3 && hierarchy.test(fields)) {
						return fields[2];
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The process's cgroup is unknown: read the root.
		}
		return null;
	}

	private long statValue(Path path, String key) {
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

	private OptionalLong read(Path path) {
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
