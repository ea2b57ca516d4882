package io.github.mcpmonitoring.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Instruments the tool specifications an MCP server is built from: every bean that is a {@code List} holding tool
 * specifications (Spring AI's {@code syncTools}, {@code asyncTools} and {@code toolSpecs}, and lists the application
 * declares) is replaced by a list of instrumented copies, in the same order.
 */
public class ToolSpecificationsPostProcessor implements BeanPostProcessor {

	private final Supplier<ToolSpecificationInstrumenter> instrumenter;

	/**
	 * Create a post-processor. The instrumenter is supplied lazily, when the first list of tool specifications is
	 * seen, so that creating the post-processor does not initialise the meter registry early.
	 * @param instrumenter supplies the instrumenter
	 */
	public ToolSpecificationsPostProcessor(Supplier<ToolSpecificationInstrumenter> instrumenter) {
		this.instrumenter = instrumenter;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof List<?> list && containsToolSpecification(list)) {
			ToolSpecificationInstrumenter instrumenter = this.instrumenter.get();
			List<Object> instrumented = new ArrayList<>(list.size());
			for (Object element : list) {
				instrumented.add(instrumenter.instrument(element));
			}
			return instrumented;
		}
		return bean;
	}

	private static boolean containsToolSpecification(List<?> list) {
		for (Object element : list) {
			if (ToolSpecificationInstrumenter.isToolSpecification(element)) {
				return true;
			}
		}
		return false;
	}

}
