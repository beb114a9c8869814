package io.scst.manager.lun;

import java.util.List;

import io.scst.manager.ApiTest;
import io.scst.manager.ScratchTarget;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** The LUN resources over the real services on the shared demo simulator. */
@ApiTest
class LunControllerTests {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "lctgt";

	private static final String LUNS = "/api/v1/target-drivers/scst_local/targets/lctgt/luns";

	private static final String GROUP_LUNS = "/api/v1/target-drivers/scst_local/targets/lctgt/ini-groups/lcgrp/luns";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@RegisterExtension
	final ScratchTarget scratch = ScratchTarget.of(DRIVER, TARGET, "lcdev1", "lcdev2");

	@AfterEach
	void clearFaults() {
		simulator().faults().clear();
	}

	@Test
	void listsTheLunsSortedByNumberWithAnEtag() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 7, "lcdev2", true));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 1, "lcdev1", false));
		assertThat(this.mvc.get().uri(LUNS)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.satisfies((result) -> assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).startsWith("\""))
			.bodyJson()
			.isLenientlyEqualTo("""
					[{"lun":1,"device":"lcdev1","readOnly":false},{"lun":7,"device":"lcdev2","readOnly":true}]
					""");
	}

	@Test
	void readsOneLun() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 3, "lcdev1", true));
		assertThat(this.mvc.get().uri(LUNS + "/3")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"lun":3,"device":"lcdev1","readOnly":true}
				""");
	}

	@Test
	void anUnmappedLunIsNotFound() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri(LUNS + "/3"), 404, "not-found");
		json.extractingPath("$.object").isEqualTo("lun");
		json.extractingPath("$.detail").isEqualTo("LUN 3 is not mapped on target lctgt");
	}

	@Test
	void anUnknownTargetOrDriverIsNotFound() {
		problem(this.mvc.get().uri("/api/v1/target-drivers/scst_local/targets/nosuch/luns"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("target");
		problem(this.mvc.get().uri("/api/v1/target-drivers/nosuch/targets/lctgt/luns/0"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("target-driver");
		long before = simulator().writeCount();
		problem(put("/api/v1/target-drivers/scst_local/targets/nosuch/luns/0", "{\"device\":\"lcdev1\"}"), 404,
				"not-found")
			.extractingPath("$.object")
			.isEqualTo("target");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void putAddsAnAbsentLunThenAnIdenticalPutWritesNothing() {
		long before = simulator().writeCount();
		assertThat(put(LUNS + "/4", "{\"device\":\"lcdev1\",\"readOnly\":true}")).hasStatus(201)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost" + LUNS + "/4")
			.bodyJson()
			.isStrictlyEqualTo("""
					{"lun":4,"device":"lcdev1","readOnly":true,"sessions":[]}
					""");
		assertThat(simulator().writeCount()).isEqualTo(before + 1);
		assertThat(put(LUNS + "/4", "{\"device\":\"lcdev1\",\"readOnly\":true}")).hasStatusOk()
			.doesNotContainHeader(HttpHeaders.LOCATION)
			.bodyJson()
			.extractingPath("$.device")
			.isEqualTo("lcdev1");
		assertThat(simulator().writeCount()).isEqualTo(before + 1);
	}

	@Test
	void putOfAnotherDeviceOrFlagReplaces() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 4, "lcdev1", false));
		long before = simulator().writeCount();
		assertThat(put(LUNS + "/4", "{\"device\":\"lcdev2\"}")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"lun":4,"device":"lcdev2","readOnly":false,"sessions":[]}
				""");
		assertThat(put(LUNS + "/4", "{\"device\":\"lcdev2\",\"readOnly\":true}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.readOnly")
			.isEqualTo(true);
		assertThat(simulator().writeCount()).isEqualTo(before + 2);
	}

	@Test
	void putOfAMissingDeviceIsNotFoundWithoutWriting() {
		long before = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(put(LUNS + "/4", "{\"device\":\"lcnosuch\"}"), 404, "not-found");
		json.extractingPath("$.object").isEqualTo("device");
		json.extractingPath("$.detail").isEqualTo("Device 'lcnosuch' does not exist");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "16384", "-1", "abc", "99999999999999999999" })
	void invalidLunNumbersAreRejectedWithoutWriting(String lun) {
		long before = simulator().writeCount();
		problem(put(LUNS + "/" + lun, "{\"device\":\"lcdev1\"}"), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("lun");
		problem(this.mvc.delete().uri(LUNS + "/" + lun), 400, "invalid-request").extractingPath("$.errors[0].field")
			.isEqualTo("lun");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\\nb", "a;b", "a/b", "..", "mgmt", "" })
	void invalidDeviceNamesAreRejectedWithoutWriting(String device) {
		long before = simulator().writeCount();
		problem(put(LUNS + "/0", "{\"device\":\"" + device + "\"}"), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("device");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void aLunChangeOnATargetWithASessionAnswersWithTheLinuxDevicesThatAppearedAndWent() {
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "lchost"));
		var added = put(LUNS + "/5", "{\"device\":\"lcdev1\"}").exchange();
		assertThat(added).hasStatus(201).bodyJson().extractingPath("$.sessions[0].session").isEqualTo("lchost");
		assertThat(added).bodyJson().extractingPath("$.sessions[0].appeared[0].lun").isEqualTo(5);
		assertThat(added).bodyJson().extractingPath("$.sessions[0].gone").isEqualTo(List.of());
		assertThat(added).bodyJson().extractingPath("$.sessions[0].notAttached").isEqualTo(List.of());
		var removed = this.mvc.delete().uri(LUNS + "/5").exchange();
		assertThat(removed).hasStatusOk().bodyJson().extractingPath("$.sessions[0].gone[0].lun").isEqualTo(5);
		assertThat(removed).bodyJson().extractingPath("$.sessions[0].appeared").isEqualTo(List.of());
	}

	@Test
	void deleteRemovesTheLunAndThenItIsNotFound() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 2, "lcdev1", false));
		assertThat(this.mvc.delete().uri(LUNS + "/2")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"removed":[2],"sessions":[]}
				""");
		assertThat(this.sysfs.exists(io.scst.manager.sysfs.ScstTree.lun(DRIVER, TARGET, null, 2))).isFalse();
		long before = simulator().writeCount();
		problem(this.mvc.delete().uri(LUNS + "/2"), 404, "not-found").extractingPath("$.object").isEqualTo("lun");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void clearIsIdempotent() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 2, "lcdev1", false));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 0, "lcdev2", false));
		assertThat(this.mvc.delete().uri(LUNS)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"removed":[0,2],"sessions":[]}
				""");
		assertThat(this.mvc.delete().uri(LUNS)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"removed":[],"sessions":[]}
				""");
		assertThat(this.mvc.get().uri(LUNS)).hasStatusOk().bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void aStaleIfMatchIsRefusedWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 2, "lcdev1", false));
		String etag = this.mvc.get().uri(LUNS + "/2").exchange().getResponse().getHeader(HttpHeaders.ETAG);
		this.sysfs.mgmt(MgmtCommand.replaceLun(DRIVER, TARGET, null, 2, "lcdev2", false));
		long before = simulator().writeCount();
		problem(this.mvc.put()
			.uri(LUNS + "/2")
			.header(HttpHeaders.IF_MATCH, etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"lcdev1\"}"), 412, "precondition-failed");
		problem(this.mvc.delete().uri(LUNS + "/2").header(HttpHeaders.IF_MATCH, etag), 412, "precondition-failed");
		assertThat(simulator().writeCount()).isEqualTo(before);
		String current = this.mvc.get().uri(LUNS + "/2").exchange().getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(current).isNotEqualTo(etag);
		assertThat(this.mvc.delete().uri(LUNS + "/2").header(HttpHeaders.IF_MATCH, current)).hasStatusOk();
	}

	@Test
	void aGroupsLunsBehaveLikeTheTargets() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "lcgrp"));
		assertThat(put(GROUP_LUNS + "/9", "{\"device\":\"lcdev2\"}")).hasStatus(201)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost" + GROUP_LUNS + "/9");
		long before = simulator().writeCount();
		assertThat(put(GROUP_LUNS + "/9", "{\"device\":\"lcdev2\"}")).hasStatusOk();
		assertThat(simulator().writeCount()).isEqualTo(before);
		assertThat(this.mvc.get().uri(GROUP_LUNS)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				[{"lun":9,"device":"lcdev2","readOnly":false}]
				""");
		assertThat(this.mvc.get().uri(LUNS)).hasStatusOk().bodyJson().isStrictlyEqualTo("[]");
		assertThat(this.mvc.delete().uri(GROUP_LUNS + "/9")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.removed")
			.isEqualTo(List.of(9));
		problem(this.mvc.get().uri(GROUP_LUNS + "/9"), 404, "not-found").extractingPath("$.detail")
			.isEqualTo("LUN 9 is not mapped in initiator group lcgrp of target lctgt");
	}

	@Test
	void anUnknownGroupIsNotFound() {
		problem(put("/api/v1/target-drivers/scst_local/targets/lctgt/ini-groups/nosuch/luns/0",
				"{\"device\":\"lcdev1\"}"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("ini-group");
	}

	@Test
	void aKernelRejectionIs422() {
		// the copy manager refuses read-only LUNs with EINVAL
		AbstractJsonContentAssert<?> json = problem(
				put("/api/v1/target-drivers/copy_manager/targets/copy_manager_tgt/luns/16000",
						"{\"device\":\"lcdev1\",\"readOnly\":true}"),
				422, "kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("EINVAL");
		json.extractingPath("$.path").isEqualTo("targets/copy_manager/copy_manager_tgt/luns/mgmt");
		json.extractingPath("$.command").asString().startsWith("add lcdev1 16000 read_only=1");
	}

	@Test
	void pagesLunsInNumberOrder() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 10, "lcdev1", false));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 2, "lcdev2", false));
		MvcTestResult first = this.mvc.get().uri(LUNS + "?limit=1").exchange();
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$[*].lun").asArray().containsExactly(2);
		assertThat(first.getResponse().getHeader(HttpHeaders.LINK))
			.isEqualTo("<http://localhost" + LUNS + "?limit=1&after=2>; rel=\"next\"");
		MvcTestResult last = this.mvc.get().uri(LUNS + "?limit=1&after=2").exchange();
		assertThat(last).hasStatusOk().bodyJson().extractingPath("$[*].lun").asArray().containsExactly(10);
		assertThat(last.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		assertThat(this.mvc.get().uri(LUNS + "?after=3")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].lun")
			.asArray()
			.containsExactly(10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "-1", "16384" })
	void anAfterThatIsNoLunNumberIsAProblem(String after) {
		problem(this.mvc.get().uri(LUNS + "?after=" + after), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("after");
	}

	private MockMvcTester.MockMvcRequestBuilder put(String uri, String body) {
		return this.mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

}
