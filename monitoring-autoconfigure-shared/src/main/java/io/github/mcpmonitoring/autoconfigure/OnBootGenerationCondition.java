package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when the application runs on the Spring Boot generation this jar is built for, for the auto-configurations
 * whose other conditions would match on either generation.
 */
class OnBootGenerationCondition extends SpringBootCondition {

	/**
	 * A class of the {@code spring-boot} jar itself that Spring Boot 4.0 added: every Boot 4 application has it, with
	 * or without the actuator, and no Boot 3 application does.
	 */
	static final String BOOT_4_MARKER = "org.springframework.boot.EnvironmentPostProcessor";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Spring Boot generation");
		if (runsOnThisGeneration(context.getClassLoader())) {
			return ConditionOutcome.match(message.foundExactly(BootGeneration.NAME));
		}
		return ConditionOutcome.noMatch(message.because("the application runs on " + BootGeneration.OTHER_NAME
				+ " and this jar is built for " + BootGeneration.NAME));
	}

	/**
	 * Whether the application runs on the Spring Boot generation this jar is built for.
	 * @param classLoader the application's class loader
	 * @return {@code true} on this jar's generation
	 */
	static boolean runsOnThisGeneration(ClassLoader classLoader) {
		return ClassUtils.isPresent(BOOT_4_MARKER, classLoader) == BootGeneration.BOOT_4;
	}

}
