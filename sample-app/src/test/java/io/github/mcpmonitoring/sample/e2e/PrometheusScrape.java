package io.github.mcpmonitoring.sample.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed scrape of {@code /actuator/prometheus} in the Prometheus text format.
 */
final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples = new ArrayList<>();

	private final Map<String, String> help = new LinkedHashMap<>();

	private final Map<String, String> types = new LinkedHashMap<>();

	/**
	 * Scrape the Prometheus endpoint of an application on a local port, in the text format Prometheus 2 asks for.
	 */
	static PrometheusScrape fetch(int port) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Accept", "text/plain;version=0.0.4")
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Scrape failed with status " + response.statusCode());
		}
		return new PrometheusScrape(response.body());
	}

	PrometheusScrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			parseLine(line.trim());
		}
	}

	private void parseLine(String line) {
		if (line.startsWith("# HELP ")) {
			String[] parts = line.substring(7).split(" ", 2);
			this.help.put(parts[0], (parts.length > 1) ? parts[1] : "");
		}
		else if (line.startsWith("# TYPE ")) {
			String[] parts = line.substring(7).split(" ", 2);
			this.types.put(parts[0], parts[1]);
		}
		else if (!line.isEmpty() && !line.startsWith("#")) {
			Matcher matcher = SAMPLE.matcher(line);
			if (matcher.matches()) {
				Map<String, String> labels = new LinkedHashMap<>();
				if (matcher.group(3) != null) {
					Matcher label = LABEL.matcher(matcher.group(3));
					while (label.find()) {
						labels.put(label.group(1), label.group(2));
					}
				}
				this.samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
			}
		}
	}

	String text() {
		return this.text;
	}

	Map<String, String> help() {
		return this.help;
	}

	Map<String, String> types() {
		return this.types;
	}

	List<Sample> samples(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	/**
	 * Return the value of the one sample with the given name whose labels include the given ones, or 0 when there is
	 * none.
	 */
	double value(String name, Map<String, String> labels) {
		List<Sample> matching = this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
		if (matching.size() > 1) {
			throw new IllegalStateException("More than one sample of " + name + " matches " + labels + ": " + matching);
		}
		return matching.isEmpty() ? 0 : matching.get(0).value();
	}

	record Sample(String name, Map<String, String> labels, double value) {
	}

}
