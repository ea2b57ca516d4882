package io.github.mcpmonitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the packages meant to survive a move to another Spring Boot line use nothing from
 * {@code org.springframework.boot}: only the {@code autoconfigure} package may.
 */
class BootFreePackagesTests {

	private static final Path SOURCES = Path.of("src/main/java/io/github/mcpmonitoring");

	@ParameterizedTest
	@ValueSource(strings = { "core", "annotation", "mcp", "toolcall", "errors", "kaltura", "system", "alerts" })
	void packageUsesNothingFromSpringBoot(String packageName) throws IOException {
		List<Path> sources = javaSources(SOURCES.resolve(packageName));
		assertThat(sources).as("sources of %s", packageName).isNotEmpty();
		for (Path source : sources) {
			assertThat(Files.readString(source)).as(source.toString()).doesNotContain("org.springframework.boot");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "autoconfigure" })
	void checkWouldNoticeABootImport(String packageName) throws IOException {
		assertThat(javaSources(SOURCES.resolve(packageName)))
			.anySatisfy((source) -> assertThat(Files.readString(source)).contains("org.springframework.boot"));
	}

	private static List<Path> javaSources(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter((path) -> path.toString().endsWith(".java")).toList();
		}
	}

}
