package io.scst.manager.config;

import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.scst.manager.ApiTest;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** The configuration resources over the real service on the shared demo simulator. */
@ApiTest
class ConfigControllerTests {

	private static final String CONFIG = """
			HANDLER vdisk_nullio {
				DEVICE ccdev {
					size_mb 32
				}
			}
			TARGET_DRIVER scst_local {
				TARGET cctgt {
					session_name ccsess
					LUN 0 ccdev
					GROUP ccgrp {
						INITIATOR cc*
					}
				}
			}
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private ConfigProperties properties;

	@Autowired
	private ConfigSaver saver;

	@AfterEach
	void removeWhatTheTestsCreated() {
		simulator().faults().clear();
		if (this.sysfs.exists(ScstTree.target("scst_local", "cctgt"))) {
			this.sysfs.mgmt(MgmtCommand.delTarget("scst_local", "cctgt"));
		}
		if (this.sysfs.exists(ScstTree.device("ccdev"))) {
			this.sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", "ccdev"));
		}
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

	@Test
	void exportsTheLiveConfigurationAsTextOrJson() {
		assertThat(this.mvc.get().uri("/api/v1/config").accept(MediaType.TEXT_PLAIN)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.bodyText()
			.startsWith(ConfigFormat.HEADER)
			.contains("HANDLER vdisk_fileio {\n\tDEVICE vm_disk1 {\n\t\tfilename ")
			.contains("\tTARGET scst_local_tgt {\n\t\tsession_name scst_local_host\n\n\t\tLUN 0 vm_disk1\n");
		assertThat(this.mvc.get().uri("/api/v1/config").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.handlers[?(@.name=='vdisk_fileio')].devices[0].name")
			.asArray()
			.containsExactly("vm_disk1");
	}

	@Test
	void plansWithoutWriting() {
		long writes = simulator().writeCount();
		assertThat(this.mvc.post().uri("/api/v1/config/plan").contentType(MediaType.TEXT_PLAIN).content(CONFIG))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"steps":[
							 {"kind":"create","object":"devices/ccdev",
							  "command":"handlers/vdisk_nullio/mgmt: add_device ccdev size=33554432"},
							 {"kind":"create","object":"target-drivers/scst_local/targets/cctgt",
							  "command":"targets/scst_local/mgmt: add_target cctgt session_name=ccsess"},
							 {"kind":"create","object":"target-drivers/scst_local/targets/cctgt/ini-groups/ccgrp"},
							 {"kind":"create","object":"target-drivers/scst_local/targets/cctgt/luns/0",
							  "command":"targets/scst_local/cctgt/luns/mgmt: add ccdev 0"},
							 {"kind":"create","object":"target-drivers/scst_local/targets/cctgt/ini-groups/ccgrp/initiators/cc*"}
							]}
							""");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void appliesSavesAndThenPlansNothing() throws Exception {
		assertThat(this.mvc.put().uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content(CONFIG)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.applied")
			.isEqualTo(5);
		assertThat(this.sysfs.exists(ScstTree.lun("scst_local", "cctgt", null, 0))).isTrue();
		assertThat(this.saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(Files.readString(this.properties.path())).contains("\tTARGET cctgt {");
		assertThat(this.mvc.post().uri("/api/v1/config/plan").contentType(MediaType.TEXT_PLAIN).content(CONFIG))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"steps\":[]}");
		assertThat(this.mvc.get().uri("/api/v1/config/drift")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"inSync\":true,\"differences\":[]}");
		this.sysfs.mgmt(MgmtCommand.delLun("scst_local", "cctgt", null, 0));
		assertThat(this.mvc.get().uri("/api/v1/config/drift")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"inSync":false,"differences":[
							 {"object":"target-drivers/scst_local/targets/cctgt/luns/0","attribute":null,"live":null,"saved":"present"}]}
							""");
	}

	@Test
	void theAnswerOfAChangeComesAfterItsSaveAndReportsIt() throws Exception {
		MvcTestResult applied = this.mvc.put()
			.uri("/api/v1/config")
			.contentType(MediaType.TEXT_PLAIN)
			.content(CONFIG)
			.exchange();
		assertThat(applied).hasStatusOk().bodyJson().extractingPath("$.save.outcome").isEqualTo("written");
		assertThat(applied).bodyJson().extractingPath("$.save.millis").asNumber().satisfies((millis) -> {
			assertThat(millis.doubleValue()).isPositive();
		});
		// one header: the phases in the order they ran, then the save; none in the body
		assertThat(applied).headers()
			.hasHeaderSatisfying("Server-Timing", (values) -> assertThat(values)
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.matches("parse;dur=[0-9]+\\.[0-9]{3}, plan;dur=[0-9]+\\.[0-9]{3}, write;dur=[0-9]+\\.[0-9]{3}, "
						+ "([a-z-]+;dur=[0-9]+\\.[0-9]{3}, )*save;dur=[0-9.]+;desc=\"configuration written\"")
				.contains(", scan;dur=", ", saver;dur="));
		assertThat(applied).bodyJson().doesNotHavePath("$.timing");
		// no wait for a background save: the file holds the change once it is answered
		assertThat(Files.readString(this.properties.path())).contains("\tTARGET cctgt {");
		MvcTestResult deleted = this.mvc.delete()
			.uri("/api/v1/target-drivers/scst_local/targets/cctgt/luns/0")
			.exchange();
		assertThat(deleted).hasStatus2xxSuccessful()
			.headers()
			.hasHeaderSatisfying("Server-Timing",
					(values) -> assertThat(values).singleElement().asString().startsWith("save;dur="));
		assertThat(Files.readString(this.properties.path())).contains("\tTARGET cctgt {")
			.doesNotContain("\t\tLUN 0 ccdev");
		// an apply that writes nothing saves nothing
		MvcTestResult nothing = this.mvc.put()
			.uri("/api/v1/config")
			.contentType(MediaType.TEXT_PLAIN)
			.content(CONFIG.replace("\t\tLUN 0 ccdev\n", ""))
			.exchange();
		assertThat(nothing).hasStatusOk().bodyJson().isLenientlyEqualTo("{\"applied\":0,\"steps\":[]}");
		assertThat(nothing).headers()
			.hasHeaderSatisfying("Server-Timing",
					(values) -> assertThat(values).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
						.matches("parse;dur=[0-9.]+, plan;dur=[0-9.]+, write;dur=[0-9.]+"));
	}

	@Test
	void driftRightAfterAChangeIsInSync() {
		for (int i = 0; i < 10; i++) {
			String target = "ccryw" + i;
			assertThat(this.mvc.put()
				.uri("/api/v1/config")
				.contentType(MediaType.TEXT_PLAIN)
				.content("TARGET_DRIVER scst_local {\n\tTARGET " + target + " {\n\t}\n}\n")).hasStatusOk();
			assertThat(this.mvc.get().uri("/api/v1/config/drift")).as("drift right after creating %s", target)
				.hasStatusOk()
				.bodyJson()
				.isLenientlyEqualTo("{\"inSync\":true,\"differences\":[]}");
			assertThat(this.mvc.delete().uri("/api/v1/target-drivers/scst_local/targets/" + target)).hasStatus(204);
			assertThat(this.mvc.get().uri("/api/v1/config/drift")).as("drift right after deleting %s", target)
				.hasStatusOk()
				.bodyJson()
				.isLenientlyEqualTo("{\"inSync\":true,\"differences\":[]}");
		}
	}

	@Test
	void aFailedStepIsRolledBackAndReported() {
		simulator().faults().failWrites(ScstTree.lunsMgmt("scst_local", "cctgt", null), Errno.EINVAL, 1);
		assertThat(this.mvc.put().uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content(CONFIG))
			.hasStatus(422)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"type":"urn:scst-mgmt:problem:kernel-rejected","status":422,"errno":"EINVAL",
					 "path":"targets/scst_local/cctgt/luns/mgmt","command":"add ccdev 0","rolledBack":true,
					 "stepIndex":3,"rollbackFailures":[],
					 "failedStep":{"kind":"create","object":"target-drivers/scst_local/targets/cctgt/luns/0"}}
					""");
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cctgt"))).isFalse();
		assertThat(this.sysfs.exists(ScstTree.device("ccdev"))).isFalse();
	}

	/**
	 * Another size than {@link #CONFIG}: the saved file of the other tests stays theirs.
	 */
	private static final String SUSPENDED = CONFIG.replace("size_mb 32", "size_mb 16");

	@Test
	void aSuspendedApplySuspendsBeforeItsFirstWriteAndResumesAfterItsLast() throws Exception {
		int logged = simulator().writeLog().size();
		MvcTestResult planned = this.mvc.post()
			.uri("/api/v1/config/plan?suspend=true")
			.contentType(MediaType.TEXT_PLAIN)
			.content(SUSPENDED)
			.exchange();
		assertThat(planned).hasStatusOk();
		assertThat(simulator().writeLog()).hasSize(logged);
		MvcTestResult applied = this.mvc.put()
			.uri("/api/v1/config?suspend=true")
			.contentType(MediaType.TEXT_PLAIN)
			.content(SUSPENDED)
			.exchange();
		assertThat(applied).hasStatusOk()
			.bodyJson()
			.extractingPath("$.steps")
			.isEqualTo(com.jayway.jsonpath.JsonPath
				.read(planned.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.steps"));
		assertThat(applied).bodyJson().extractingPath("$.steps[0].command").asString().matches("suspend: [1-9][0-9]*");
		assertThat(applied).bodyJson().extractingPath("$.steps[-1:].command").isEqualTo(List.of("suspend: -1"));
		List<String> written = simulator().writeLog()
			.subList(logged, simulator().writeLog().size())
			.stream()
			.map((w) -> w.path() + " " + w.data().strip())
			.toList();
		assertThat(written.get(0)).matches("suspend [1-9][0-9]*");
		assertThat(written.get(written.size() - 1)).isEqualTo("suspend -1");
		assertThat(written.subList(1, written.size() - 1)).noneMatch((w) -> w.startsWith("suspend "));
		assertThat(this.sysfs.read(ScstTree.SUSPEND).value()).isEqualTo("0");
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cctgt"))).isTrue();
		// nothing to do: nothing suspended
		assertThat(
				this.mvc.put().uri("/api/v1/config?suspend=true").contentType(MediaType.TEXT_PLAIN).content(SUSPENDED))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"applied\":0,\"steps\":[]}");
	}

	@Test
	void aSuspendedApplyThatFailsResumesAfterItsRollback() {
		simulator().faults().failWrites(ScstTree.lunsMgmt("scst_local", "cctgt", null), Errno.EINVAL, 1);
		assertThat(
				this.mvc.put().uri("/api/v1/config?suspend=true").contentType(MediaType.TEXT_PLAIN).content(SUSPENDED))
			.hasStatus(422)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"errno":"EINVAL","command":"add ccdev 0","rolledBack":true,"stepIndex":4,"rollbackFailures":[]}
					""");
		assertThat(this.sysfs.read(ScstTree.SUSPEND).value()).isEqualTo("0");
		assertThat(simulator().writeLog().get(simulator().writeLog().size() - 1).data().strip()).isEqualTo("-1");
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cctgt"))).isFalse();
	}

	@Test
	void aSuspendedApplyThatRemovesIsRefusedBeforeAnyWrite() {
		assertThat(this.mvc.put().uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content(SUSPENDED))
			.hasStatusOk();
		int logged = simulator().writeLog().size();
		assertThat(this.mvc.put()
			.uri("/api/v1/config?suspend=true&prune=luns")
			.contentType(MediaType.TEXT_PLAIN)
			.content(SUSPENDED.replace("\t\tLUN 0 ccdev\n", ""))).hasStatus(409)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("suspending SCST's I/O is refused", "target-drivers/scst_local/targets/cctgt/luns/0");
		assertThat(simulator().writeLog()).hasSize(logged);
		assertThat(this.sysfs.exists(ScstTree.lun("scst_local", "cctgt", null, 0))).isTrue();
	}

	@Test
	void appliesTheJsonModel() {
		String json = """
				{"attributes":{},"handlers":[{"name":"vdisk_nullio","attributes":{},"other":[],
				  "devices":[{"name":"ccdev","attributes":{"size":"1048576"},"other":[]}]}],
				 "drivers":[],"other":[]}
				""";
		assertThat(this.mvc.put().uri("/api/v1/config").contentType(MediaType.APPLICATION_JSON).content(json))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.applied")
			.isEqualTo(1);
		assertThat(this.sysfs.read(ScstTree.deviceAttribute("ccdev", "size")).value()).isEqualTo("1048576");
	}

	@Test
	void badInputIsAnInvalidRequestWithoutWrites() {
		long writes = simulator().writeCount();
		assertThat(
				this.mvc.put().uri("/api/v1/config?prune=everything").contentType(MediaType.TEXT_PLAIN).content(CONFIG))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"type":"urn:scst-mgmt:problem:invalid-request","errors":[{"field":"prune"}]}
					""");
		assertThat(this.mvc.put().uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content("HANDLER x {\n"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"type\":\"urn:scst-mgmt:problem:invalid-request\"}");
		assertThat(this.mvc.put()
			.uri("/api/v1/config")
			.contentType(MediaType.TEXT_PLAIN)
			.content("HANDLER no_such_handler {\n DEVICE x\n}\n")).hasStatus(409)
			.bodyJson()
			.isLenientlyEqualTo("{\"type\":\"urn:scst-mgmt:problem:conflict\",\"object\":\"configuration\"}");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void restoreReportSaysDisabledByDefault() {
		assertThat(this.mvc.get().uri("/api/v1/config/restore-report")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"status\":\"disabled\",\"objects\":[]}");
	}

	@Test
	void theEntityTagIsTheSameForTextAndJson() {
		String text = this.mvc.get()
			.uri("/api/v1/config")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		String json = this.mvc.get()
			.uri("/api/v1/config")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		assertThat(text).isNotBlank().isEqualTo(json);
		assertThat(this.mvc.get().uri("/api/v1/config").accept(MediaType.APPLICATION_JSON)).bodyText()
			.doesNotContain("canonicalText");
	}

	@Test
	void applyAcceptsTheEntityTagOfEitherRepresentation() throws Exception {
		String etag = this.mvc.get()
			.uri("/api/v1/config")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		String live = this.mvc.get()
			.uri("/api/v1/config")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(this.mvc.put()
			.uri("/api/v1/config")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, etag)
			.content(live)).hasStatusOk();
		assertThat(this.mvc.put()
			.uri("/api/v1/config")
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.IF_MATCH, etag)
			.content(CONFIG)).hasStatusOk();
		assertThat(this.sysfs.exists(ScstTree.device("ccdev"))).isTrue();
	}

	@Test
	void applyWithAnAcceptItCannotAnswerIs406AndChangesNothing() {
		long writes = this.sysfs.writes();
		problem(this.mvc.put()
			.uri("/api/v1/config")
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.TEXT_PLAIN)
			.content(CONFIG), 406, "not-acceptable");
		problem(this.mvc.post()
			.uri("/api/v1/config/plan")
			.contentType(MediaType.TEXT_PLAIN)
			.accept(MediaType.IMAGE_PNG)
			.content(CONFIG), 406, "not-acceptable");
		assertThat(this.sysfs.writes()).isEqualTo(writes);
		assertThat(this.sysfs.exists(ScstTree.device("ccdev"))).isFalse();
	}

}
