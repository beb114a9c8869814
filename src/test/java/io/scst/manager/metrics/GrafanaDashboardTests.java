package io.scst.manager.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/grafana-dashboard.json} uses only series a real scrape has. */
@MetricsTest
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Path.of("docs", "grafana-dashboard.json");

	private static final Pattern METRIC = Pattern.compile("\\bscst_[a-z0-9_]+");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper mapper;

	@Test
	void everyMetricTheDashboardUsesIsExported() throws IOException {
		Set<String> used = new TreeSet<>();
		collect(this.mapper.readTree(Files.readString(DASHBOARD)), used);
		assertThat(used).as("metric names in the dashboard").hasSizeGreaterThan(10);
		Set<String> exported = ScstMetricsCollectorTests.scrape(this.mvc).names();
		assertThat(exported).containsAll(used);
	}

	/** Every metric name in every {@code expr} and template {@code query}. */
	private static void collect(JsonNode node, Set<String> names) {
		if (node.isObject()) {
			for (String field : node.propertyNames()) {
				JsonNode value = node.get(field);
				if ((field.equals("expr") || field.equals("query")) && value.isString()) {
					Matcher matcher = METRIC.matcher(value.asString());
					while (matcher.find()) {
						names.add(matcher.group());
					}
				}
				else {
					collect(value, names);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((child) -> collect(child, names));
		}
	}

}
