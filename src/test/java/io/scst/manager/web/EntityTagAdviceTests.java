package io.scst.manager.web;

import java.util.List;

import io.scst.manager.ApiTest;
import io.scst.manager.device.DeviceService;
import io.scst.manager.device.HandlerService;
import io.scst.manager.lun.LunService;
import io.scst.manager.target.TargetService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntityTagAdvice} with {@link TaggingJsonHttpMessageConverter}: a JSON answer's
 * tag, taken from the bytes written, is the tag of the answer's object as
 * {@code If-Match} computes it ({@link EntityTags#of(Object)}), and the hash of the body.
 */
@ApiTest
class EntityTagAdviceTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper mapper;

	@Autowired
	private RequestMappingHandlerAdapter adapter;

	@Autowired
	private HandlerService handlers;

	@Autowired
	private DeviceService devices;

	@Autowired
	private TargetService targets;

	@Autowired
	private LunService luns;

	@Test
	void theJsonConverterIsTheTaggingOne() {
		List<HttpMessageConverter<?>> json = this.adapter.getMessageConverters()
			.stream()
			.filter((converter) -> converter instanceof JacksonJsonHttpMessageConverter)
			.toList();
		assertThat(json).hasSize(1).first().isInstanceOf(TaggingJsonHttpMessageConverter.class);
	}

	@Test
	void aListsTagIsTheTagOfItsObjectAndOfItsBody() {
		EntityTags tags = new EntityTags(this.mapper);
		assertTagged("/api/v1/handlers", tags.of(this.handlers.list()));
		assertTagged("/api/v1/devices", tags.of(this.devices.list(null)));
		assertTagged("/api/v1/devices?limit=1", tags.of(this.devices.list(null, Page.first(1)).items()));
		assertTagged("/api/v1/target-drivers/scst_local/targets", tags.of(this.targets.list("scst_local")));
		assertTagged("/api/v1/target-drivers/scst_local/targets/scst_local_tgt/luns",
				tags.of(this.luns.list("scst_local", "scst_local_tgt", null)));
		assertTagged("/api/v1/devices/vm_disk1", tags.of(this.devices.get("vm_disk1")));
	}

	@Test
	void aTextAnswerIsTaggedByItsText() {
		MvcTestResult json = this.mvc.get().uri("/api/v1/config").accept(MediaType.APPLICATION_JSON).exchange();
		MvcTestResult text = this.mvc.get().uri("/api/v1/config").accept(MediaType.TEXT_PLAIN).exchange();
		assertThat(json).hasStatusOk();
		assertThat(text).hasStatusOk();
		String tag = json.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(tag).isNotNull().isEqualTo(text.getResponse().getHeader(HttpHeaders.ETAG));
		assertThat(tag).isNotEqualTo(EntityTags.ofJson(json.getResponse().getContentAsByteArray(),
				json.getResponse().getContentAsByteArray().length));
	}

	@Test
	void aGetWhoseIfNoneMatchHasTheTagIsNotModified() {
		for (String uri : List.of("/api/v1/devices/vm_disk1", "/api/v1/scst")) {
			assertNotModified(uri, MediaType.APPLICATION_JSON, null);
		}
		assertNotModified("/api/v1/config", MediaType.TEXT_PLAIN, null);
		// a list: read (no-cache), then served again by the list cache
		assertNotModified("/api/v1/devices", MediaType.APPLICATION_JSON, "no-cache");
		assertNotModified("/api/v1/devices", MediaType.APPLICATION_JSON, null);
	}

	@Test
	void problemsAndChangesHaveNoTag() {
		MvcTestResult missing = this.mvc.get().uri("/api/v1/devices/no_such_device").exchange();
		assertThat(missing).hasStatus(404);
		assertThat(missing.getResponse().getHeader(HttpHeaders.ETAG)).isNull();
	}

	private void assertNotModified(String uri, MediaType accept, String cacheControl) {
		MvcTestResult full = this.mvc.get().uri(uri).accept(accept).exchange();
		assertThat(full).hasStatusOk();
		String tag = full.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(tag).as(uri).isNotNull();
		for (String ifNoneMatch : List.of(tag, "W/" + tag, "\"0000\", " + tag, "*")) {
			MvcTestResult conditional = this.mvc.get()
				.uri(uri)
				.accept(accept)
				.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
				.headers((headers) -> {
					if (cacheControl != null) {
						headers.setCacheControl(cacheControl);
					}
				})
				.exchange();
			assertThat(conditional).as(uri + " " + ifNoneMatch).hasStatus(304);
			assertThat(conditional.getResponse().getContentAsByteArray()).as(uri).isEmpty();
			assertThat(conditional.getResponse().getHeader(HttpHeaders.ETAG)).as(uri).isEqualTo(tag);
		}
		MvcTestResult other = this.mvc.get()
			.uri(uri)
			.accept(accept)
			.header(HttpHeaders.IF_NONE_MATCH, "\"0000\"")
			.exchange();
		assertThat(other).as(uri).hasStatusOk();
		assertThat(other.getResponse().getContentAsByteArray()).isEqualTo(full.getResponse().getContentAsByteArray());
	}

	private void assertTagged(String uri, String expected) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).as(uri)
			.isEqualTo(expected)
			.isEqualTo(EntityTags.ofJson(body, body.length));
	}

}
