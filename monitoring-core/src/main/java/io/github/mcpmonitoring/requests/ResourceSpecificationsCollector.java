package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.function.Supplier;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Takes note of the resources and resource templates of the lists of resource specifications an MCP server is built
 * from (Spring AI's {@code resourceSpecs} and {@code resourceTemplateSpecs}, and lists the application declares), so
 * that {@code resources/read} can be tagged with what it read. The beans are returned as they are.
 */
public class ResourceSpecificationsCollector implements BeanPostProcessor {

	private final Supplier<ResourceUriTemplates> templates;

	/**
	 * Create a collector. The templates are supplied lazily, when the first list of specifications is seen.
	 * @param templates supplies where the resources are noted
	 */
	public ResourceSpecificationsCollector(Supplier<ResourceUriTemplates> templates) {
		this.templates = templates;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof List<?> list) {
			for (Object element : list) {
				collect(element);
			}
		}
		return bean;
	}

	private void collect(Object element) {
		if (element instanceof McpServerFeatures.SyncResourceSpecification spec) {
			this.templates.get().registerUri(spec.resource().uri());
		}
		else if (element instanceof McpServerFeatures.AsyncResourceSpecification spec) {
			this.templates.get().registerUri(spec.resource().uri());
		}
		else if (element instanceof McpStatelessServerFeatures.SyncResourceSpecification spec) {
			this.templates.get().registerUri(spec.resource().uri());
		}
		else if (element instanceof McpStatelessServerFeatures.AsyncResourceSpecification spec) {
			this.templates.get().registerUri(spec.resource().uri());
		}
		else if (element instanceof McpServerFeatures.SyncResourceTemplateSpecification spec) {
			this.templates.get().registerTemplate(spec.resourceTemplate().uriTemplate());
		}
		else if (element instanceof McpServerFeatures.AsyncResourceTemplateSpecification spec) {
			this.templates.get().registerTemplate(spec.resourceTemplate().uriTemplate());
		}
		else if (element instanceof McpStatelessServerFeatures.SyncResourceTemplateSpecification spec) {
			this.templates.get().registerTemplate(spec.resourceTemplate().uriTemplate());
		}
		else if (element instanceof McpStatelessServerFeatures.AsyncResourceTemplateSpecification spec) {
			this.templates.get().registerTemplate(spec.resourceTemplate().uriTemplate());
		}
	}

}
