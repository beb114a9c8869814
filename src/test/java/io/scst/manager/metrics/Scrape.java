package io.scst.manager.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed Prometheus text exposition (test helper): the samples, each with its labels.
 *
 * @param text the exposition as scraped
 * @param samples every sample line
 */
record Scrape(String text, List<Sample> samples) {

	static Scrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			samples.add(Sample.parse(line));
		}
		return new Scrape(text, samples);
	}

	/** The sample names (series names, with {@code _total}, {@code _count}, ...). */
	Set<String> names() {
		Set<String> names = new TreeSet<>();
		this.samples.forEach((sample) -> names.add(sample.name()));
		return names;
	}

	/** The samples of a name whose labels include all of {@code labels}. */
	List<Sample> find(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((s) -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
	}

	/** The value of the one sample of a name with these labels (among others). */
	Optional<Double> value(String name, Map<String, String> labels) {
		List<Sample> found = find(name, labels);
		if (found.size() > 1) {
			throw new IllegalStateException("Several samples of " + name + " match " + labels + ": " + found);
		}
		return found.stream().findFirst().map(Sample::value);
	}

	/**
	 * One sample line.
	 *
	 * @param name the series name
	 * @param labels its labels
	 * @param value its value
	 */
	record Sample(String name, Map<String, String> labels, double value) {

		static Sample parse(String line) {
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			Map<String, String> labels = new LinkedHashMap<>();
			String name;
			int rest;
			if (brace >= 0 && brace < space) {
				name = line.substring(0, brace);
				int i = brace + 1;
				while (line.charAt(i) != '}') {
					int eq = line.indexOf('=', i);
					String label = line.substring(i, eq).strip();
					StringBuilder value = new StringBuilder();
					int j = eq + 2;
					while (line.charAt(j) != '"') {
						char c = line.charAt(j);
						if (c == '\\') {
							char next = line.charAt(++j);
							value.append((next == 'n') ? '\n' : next);
						}
						else {
							value.append(c);
						}
						j++;
					}
					labels.put(label, value.toString());
					i = j + 1;
					if (line.charAt(i) == ',') {
						i++;
					}
				}
				rest = i + 1;
			}
			else {
				name = line.substring(0, space);
				rest = space;
			}
			String[] tail = line.substring(rest).strip().split(" ");
			return new Sample(name, labels, Double.parseDouble(tail[0]));
		}

	}

}
