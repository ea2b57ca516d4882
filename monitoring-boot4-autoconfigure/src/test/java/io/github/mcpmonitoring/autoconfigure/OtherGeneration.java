package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * Plays a Spring Boot 3.5 application in a Spring Boot 4 test: Boot 3.5 classes cannot be loaded here, so the class
 * loader hides Boot 4's generation marker and the Boot 4 classes the starter adapts to.
 */
final class OtherGeneration {

	private OtherGeneration() {
	}

	/**
	 * A class loader for the application context of the other generation.
	 * @return the class loader
	 */
	static ClassLoader classLoader() {
		return new FilteredClassLoader(OnBootGenerationCondition.BOOT_4_MARKER, "org.springframework.boot.health",
				"org.springframework.boot.micrometer");
	}

}
