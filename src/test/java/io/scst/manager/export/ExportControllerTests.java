package io.scst.manager.export;

import io.scst.manager.ApiTest;
import io.scst.manager.ScratchTarget;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/exports} over the real services on the shared demo simulator. */
@ApiTest
class ExportControllerTests {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "exctgt";

	private static final String EXPORTS = "/api/v1/exports";

	private static final String GROUPS = "/api/v1/target-drivers/scst_local/targets/exctgt/ini-groups";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@RegisterExtension
	final ScratchTarget scratch = ScratchTarget.of(DRIVER, TARGET, "excdev1");

	@AfterEach
	void clearFaults() {
		simulator().faults().clear();
	}

	@Test
	void exportsADeviceToAnInitiator() {
		long before = simulator().writeCount();
		assertThat(post(body("excdev1", "iqn.2026-01.test:exchost1", "excgrp", "3", "true"))).hasStatus(201)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost" + GROUPS + "/excgrp/luns/3")
			.bodyJson()
			.isStrictlyEqualTo("""
					{"driver":"scst_local","target":"exctgt","group":"excgrp",
					 "initiator":"iqn.2026-01.test:exchost1","lun":3,"device":"excdev1","readOnly":true,
					 "created":["create-group","add-initiator","add-lun"]}
					""");
		assertThat(simulator().writeCount()).isEqualTo(before + 3);
		assertThat(this.mvc.get().uri(GROUPS + "/excgrp")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"name":"excgrp","initiators":["iqn.2026-01.test:exchost1"],
				 "luns":[{"lun":3,"device":"excdev1","readOnly":true}],"sessions":[]}
				""");
	}

	@Test
	void theSecondIdenticalExportIs200WithoutWriting() {
		String body = body("excdev1", "exchost2", null, "0", null);
		assertThat(post(body)).hasStatus(201);
		long before = simulator().writeCount();
		assertThat(post(body)).hasStatusOk()
			.hasHeader(HttpHeaders.LOCATION, "http://localhost" + GROUPS + "/exchost2/luns/0")
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.group").isEqualTo("exchost2");
				assertThat(json).extractingPath("$.readOnly").isEqualTo(false);
				assertThat(json).extractingPath("$.created").asArray().isEmpty();
			});
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void aSessionOfTheInitiatorSeesTheExportedLun() {
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "excsess1"));
		assertThat(post(body("excdev1", "excsess1", "excgrp", "1", "false"))).hasStatus(201);
		assertThat(this.mvc.get().uri(GROUPS + "/excgrp")).bodyJson()
			.extractingPath("$.sessions")
			.isEqualTo(java.util.List.of("excsess1"));
	}

	@Test
	void missingTargetOrDeviceIsNotFoundWithoutWriting() {
		long before = simulator().writeCount();
		problem(post(body("excnosuch", "exchost1", null, "0", null)), 404, "not-found").extractingPath("$.object")
			.isEqualTo("device");
		problem(post("""
				{"device":"excdev1","driver":"scst_local","target":"excnosuch","initiator":"h","lun":0}
				"""), 404, "not-found").extractingPath("$.object").isEqualTo("target");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void anInitiatorInAnotherGroupIsConflictWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "excother"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "excother", "exchost1"));
		long before = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(post(body("excdev1", "exchost1", "excgrp", "0", null)), 409,
				"conflict");
		json.extractingPath("$.object").isEqualTo("initiator");
		json.extractingPath("$.detail").asString().contains("excother");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			device    | a b      | exchost1 | excgrp | 0
			device    | mgmt     | exchost1 | excgrp | 0
			initiator | excdev1  | a;b      | excgrp | 0
			initiator | excdev1  | a\\nb    | excgrp | 0
			group     | excdev1  | exchost1 | a/b    | 0
			group     | excdev1  | exchost1 | ..     | 0
			group     | excdev1  | exchost1 | mgmt   | 0
			lun       | excdev1  | exchost1 | excgrp | 16384
			lun       | excdev1  | exchost1 | excgrp | -1
			""")
	void invalidValuesAreRejectedWithoutWriting(String field, String device, String initiator, String group,
			String lun) {
		long before = simulator().writeCount();
		problem(post(body(device, initiator, group, lun, null)), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo(field);
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void aFailedLunStepUndoesWhatTheRequestCreated() {
		simulator().faults().failWrites(ScstTree.lunsMgmt(DRIVER, TARGET, "excgrp"), Errno.EINVAL, 1);
		AbstractJsonContentAssert<?> json = problem(post(body("excdev1", "exchost1", "excgrp", "0", null)), 422,
				"kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("EINVAL");
		json.extractingPath("$.path").isEqualTo("targets/scst_local/exctgt/ini_groups/excgrp/luns/mgmt");
		assertThat(this.mvc.get().uri(GROUPS)).hasStatusOk().bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void aFailedLunStepLeavesWhatExistedBefore() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "excgrp"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "excgrp", "keep"));
		simulator().faults().failWrites(ScstTree.lunsMgmt(DRIVER, TARGET, "excgrp"), Errno.EINVAL, 1);
		problem(post(body("excdev1", "exchost1", "excgrp", "0", null)), 422, "kernel-rejected");
		assertThat(this.mvc.get().uri(GROUPS + "/excgrp")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"name":"excgrp","initiators":["keep"],"luns":[],"sessions":[]}
				""");
	}

	private static String body(String device, String initiator, String group, String lun, String readOnly) {
		return "{\"device\":\"" + device + "\",\"driver\":\"scst_local\",\"target\":\"exctgt\",\"initiator\":\""
				+ initiator + "\"" + ((group != null) ? ",\"group\":\"" + group + "\"" : "") + ",\"lun\":" + lun
				+ ((readOnly != null) ? ",\"readOnly\":" + readOnly : "") + "}";
	}

	private MockMvcTester.MockMvcRequestBuilder post(String body) {
		return this.mvc.post().uri(EXPORTS).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

}
