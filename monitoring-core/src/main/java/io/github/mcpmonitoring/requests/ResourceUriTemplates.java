package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.github.mcpmonitoring.core.McpMeterNames;

/**
 * The resources a server registered, to name the {@code mcp.resource.uri} of a {@code resources/read}: a static
 * resource's URI as it is, the URI template a requested URI expands, {@code _OTHER} for anything else. A client's URI
 * is never a value itself, and it is bounded in length before any pattern sees it.
 */
public final class ResourceUriTemplates {

	/** URIs longer than this match nothing: the templates of a server are short. */
	private static final int MAX_URI_LENGTH = 2048;

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

	private final Set<String> uris = ConcurrentHashMap.newKeySet();

	private final List<Template> templates = new CopyOnWriteArrayList<>();

	/**
	 * Register a static resource's URI.
	 * @param uri the URI
	 */
	public void registerUri(String uri) {
		if (uri != null) {
			this.uris.add(uri);
		}
	}

	/**
	 * Register a resource template (RFC 6570, each expression matches one or more characters but {@code /}).
	 * @param uriTemplate the URI template
	 */
	public void registerTemplate(String uriTemplate) {
		if (uriTemplate == null) {
			return;
		}
		StringBuilder regex = new StringBuilder();
		int last = 0;
		var matcher = VARIABLE.matcher(uriTemplate);
		while (matcher.find()) {
			regex.append(Pattern.quote(uriTemplate.substring(last, matcher.start()))).append("[^/]+");
			last = matcher.end();
		}
		regex.append(Pattern.quote(uriTemplate.substring(last)));
		this.templates.add(new Template(uriTemplate, Pattern.compile(regex.toString())));
	}

	/**
	 * Return the registered URI or template a requested URI matches.
	 * @param uri the URI a client asked for
	 * @return the static URI or the template, or {@code _OTHER}
	 */
	public String match(String uri) {
		if (uri == null || uri.length() > MAX_URI_LENGTH) {
			return McpMeterNames.OTHER_VALUE;
		}
		if (this.uris.contains(uri)) {
			return uri;
		}
		for (Template template : this.templates) {
			if (template.pattern().matcher(uri).matches()) {
				return template.uriTemplate();
			}
		}
		return McpMeterNames.OTHER_VALUE;
	}

	private record Template(String uriTemplate, Pattern pattern) {
	}

}
