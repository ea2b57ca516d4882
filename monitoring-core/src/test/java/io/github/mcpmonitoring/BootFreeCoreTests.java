package io.github.mcpmonitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the core uses nothing from {@code org.springframework.boot}, so that one core serves every Spring Boot
 * line: only the glue modules may.
 */
class BootFreeCoreTests {

	private static final Path CORE = Path.of("src/main/java");

	private static final Path GLUE = Path.of("../monitoring-autoconfigure/src/main/java");

	@Test
	void coreUsesNothingFromSpringBoot() throws IOException {
		List<Path> sources = javaSources(CORE);
		assertThat(sources).hasSizeGreaterThan(50);
		for (Path source : sources) {
			assertThat(Files.readString(source)).as(source.toString()).doesNotContain("org.springframework.boot");
		}
	}

	@Test
	void checkWouldNoticeABootImport() throws IOException {
		assertThat(javaSources(GLUE))
			.anySatisfy((source) -> assertThat(Files.readString(source)).contains("org.springframework.boot"));
	}

	private static List<Path> javaSources(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter((path) -> path.toString().endsWith(".java")).toList();
		}
	}

}
