package io.scst.manager.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity tags on GET and {@code If-Match} on PUT and DELETE, through a small store
 * controller under {@code /api/}.
 */
@WebMvcTest(controllers = IfMatchInterceptorTests.StoreController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ IfMatchInterceptorTests.StoreController.class, WebConfiguration.class, EntityTagAdvice.class })
class IfMatchInterceptorTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private StoreController store;

	@BeforeEach
	void reset() {
		this.store.values.clear();
		this.store.values.put("a", "1");
		this.store.writes.set(0);
	}

	@Test
	void getCarriesAnEtagThatChangesWithTheContent() {
		String first = etag("a");
		assertThat(first).matches("\"[0-9a-f]{32}\"");
		assertThat(etag("a")).isEqualTo(first);
		this.store.values.put("a", "2");
		assertThat(etag("a")).isNotEqualTo(first);
	}

	@Test
	void putWithTheCurrentTagProceeds() {
		String tag = etag("a");
		assertThat(put("a", "2", tag)).hasStatusOk();
		assertThat(this.store.values).containsEntry("a", "2");
		assertThat(this.store.writes).hasValue(1);
	}

	@Test
	void putWithAStaleTagIs412AndWritesNothing() {
		String tag = etag("a");
		this.store.values.put("a", "changed elsewhere");
		MvcTestResult result = put("a", "2", tag);
		assertThat(result).hasStatus(412)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:scst-mgmt:problem:precondition-failed");
		assertThat(result).bodyJson().extractingPath("$.currentEtag").isEqualTo(etag("a"));
		assertThat(this.store.writes).hasValue(0);
		assertThat(this.store.values).containsEntry("a", "changed elsewhere");
	}

	@Test
	void anyOfSeveralTagsMayMatch() {
		String tag = etag("a");
		assertThat(put("a", "2", "\"0000\", " + tag)).hasStatusOk();
	}

	@Test
	void weakTagsNeverMatch() {
		String tag = etag("a");
		assertThat(put("a", "2", "W/" + tag)).hasStatus(412);
		assertThat(this.store.writes).hasValue(0);
	}

	@Test
	void wildcardNeedsAnExistingResource() {
		assertThat(put("a", "2", "*")).hasStatusOk();
		assertThat(put("missing", "2", "*")).hasStatus(412);
		assertThat(this.store.values).doesNotContainKey("missing");
	}

	@Test
	void deleteWithAStaleTagIs412() {
		assertThat(this.mvc.delete().uri("/api/test/values/a").header(HttpHeaders.IF_MATCH, "\"stale\""))
			.hasStatus(412);
		assertThat(this.store.values).containsKey("a");
	}

	@Test
	void pathVariablesOfOtherTypesAreConverted() {
		this.store.values.put("7", "seven");
		MvcTestResult get = this.mvc.get().uri("/api/test/values/numbered/7").exchange();
		assertThat(get).hasStatusOk();
		String tag = get.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(this.mvc.delete().uri("/api/test/values/numbered/7").header(HttpHeaders.IF_MATCH, "\"stale\""))
			.hasStatus(412);
		assertThat(this.mvc.delete().uri("/api/test/values/numbered/7").header(HttpHeaders.IF_MATCH, tag))
			.hasStatusOk();
		assertThat(this.store.values).doesNotContainKey("7");
	}

	@Test
	void malformedIfMatchIs400() {
		assertThat(put("a", "2", "not-quoted")).hasStatus(400);
		assertThat(this.store.writes).hasValue(0);
	}

	@Test
	void withoutIfMatchNothingIsChecked() {
		assertThat(this.mvc.put().uri("/api/test/values/new").contentType(MediaType.APPLICATION_JSON).content("\"5\""))
			.hasStatusOk();
		assertThat(this.store.values).containsEntry("new", "5");
	}

	private String etag(String key) {
		MvcTestResult result = this.mvc.get().uri("/api/test/values/" + key).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getHeader(HttpHeaders.ETAG);
	}

	private MvcTestResult put(String key, String value, String ifMatch) {
		return this.mvc.put()
			.uri("/api/test/values/" + key)
			.header(HttpHeaders.IF_MATCH, ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.content("\"" + value + "\"")
			.exchange();
	}

	record Value(String key, String value) {

	}

	static class ValueNotFoundException extends NotFoundException {

		ValueNotFoundException(String key) {
			super("value", "No such value " + key);
		}

	}

	@RestController
	@RequestMapping("/api/test/values")
	static class StoreController {

		final Map<String, String> values = new TreeMap<>();

		final AtomicInteger writes = new AtomicInteger();

		@GetMapping("/{key}")
		Value get(@PathVariable String key) {
			String value = this.values.get(key);
			if (value == null) {
				throw new ValueNotFoundException(key);
			}
			return new Value(key, value);
		}

		@PutMapping("/{key}")
		Value put(@PathVariable String key, @RequestBody String value) {
			this.writes.incrementAndGet();
			this.values.put(key, value.replace("\"", ""));
			return get(key);
		}

		@GetMapping("/numbered/{number}")
		Value numbered(@PathVariable int number) {
			return get(Integer.toString(number));
		}

		@DeleteMapping("/numbered/{number}")
		void deleteNumbered(@PathVariable int number) {
			delete(Integer.toString(number));
		}

		@DeleteMapping("/{key}")
		void delete(@PathVariable String key) {
			this.writes.incrementAndGet();
			this.values.remove(key);
		}

	}

}
