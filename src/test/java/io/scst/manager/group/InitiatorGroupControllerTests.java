package io.scst.manager.group;

import io.scst.manager.ApiTest;
import io.scst.manager.ScratchTarget;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
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

/** The initiator group resources over the real services on the shared demo simulator. */
@ApiTest
class InitiatorGroupControllerTests {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "igctgt";

	private static final String GROUPS = "/api/v1/target-drivers/scst_local/targets/igctgt/ini-groups";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@RegisterExtension
	final ScratchTarget scratch = ScratchTarget.of(DRIVER, TARGET, "igcdev1");

	@Test
	void createsAGroupWithLocation() {
		long before = simulator().writeCount();
		assertThat(post(GROUPS, "{\"name\":\"igcgrp1\"}")).hasStatus(201)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost" + GROUPS + "/igcgrp1")
			.bodyJson()
			.isStrictlyEqualTo("""
					{"name":"igcgrp1","initiators":[],"luns":[],"sessions":[]}
					""");
		assertThat(simulator().writeCount()).isEqualTo(before + 1);
		assertThat(this.sysfs.exists(ScstTree.iniGroup(DRIVER, TARGET, "igcgrp1"))).isTrue();
	}

	@Test
	void creatingAnExistingGroupIsConflictWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		long before = simulator().writeCount();
		problem(post(GROUPS, "{\"name\":\"igcgrp1\"}"), 409, "conflict").extractingPath("$.object")
			.isEqualTo("ini-group");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\\nb", "a;b", "a/b", "..", "mgmt", "" })
	void invalidGroupNamesAreRejectedWithoutWriting(String name) {
		long before = simulator().writeCount();
		problem(post(GROUPS, "{\"name\":\"" + name + "\"}"), 400, "invalid-request").extractingPath("$.errors[0].field")
			.isEqualTo("name");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void listsAndReadsGroupsWithEntriesLunsAndSessions() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp2"));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "igcgrp1", 5, "igcdev1", false));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "igcsess*"));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igcsess1"));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igcother"));
		assertThat(this.mvc.get().uri(GROUPS)).hasStatusOk()
			.satisfies((result) -> assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).isNotBlank())
			.bodyJson()
			.isStrictlyEqualTo("""
					[{"name":"igcgrp1","initiators":["igcsess*"],"lunCount":1,"sessions":["igcsess1"]},
					 {"name":"igcgrp2","initiators":[],"lunCount":0,"sessions":[]}]
					""");
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp1")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"name":"igcgrp1","initiators":["igcsess*"],
				 "luns":[{"lun":5,"device":"igcdev1","readOnly":false}],"sessions":["igcsess1"]}
				""");
	}

	@Test
	void unknownTargetAndGroupAreNotFound() {
		problem(this.mvc.get().uri("/api/v1/target-drivers/scst_local/targets/nosuch/ini-groups"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("target");
		problem(this.mvc.get().uri(GROUPS + "/nosuch"), 404, "not-found").extractingPath("$.object")
			.isEqualTo("ini-group");
		problem(this.mvc.delete().uri(GROUPS + "/nosuch"), 404, "not-found").extractingPath("$.object")
			.isEqualTo("ini-group");
		problem(this.mvc.get().uri(GROUPS + "/nosuch/initiators"), 404, "not-found").extractingPath("$.object")
			.isEqualTo("ini-group");
	}

	@Test
	void deletesAGroup() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "igcgrp1", 5, "igcdev1", false));
		assertThat(this.mvc.delete().uri(GROUPS + "/igcgrp1")).hasStatus(204);
		assertThat(this.sysfs.exists(ScstTree.iniGroup(DRIVER, TARGET, "igcgrp1"))).isFalse();
	}

	@Test
	void deletingAGroupWithSessionsIsConflictNamingThemWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "igcsess2"));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igcsess2"));
		long before = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(this.mvc.delete().uri(GROUPS + "/igcgrp1"), 409, "conflict");
		json.extractingPath("$.object").isEqualTo("ini-group");
		json.extractingPath("$.detail").asString().contains("igcsess2");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void addsListsReadsAndDeletesInitiatorEntries() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		assertThat(post(GROUPS + "/igcgrp1/initiators", "{\"name\":\"!iqn.*:host?\"}")).hasStatus(201)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost" + GROUPS + "/igcgrp1/initiators/!iqn.*:host%3F")
			.bodyJson()
			.isStrictlyEqualTo("""
					{"name":"!iqn.*:host?","group":"igcgrp1","pattern":true}
					""");
		assertThat(post(GROUPS + "/igcgrp1/initiators", "{\"name\":\"host1\"}")).hasStatus(201);
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp1/initiators")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[\"!iqn.*:host?\",\"host1\"]");
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp1/initiators/host1")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"name":"host1","group":"igcgrp1","pattern":false}
					""");
		assertThat(this.mvc.delete().uri(GROUPS + "/igcgrp1/initiators/{i}", "!iqn.*:host?")).hasStatus(204);
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp1/initiators")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[\"host1\"]");
	}

	@Test
	void addingAnExistingEntryIsConflictWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "host1"));
		long before = simulator().writeCount();
		problem(post(GROUPS + "/igcgrp1/initiators", "{\"name\":\"host1\"}"), 409, "conflict")
			.extractingPath("$.object")
			.isEqualTo("initiator");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\\nb", "a;b", "a/b", "..", "mgmt", "" })
	void invalidInitiatorNamesAreRejectedWithoutWriting(String name) {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		long before = simulator().writeCount();
		problem(post(GROUPS + "/igcgrp1/initiators", "{\"name\":\"" + name + "\"}"), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("name");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void deletingAnAbsentEntryIsNotFoundWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		long before = simulator().writeCount();
		problem(this.mvc.delete().uri(GROUPS + "/igcgrp1/initiators/host1"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("initiator");
		problem(this.mvc.get().uri(GROUPS + "/igcgrp1/initiators/host1"), 404, "not-found");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void movesAnEntryAndAnswersTheDestinationsEntries() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp2"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "igcsess3"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp2", "aaa"));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igcsess3"));
		assertThat(post(GROUPS + "/igcgrp1/initiators/igcsess3/move", "{\"group\":\"igcgrp2\"}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[\"aaa\",\"igcsess3\"]");
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp2")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.sessions")
			.isEqualTo(java.util.List.of("igcsess3"));
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp1/initiators")).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void movingToAnUnknownGroupIsNotFoundWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "host1"));
		long before = simulator().writeCount();
		problem(post(GROUPS + "/igcgrp1/initiators/host1/move", "{\"group\":\"nosuch\"}"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("ini-group");
		problem(post(GROUPS + "/igcgrp1/initiators/host2/move", "{\"group\":\"igcgrp1\"}"), 404, "not-found")
			.extractingPath("$.object")
			.isEqualTo("initiator");
		problem(post(GROUPS + "/igcgrp1/initiators/host1/move", "{\"group\":\"a;b\"}"), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("group");
		problem(post(GROUPS + "/igcgrp1/initiators/host1/move", "{\"group\":\"igcgrp1\"}"), 409, "conflict")
			.extractingPath("$.object")
			.isEqualTo("initiator");
		assertThat(simulator().writeCount()).isEqualTo(before);
	}

	@Test
	void clearingEntriesIsIdempotent() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "host1"));
		assertThat(this.mvc.delete().uri(GROUPS + "/igcgrp1/initiators")).hasStatus(204);
		assertThat(this.mvc.delete().uri(GROUPS + "/igcgrp1/initiators")).hasStatus(204);
		assertThat(this.mvc.get().uri(GROUPS + "/igcgrp1/initiators")).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void aStaleIfMatchOnDeleteIsRefusedWithoutWriting() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		String etag = this.mvc.get().uri(GROUPS + "/igcgrp1").exchange().getResponse().getHeader(HttpHeaders.ETAG);
		this.sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, TARGET, "igcgrp1", "host1"));
		long before = simulator().writeCount();
		problem(this.mvc.delete().uri(GROUPS + "/igcgrp1").header(HttpHeaders.IF_MATCH, etag), 412,
				"precondition-failed");
		problem(this.mvc.delete().uri(GROUPS + "/igcgrp1/initiators").header(HttpHeaders.IF_MATCH, "\"stale\""), 412,
				"precondition-failed");
		assertThat(simulator().writeCount()).isEqualTo(before);
		String current = this.mvc.get().uri(GROUPS + "/igcgrp1").exchange().getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(this.mvc.delete().uri(GROUPS + "/igcgrp1").header(HttpHeaders.IF_MATCH, current)).hasStatus(204);
	}

	@Test
	void aKernelRejectionIs422() {
		// the copy manager has no initiator groups: SCST answers EINVAL
		AbstractJsonContentAssert<?> json = problem(
				post("/api/v1/target-drivers/copy_manager/targets/copy_manager_tgt/ini-groups",
						"{\"name\":\"igcgrp1\"}"),
				422, "kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("EINVAL");
		json.extractingPath("$.command").asString().startsWith("create igcgrp1");
	}

	@Test
	void pagesGroupsInNameOrder() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp1"));
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "igcgrp2"));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "igcgrp2", 5, "igcdev1", false));
		MvcTestResult first = this.mvc.get().uri(GROUPS + "?limit=1").exchange();
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$[*].name").asArray().containsExactly("igcgrp1");
		assertThat(first.getResponse().getHeader(HttpHeaders.LINK))
			.isEqualTo("<http://localhost" + GROUPS + "?limit=1&after=igcgrp1>; rel=\"next\"");
		MvcTestResult last = this.mvc.get().uri(GROUPS + "?limit=1&after=igcgrp1").exchange();
		AbstractJsonContentAssert<?> json = assertThat(last).hasStatusOk().bodyJson();
		json.extractingPath("$[*].name").asArray().containsExactly("igcgrp2");
		json.extractingPath("$[0].lunCount").isEqualTo(1);
		assertThat(last.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		problem(this.mvc.get().uri(GROUPS + "?after=bad*group"), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("after");
	}

	private MockMvcTester.MockMvcRequestBuilder post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

}
