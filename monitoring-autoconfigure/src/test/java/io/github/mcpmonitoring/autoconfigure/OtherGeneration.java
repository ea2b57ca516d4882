package io.github.mcpmonitoring.autoconfigure;

import java.util.Set;

/**
 * Plays a Spring Boot 4 application in a Spring Boot 3.5 test: Boot 4 classes cannot be loaded here, so the class
 * loader hides the Boot 3.5 classes the starter adapts to and defines an empty stand-in for Boot 4's generation
 * marker.
 */
final class OtherGeneration {

	private OtherGeneration() {
	}

	/**
	 * A class loader for the application context of the other generation.
	 * @return the class loader
	 */
	static ClassLoader classLoader() {
		return new StandInClassLoader(Set.of(OnBootGenerationCondition.BOOT_4_MARKER),
				"org.springframework.boot.actuate.autoconfigure.metrics",
				"org.springframework.boot.actuate.autoconfigure.health", "org.springframework.boot.actuate.health");
	}

}
