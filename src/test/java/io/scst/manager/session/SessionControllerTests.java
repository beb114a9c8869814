package io.scst.manager.session;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.scst.manager.ApiTest;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * {@code /api/v1/target-drivers/{driver}/targets/{target}/sessions} over the real service
 * on the demo simulator. Changes happen on a target of this class's own.
 */
@ApiTest
class SessionControllerTests {

	private static final String TARGET = "sct_tgt";

	private static final String SESSIONS = "/api/v1/target-drivers/scst_local/targets/" + TARGET + "/sessions";

	private static final String DEMO_SESSION = "/api/v1/target-drivers/scst_local/targets/scst_local_tgt/sessions/scst_local_host";

	private static final String COPY_MANAGER_SESSIONS = "/api/v1/target-drivers/copy_manager/targets/copy_manager_tgt/sessions";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@BeforeEach
	void createTarget() {
		this.sysfs.mgmt(MgmtCommand.addTarget("scst_local", TARGET, Map.of()));
	}

	@AfterEach
	void deleteTarget() {
		if (this.sysfs.exists(ScstPath.of("targets", "scst_local", TARGET))) {
			this.sysfs.mgmt(MgmtCommand.delTarget("scst_local", TARGET));
		}
	}

	@Test
	void theDemoSessionSeesItsDiskAsADevNode() {
		MvcTestResult result = this.mvc.get().uri(DEMO_SESSION).exchange();
		assertThat(result).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.name").isEqualTo("scst_local_host");
			assertThat(json).extractingPath("$.initiatorName").isEqualTo("scst_local_host");
			assertThat(json).extractingPath("$.group").isNull();
			assertThat(json).extractingPath("$.host").isEqualTo(0);
			assertThat(json).extractingPath("$.transportId.protocol").isEqualTo("SAS");
			assertThat(json).extractingPath("$.transportId.name").isEqualTo("0x5feede401fade050");
			assertThat(json).extractingPath("$.luns[0].lun").isEqualTo(0);
			assertThat(json).extractingPath("$.luns[0].device").isEqualTo("vm_disk1");
			assertThat(json).extractingPath("$.luns[0].linux.address").isEqualTo("0:0:0:0");
			assertThat(json).extractingPath("$.luns[0].linux.type").isEqualTo("disk");
			assertThat(json).extractingPath("$.luns[0].linux.vendor").isEqualTo("SCST_FIO");
			assertThat(json).extractingPath("$.luns[0].linux.model").isEqualTo("vm_disk1");
			assertThat(json).extractingPath("$.luns[0].linux.revision").isEqualTo("3110");
			assertThat(json).extractingPath("$.luns[0].linux.blockDevice").isEqualTo("/dev/sda");
			assertThat(json).extractingPath("$.luns[0].linux.genericDevice").isEqualTo("/dev/sg0");
			assertThat(json).extractingPath("$.scsiDevices[0].genericDevice").isEqualTo("/dev/sg0");
			assertThat(json).extractingPath("$.counters")
				.asMap()
				.containsKeys("commands", "active_commands", "read_cmd_count", "read_io_count_kb", "write_cmd_count",
						"write_io_count_kb", "bidi_cmd_count", "none_cmd_count", "unknown_cmd_count");
		});
		assertThat(result.getResponse().getHeader("ETag")).isNotBlank();
	}

	@Test
	void aNewLunAppearsOnTheSessionsLinuxHost() throws Exception {
		createSession("sct_lun_h");
		// the kernel (and the simulator) scan a new LUN asynchronously; the API's answer
		// waits for the scan, so the device is there on the next read
		assertThat(this.mvc.put()
			.uri("/api/v1/target-drivers/scst_local/targets/" + TARGET + "/luns/0")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"vm_disk1\"}")).hasStatus(201);
		MvcTestResult result = this.mvc.get().uri(SESSIONS + "/sct_lun_h").exchange();
		assertThat(result).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.luns[0].device").isEqualTo("vm_disk1");
			assertThat(json).extractingPath("$.luns[0].linux.blockDevice").asString().matches("/dev/sd[a-z]+");
			assertThat(json).extractingPath("$.luns[0].linux.genericDevice").asString().matches("/dev/sg[0-9]+");
		});
		String body = result.getResponse().getContentAsString();
		int host = JsonPath.read(body, "$.host");
		assertThat(host).isPositive();
		assertThat((String) JsonPath.read(body, "$.luns[0].linux.address")).isEqualTo(host + ":0:0:0");
	}

	@Test
	void showsTheGroupASessionFellInto() {
		createSession("sct_grp_h");
		this.sysfs.mgmt(MgmtCommand.createGroup("scst_local", TARGET, "sct_grp"));
		this.sysfs.mgmt(MgmtCommand.addInitiator("scst_local", TARGET, "sct_grp", "sct_grp_*"));
		assertThat(this.mvc.get().uri(SESSIONS + "/sct_grp_h")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.group")
			.isEqualTo("sct_grp");
	}

	@Test
	void duplicateSessionNamesGetTheDirectorySuffixInTheLocation() {
		createSession("sct_dup");
		assertThat(post(SESSIONS, "{\"name\": \"sct_dup\", \"duplicate\": true}")).hasStatus(201)
			.hasHeader("Location", "http://localhost" + SESSIONS + "/sct_dup_1")
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.name").isEqualTo("sct_dup_1");
				assertThat(json).extractingPath("$.initiatorName").isEqualTo("sct_dup");
			});
		assertThat(this.mvc.get().uri(SESSIONS)).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$[*].name").asArray().containsExactly("sct_dup", "sct_dup_1");
			assertThat(json).extractingPath("$[*].initiatorName").asArray().containsExactly("sct_dup", "sct_dup");
		});
	}

	@Test
	void aRepeatedCreateIsAConflictAndCreatesNothing() {
		createSession("sct_retry");
		long before = simulator().writeCount();
		assertThat(post(SESSIONS, "{\"name\": \"sct_retry\"}")).hasStatus(409)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.asString()
			.endsWith("conflict");
		assertThat(simulator().writeCount()).isEqualTo(before);
		assertThat(this.mvc.get().uri(SESSIONS)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.contains("sct_retry")
			.doesNotContain("sct_retry_1");
		assertThat(this.mvc.delete().uri(SESSIONS + "/sct_retry")).hasStatus(204);
	}

	@Test
	void aSessionNameUsedOnAnotherTargetOfTheDriverIsAConflict() {
		assertThat(post("/api/v1/target-drivers/scst_local/targets",
				"{\"name\": \"sct_other\", \"sessions\": [\"sct_elsewhere\"]}"))
			.hasStatus(201);
		long before = simulator().writeCount();
		assertThat(post(SESSIONS, "{\"name\": \"sct_elsewhere\", \"duplicate\": true}")).hasStatus(409);
		assertThat(post("/api/v1/target-drivers/scst_local/targets",
				"{\"name\": \"sct_other2\", \"sessions\": [\"sct_elsewhere\"]}"))
			.hasStatus(409);
		assertThat(simulator().writeCount()).isEqualTo(before);
		assertThat(this.mvc.delete().uri("/api/v1/target-drivers/scst_local/targets/sct_other")).hasStatus(204);
	}

	@Test
	void aSessionNamedLikeAManagementFileCanBeCreatedReadAndDeleted() {
		createSession("mgmt");
		assertThat(this.mvc.get().uri(SESSIONS + "/mgmt")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.initiatorName")
			.isEqualTo("mgmt");
		assertThat(this.mvc.delete().uri(SESSIONS + "/mgmt")).hasStatus(204);
		assertThat(this.mvc.get().uri(SESSIONS + "/mgmt")).hasStatus(404);
	}

	@Test
	void deletingASessionThatSharesItsInitiatorNameIsAConflict() {
		createSession("sct_twin");
		assertThat(post(SESSIONS, "{\"name\": \"sct_twin\", \"duplicate\": true}")).hasStatus(201);
		long before = simulator().writeCount();
		assertThat(this.mvc.delete().uri(SESSIONS + "/sct_twin_1")).hasStatus(409)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.object").isEqualTo("session");
				assertThat(json).extractingPath("$.detail").asString().contains("del_session");
			});
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void deletesASession() {
		createSession("sct_del");
		assertThat(this.mvc.delete().uri(SESSIONS + "/sct_del")).hasStatus(204);
		assertThat(this.mvc.get().uri(SESSIONS + "/sct_del")).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.object")
			.isEqualTo("session");
		long before = simulator().writeCount();
		assertThat(this.mvc.delete().uri(SESSIONS + "/sct_del")).hasStatus(404);
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void copyManagerSessionsCannotBeCreatedOrDeleted() {
		long before = simulator().writeCount();
		assertThat(post(COPY_MANAGER_SESSIONS, "{\"name\": \"sct_cm\"}")).hasStatus(409)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("add_session");
		assertThat(this.mvc.delete().uri(COPY_MANAGER_SESSIONS + "/copy_manager_sess")).hasStatus(409);
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sct a", "sct\\nb", "sct;b", "sct/b", "..", "sct=b", "" })
	void invalidSessionNamesAreRejectedWithoutWriting(String jsonName) {
		long before = simulator().writeCount();
		assertThat(post(SESSIONS, "{\"name\": \"" + jsonName + "\"}")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("name");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void unknownTargetOrSessionIsNotFound() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers/scst_local/targets/nosuch/sessions")).hasStatus(404)
			.bodyJson()
			.extractingPath("$.object")
			.isEqualTo("target");
		assertThat(this.mvc.get().uri(SESSIONS + "/nosuch")).hasStatus(404)
			.bodyJson()
			.extractingPath("$.object")
			.isEqualTo("session");
	}

	@Test
	void changesTheTransportId() {
		createSession("sct_tid");
		String hex = "06000000" + "500a0b0c0d0e0f10" + "00".repeat(12);
		assertThat(patch(SESSIONS + "/sct_tid", "{\"transportId\": \"" + hex + "\"}")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.transportId.hex").isEqualTo(hex);
				assertThat(json).extractingPath("$.transportId.name").isEqualTo("0x500a0b0c0d0e0f10");
			});
	}

	@Test
	void invalidTransportIdsAreRejectedWithoutWriting() {
		createSession("sct_badtid");
		long before = simulator().writeCount();
		assertThat(patch(SESSIONS + "/sct_badtid", "{\"transportId\": \"xyz\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("transportId");
		assertThat(patch(SESSIONS + "/sct_badtid", "{\"transportId\": \"0600\"}")).hasStatus(400);
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void aStaleEntityTagPreventsChangesAndDeletion() {
		createSession("sct_etag");
		String stale = this.mvc.get().uri(SESSIONS + "/sct_etag").exchange().getResponse().getHeader("ETag");
		assertThat(patch(SESSIONS + "/sct_etag", "{\"transportId\": \"" + "06" + "00".repeat(23) + "\"}"))
			.hasStatusOk();
		long before = simulator().writeCount();
		assertThat(this.mvc.patch()
			.uri(SESSIONS + "/sct_etag")
			.header("If-Match", stale)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"transportId\": \"" + "06" + "11".repeat(23) + "\"}")).hasStatus(412);
		assertThat(this.mvc.delete().uri(SESSIONS + "/sct_etag").header("If-Match", stale)).hasStatus(412)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void resetsTheCounters() {
		// the copy manager reads 4 KiB from each device registered, so the demo's disk
		// left a count
		assertThat(this.mvc.get().uri(COPY_MANAGER_SESSIONS + "/copy_manager_sess")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.counters.read_cmd_count")
			.asNumber()
			.isNotEqualTo(0);
		assertThat(this.mvc.post().uri(COPY_MANAGER_SESSIONS + "/copy_manager_sess/reset-counters")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.counters.read_cmd_count").isEqualTo(0);
				assertThat(json).extractingPath("$.counters.read_io_count_kb").isEqualTo(0);
			});
	}

	@Test
	void pagesSessionsInNameOrder() {
		createSession("iqn.2026-01.io.test:p1");
		createSession("iqn.2026-01.io.test:p2");
		MvcTestResult first = this.mvc.get().uri(SESSIONS + "?limit=1").exchange();
		assertThat(first).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("iqn.2026-01.io.test:p1");
		assertThat(first.getResponse().getHeader(HttpHeaders.LINK))
			.isEqualTo("<http://localhost" + SESSIONS + "?limit=1&after=iqn.2026-01.io.test:p1>; rel=\"next\"");
		MvcTestResult last = this.mvc.get().uri(SESSIONS + "?limit=1&after=iqn.2026-01.io.test:p1").exchange();
		assertThat(last).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("iqn.2026-01.io.test:p2");
		assertThat(last.getResponse().getHeader(HttpHeaders.LINK)).isNull();
	}

	@Test
	void aBadPageOfSessionsIsAProblem() {
		problem(this.mvc.get().uri(SESSIONS + "?limit=1001"), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		problem(this.mvc.get().uri(SESSIONS + "?after=.."), 400, "invalid-request").extractingPath("$.errors[0].field")
			.isEqualTo("after");
	}

	private void createSession(String name) {
		assertThat(post(SESSIONS, "{\"name\": \"" + name + "\"}")).hasStatus(201);
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult patch(String uri, String body) {
		return this.mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

}
