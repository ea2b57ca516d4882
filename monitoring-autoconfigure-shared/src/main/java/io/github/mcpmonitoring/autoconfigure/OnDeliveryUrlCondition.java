package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The condition of {@link ConditionalOnDeliveryUrl}. The report names the property, never its value: a URL may carry
 * credentials.
 */
class OnDeliveryUrlCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String property = (String) metadata.getAnnotationAttributes(ConditionalOnDeliveryUrl.class.getName())
			.get("value");
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnDeliveryUrl.class, property);
		if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
			return ConditionOutcome.match(message.available("a URL"));
		}
		return ConditionOutcome.noMatch(message.because("it is not set or empty"));
	}

}
