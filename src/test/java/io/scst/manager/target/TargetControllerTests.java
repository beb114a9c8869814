package io.scst.manager.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scst.manager.ApiTest;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/target-drivers/{driver}/targets} over the real service on the demo
 * simulator.
 */
@ApiTest
class TargetControllerTests {

	private static final String TARGETS = "/api/v1/target-drivers/scst_local/targets";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	private final List<String> created = new ArrayList<>();

	@AfterEach
	void removeCreatedTargets() {
		for (String target : this.created) {
			if (this.sysfs.exists(ScstPath.of("targets", "scst_local", target))) {
				this.sysfs.mgmt(MgmtCommand.delTarget("scst_local", target));
			}
		}
	}

	@Test
	void listsTheTargetsOfADriver() {
		create("tct_list", "[\"tct_list_h\"]");
		assertThat(this.mvc.get().uri(TARGETS)).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$[*].name").asArray().contains("scst_local_tgt", "tct_list");
			assertThat(json).extractingPath("$[?(@.name == 'tct_list')].sessionCount").asArray().containsExactly(1);
			assertThat(json).extractingPath("$[?(@.name == 'tct_list')].lunCount").asArray().containsExactly(0);
			assertThat(json).extractingPath("$[?(@.name == 'scst_local_tgt')].lunCount").asArray().doesNotContain(0);
		});
	}

	@Test
	void createsATargetWithSessions() {
		long before = simulator().writeCount();
		this.created.add("tct_new");
		assertThat(this.mvc.post()
			.uri(TARGETS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"tct_new\", \"sessions\": [\"tct_new_h1\", \"tct_new_h2\"]}")).hasStatus(201)
			.hasHeader("Location", "http://localhost" + TARGETS + "/tct_new")
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.name").isEqualTo("tct_new");
				assertThat(json).extractingPath("$.driver").isEqualTo("scst_local");
				assertThat(json).extractingPath("$.sessions").asArray().containsExactly("tct_new_h1", "tct_new_h2");
				assertThat(json).extractingPath("$.attributes.rel_tgt_id.value").isEqualTo("0");
			});
		assertThat(simulator().writeCount()).isEqualTo(before + 1);
	}

	@Test
	void creatingAnExistingTargetIsAConflictWithoutWriting() {
		long before = simulator().writeCount();
		assertThat(post(TARGETS, "{\"name\": \"scst_local_tgt\"}")).hasStatus(409)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo("urn:scst-mgmt:problem:conflict");
				assertThat(json).extractingPath("$.object").isEqualTo("target");
			});
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void theCopyManagerCannotCreateTargets() {
		long before = simulator().writeCount();
		assertThat(post("/api/v1/target-drivers/copy_manager/targets", "{\"name\": \"tct_cm\"}")).hasStatus(409)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.object").isEqualTo("target-driver");
				assertThat(json).extractingPath("$.detail").asString().contains("add_target");
			});
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tct a", "tct\\nb", "tct;b", "tct/b", "..", "mgmt", "tct=b", "" })
	void invalidNamesAreRejectedWithoutWriting(String jsonName) {
		long before = simulator().writeCount();
		assertThat(post(TARGETS, "{\"name\": \"" + jsonName + "\"}")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo("urn:scst-mgmt:problem:invalid-request");
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("name");
			});
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void unknownDriverOrTargetIsNotFound() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers/iscsi/targets")).hasStatus(404)
			.bodyJson()
			.extractingPath("$.object")
			.isEqualTo("target-driver");
		assertThat(this.mvc.get().uri(TARGETS + "/nosuch")).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.object")
			.isEqualTo("target");
	}

	@Test
	void describesATargetWithAnEntityTag() {
		MvcTestResult result = this.mvc.get().uri(TARGETS + "/scst_local_tgt").exchange();
		assertThat(result).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.name").isEqualTo("scst_local_tgt");
			assertThat(json).extractingPath("$.attributes.addr_method.value").isEqualTo("PERIPHERAL");
			assertThat(json).extractingPath("$.attributes.scsi_transport_version.value").isEqualTo("0xbe0");
			assertThat(json).extractingPath("$.attributes.sg_tablesize.writable").isEqualTo(false);
			assertThat(json).extractingPath("$.sessions").asArray().contains("scst_local_host");
		});
		assertThat(result.getResponse().getHeader("ETag")).isNotBlank();
	}

	@Test
	void changesAttributes() {
		create("tct_patch", null);
		assertThat(
				patch(TARGETS + "/tct_patch", "{\"attributes\": {\"comment\": \"a test\", \"rel_tgt_id\": \"4711\"}}"))
			.hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.attributes.comment.value").isEqualTo("a test");
				assertThat(json).extractingPath("$.attributes.comment.nonDefault").isEqualTo(true);
				assertThat(json).extractingPath("$.attributes.rel_tgt_id.value").isEqualTo("4711");
			});
	}

	@Test
	void invalidAttributesAreRejectedWithoutWriting() {
		create("tct_badattr", null);
		long before = simulator().writeCount();
		assertThat(patch(TARGETS + "/tct_badattr", "{\"attributes\": {\"comment\": \"ok\", \"nosuch\": \"1\"}}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("attributes.nosuch");
		assertThat(patch(TARGETS + "/tct_badattr", "{\"attributes\": {\"comment\": \"two\\nlines\"}}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("attributes.comment");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void aDuplicateRelativeTargetIdIsRejectedByTheKernel() {
		create("tct_id1", null);
		create("tct_id2", null);
		assertThat(patch(TARGETS + "/tct_id1", "{\"attributes\": {\"rel_tgt_id\": \"4242\"}}")).hasStatusOk();
		assertThat(patch(TARGETS + "/tct_id2", "{\"attributes\": {\"rel_tgt_id\": \"4242\"}}")).hasStatus(422)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo("urn:scst-mgmt:problem:kernel-rejected");
				assertThat(json).extractingPath("$.errno").isEqualTo("EBADSLT");
				assertThat(json).extractingPath("$.path").isEqualTo("targets/scst_local/tct_id2/rel_tgt_id");
				assertThat(json).extractingPath("$.command").asString().startsWith("4242");
			});
	}

	@Test
	void anInvalidAddressingMethodIsRejectedByTheKernel() {
		create("tct_addr", null);
		assertThat(patch(TARGETS + "/tct_addr", "{\"attributes\": {\"addr_method\": \"SIDEWAYS\"}}")).hasStatus(422)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.errno").isEqualTo("EINVAL");
				assertThat(json).extractingPath("$.path").isEqualTo("targets/scst_local/tct_addr/addr_method");
			});
	}

	@Test
	void earlierWritesAreUndoneWhenALaterOneFails() {
		create("tct_undo", null);
		simulator().faults()
			.failWrites(ScstPath.of("targets", "scst_local", "tct_undo", "addr_method"), Errno.EINVAL, 1);
		assertThat(patch(TARGETS + "/tct_undo",
				"{\"attributes\": {\"comment\": \"gone again\", \"addr_method\": \"FLAT\"}}"))
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.path")
			.isEqualTo("targets/scst_local/tct_undo/addr_method");
		assertThat(this.mvc.get().uri(TARGETS + "/tct_undo")).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.attributes.comment.value").isEqualTo("");
			assertThat(json).extractingPath("$.attributes.addr_method.value").isEqualTo("PERIPHERAL");
		});
	}

	@Test
	void aStaleEntityTagPreventsChangesAndDeletion() {
		create("tct_etag", null);
		String stale = etag(TARGETS + "/tct_etag");
		assertThat(patch(TARGETS + "/tct_etag", "{\"attributes\": {\"comment\": \"changed\"}}")).hasStatusOk();
		long before = simulator().writeCount();
		assertThat(this.mvc.patch()
			.uri(TARGETS + "/tct_etag")
			.header("If-Match", stale)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"attributes\": {\"comment\": \"again\"}}")).hasStatus(412)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:scst-mgmt:problem:precondition-failed");
		assertThat(this.mvc.delete().uri(TARGETS + "/tct_etag").header("If-Match", stale)).hasStatus(412);
		assertThat(simulator().writeCount()).isEqualTo(before);
		assertThat(this.mvc.delete().uri(TARGETS + "/tct_etag").header("If-Match", etag(TARGETS + "/tct_etag")))
			.hasStatus(204);
	}

	@Test
	void deletesATarget() {
		create("tct_del", "[\"tct_del_h\"]");
		assertThat(this.mvc.delete().uri(TARGETS + "/tct_del")).hasStatus(204);
		assertThat(this.mvc.get().uri(TARGETS + "/tct_del")).hasStatus(404);
		long before = simulator().writeCount();
		assertThat(this.mvc.delete().uri(TARGETS + "/tct_del")).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void pagesTargetsInNameOrder() {
		for (String name : new String[] { "tct_p1", "tct_p2", "tct_p3" }) {
			this.sysfs.mgmt(MgmtCommand.addTarget("scst_local", name, Map.of()));
			this.created.add(name);
		}
		MvcTestResult first = this.mvc.get().uri(TARGETS + "?limit=1&after=tct_p1").exchange();
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$[*].name").asArray().containsExactly("tct_p2");
		assertThat(first.getResponse().getHeader(HttpHeaders.LINK))
			.isEqualTo("<http://localhost" + TARGETS + "?limit=1&after=tct_p2>; rel=\"next\"");
		this.sysfs.mgmt(MgmtCommand.delTarget("scst_local", "tct_p2"));
		assertThat(this.mvc.get().uri(TARGETS + "?limit=1&after=tct_p2")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("tct_p3");
	}

	@Test
	void aBadPageOfTargetsIsAProblem() {
		problem(this.mvc.get().uri(TARGETS + "?limit=0"), 400, "invalid-request").extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		problem(this.mvc.get().uri(TARGETS + "?after=a=b"), 400, "invalid-request").extractingPath("$.errors[0].field")
			.isEqualTo("after");
	}

	private void create(String name, String sessionsJson) {
		this.created.add(name);
		String body = "{\"name\": \"" + name + "\"" + ((sessionsJson != null) ? ", \"sessions\": " + sessionsJson : "")
				+ "}";
		assertThat(post(TARGETS, body)).hasStatus(201);
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult patch(String uri, String body) {
		return this.mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private String etag(String uri) {
		String etag = this.mvc.get().uri(uri).exchange().getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		return etag;
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

}
