package io.github.mcpmonitoring.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Programs from Debian packages that tests run for real (Prometheus, promtool, Alertmanager), found on the PATH.
 */
public final class Executables {

	private Executables() {
	}

	/**
	 * Return the first of the given programs found on the PATH (or in {@code /usr/bin}); fail the test, rather than
	 * skip it, when none is there, saying which Debian package brings it.
	 * @param debianPackage the package that installs the program
	 * @param names the names the program goes by, the preferred one first
	 * @return the program's path
	 */
	public static Path require(String debianPackage, String... names) {
		return find(List.of(names))
			.orElseGet(() -> fail(String.join(" or ", names) + " not found on the PATH. Install Debian's "
					+ debianPackage + " package: apt-get install -y " + debianPackage + " (.ci/run does)"));
	}

	private static Optional<Path> find(List<String> names) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin";
		return names.stream()
			.flatMap((name) -> Stream.of(path.split(File.pathSeparator))
				.filter((directory) -> !directory.isEmpty())
				.map((directory) -> Path.of(directory, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
