package io.github.mcpmonitoring.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed scrape of {@code /actuator/prometheus} in the Prometheus text format.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples = new ArrayList<>();

	private final Map<String, String> help = new LinkedHashMap<>();

	private final Map<String, String> types = new LinkedHashMap<>();

	/**
	 * Parse a scrape.
	 * @param text the scraped text
	 */
	public PrometheusScrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			parseLine(line.trim());
		}
	}

	/**
	 * Scrape the Prometheus endpoint of an application on a local port, in the text format Prometheus 2 asks for.
	 * @param port the port that serves {@code /actuator/prometheus}
	 * @return the parsed scrape
	 * @throws IOException if the request fails
	 * @throws InterruptedException if interrupted while waiting for the answer
	 */
	public static PrometheusScrape fetch(int port) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Accept", "text/plain;version=0.0.4")
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Scrape failed with status " + response.statusCode());
		}
		return new PrometheusScrape(response.body());
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
				this.samples.add(new Sample(matcher.group(1), labels(matcher.group(3)),
						Double.parseDouble(matcher.group(4))));
			}
		}
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (text != null) {
			Matcher label = LABEL.matcher(text);
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		return labels;
	}

	/**
	 * Return the scraped text as it came.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Return the {@code HELP} text of each metric family.
	 * @return the help texts by family name
	 */
	public Map<String, String> help() {
		return this.help;
	}

	/**
	 * Return the {@code TYPE} of each metric family.
	 * @return the types by family name
	 */
	public Map<String, String> types() {
		return this.types;
	}

	/**
	 * Return the samples of a name, in scrape order.
	 * @param name the sample name, such as {@code mcp_server_operation_duration_seconds_count}
	 * @return the samples, empty when there is none
	 */
	public List<Sample> samples(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	/**
	 * Return the value of the one sample with the given name whose labels include the given ones, or 0 when there is
	 * none.
	 * @param name the sample name
	 * @param labels labels the sample must have, among others
	 * @return the value
	 * @throws IllegalStateException if more than one sample matches
	 */
	public double value(String name, Map<String, String> labels) {
		List<Sample> matching = this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
		if (matching.size() > 1) {
			throw new IllegalStateException("More than one sample of " + name + " matches " + labels + ": " + matching);
		}
		return matching.isEmpty() ? 0 : matching.get(0).value();
	}

	/**
	 * Return the sum of the samples with the given name whose labels include the given ones: the series of one tool
	 * and outcome that differ in labels the caller does not name (a protocol version, a transport) add up.
	 * @param name the sample name
	 * @param labels labels the samples must have, among others
	 * @return the sum, 0 when there is none
	 */
	public double sum(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	/**
	 * One line of the scrape.
	 *
	 * @param name the sample name
	 * @param labels the labels, their values as written (escapes kept)
	 * @param value the value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {
	}

}
