package io.scst.manager.security;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import io.scst.manager.SimulatorTest;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.web.ProblemTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API with credentials configured (tokens for every role and one Basic user) and a
 * backing-file policy, on the simulator: authentication, the role boundaries, the
 * backing-file policy and the audit log over MockMvc.
 */
@SimulatorTest(properties = { "scst.simulator.state=demo" })
@AutoConfigureMetrics
class SecuredApiTests {

	static final String VIEWER = "viewer-secret-1";

	static final String OPERATOR = "operator-secret-2";

	static final String ADMIN = "admin-secret-3";

	static final String SCRAPER = "scraper-secret-4";

	static final String ALICE_PASSWORD = "alice-password";

	private static final String LOCAL_TARGET = "/api/v1/target-drivers/scst_local/targets/scst_local_tgt";

	private static final ScstPath FILEIO_MGMT = ScstPath.of("handlers", "vdisk_fileio", "mgmt");

	static Path root;

	static Path allowed;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) throws IOException {
		root = Files.createTempDirectory("scst-secured-").toRealPath();
		allowed = Files.createDirectories(root.resolve("allowed"));
		Path tokens = root.resolve("tokens");
		Files.writeString(tokens,
				"# test tokens\n" + ApiTokens.line("viewer-token", Role.VIEWER, VIEWER) + "\n"
						+ ApiTokens.line("operator-token", Role.OPERATOR, OPERATOR) + "\n\n"
						+ ApiTokens.line("admin-token", Role.ADMIN, ADMIN) + "\n"
						+ ApiTokens.line("scraper-token", Role.SCRAPER, SCRAPER) + "\n");
		registry.add("scst.simulator.data-dir", () -> root.resolve("data").toString());
		registry.add("scst.security.token-file", tokens::toString);
		registry.add("scst.security.users[0].name", () -> "alice");
		registry.add("scst.security.users[0].password-hash", () -> new BCryptPasswordEncoder(4).encode(ALICE_PASSWORD));
		registry.add("scst.security.users[0].role", () -> "operator");
		registry.add("scst.security.backing-files.allowed-dirs", allowed::toString);
		registry.add("scst.security.audit-file", () -> root.resolve("audit.log").toString());
	}

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private JsonMapper mapper;

	@AfterEach
	void removeOwnObjects() {
		simulator().faults().clear();
		for (var entry : this.sysfs.list(ScstPath.of("handlers", "vdisk_fileio"))) {
			if (entry.isLink() && entry.name().startsWith("sec_")) {
				this.sysfs.mgmt(FILEIO_MGMT, "del_device " + entry.name());
			}
		}
	}

	@Test
	void refusesRequestsWithoutCredentialsWith401Problem() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/devices").exchange();
		assertThat(result).hasStatus(401)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.containsHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
	}

	@Test
	void refusesAWrongTokenWith401() {
		long writes = simulator().writeCount();
		MvcTestResult result = createDevice(bearer(this.mvc.post(), "admin-secret-4"), "sec_wrong", null);
		assertThat(result).hasStatus(401);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void keepsHealthOpen() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
	}

	@Test
	void showsHealthDetailsOnlyToRolesThatReadTheApi() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().satisfies((body) -> {
			assertThat(body).extractingPath("$.status").isEqualTo("UP");
			assertThat(body).doesNotHavePath("$.components");
		});
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyJson()
			.doesNotHavePath("$.components");
		assertThat(bearer(this.mvc.get(), SCRAPER).uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.doesNotHavePath("$.components");
		for (String token : new String[] { VIEWER, OPERATOR, ADMIN }) {
			assertThat(bearer(this.mvc.get(), token).uri("/actuator/health")).hasStatusOk()
				.bodyJson()
				.satisfies((body) -> {
					assertThat(body).extractingPath("$.components.scst.details.mode").isEqualTo("simulator");
					assertThat(body).hasPath("$.components.scstConfig.details");
				});
		}
	}

	@Test
	void letsViewersRead() {
		assertThat(bearer(this.mvc.get(), VIEWER).uri("/api/v1/devices")).hasStatusOk();
		assertThat(bearer(this.mvc.get(), VIEWER).uri(LOCAL_TARGET + "/luns")).hasStatusOk();
	}

	@Test
	void forbidsViewersToCreateDevices() {
		long writes = simulator().writeCount();
		MvcTestResult result = createDevice(bearer(this.mvc.post(), VIEWER), "sec_viewer", null);
		assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemTypes.FORBIDDEN.toString());
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void forbidsViewersToMapLuns() {
		assertThat(putLun(bearer(this.mvc.put(), VIEWER), 41)).hasStatus(403);
	}

	@Test
	void forbidsOperatorsToCreateDevicesAndTargets() {
		long writes = simulator().writeCount();
		assertThat(createDevice(bearer(this.mvc.post(), OPERATOR), "sec_operator", null)).hasStatus(403);
		assertThat(bearer(this.mvc.post(), OPERATOR).uri("/api/v1/target-drivers/scst_local/targets")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"sec_tgt\"}")).hasStatus(403);
		assertThat(bearer(this.mvc.delete(), OPERATOR).uri("/api/v1/devices/vm_disk1")).hasStatus(403);
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void letsOperatorsMapAndUnmapLuns() {
		assertThat(putLun(bearer(this.mvc.put(), OPERATOR), 42).getResponse().getStatus()).isIn(200, 201);
		assertThat(bearer(this.mvc.delete(), OPERATOR).uri(LOCAL_TARGET + "/luns/42")).hasStatus(200);
	}

	@Test
	void letsOperatorsManageInitiatorGroups() {
		assertThat(bearer(this.mvc.post(), OPERATOR).uri(LOCAL_TARGET + "/ini-groups")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"sec_group\"}")).hasStatus(201);
		assertThat(bearer(this.mvc.delete(), OPERATOR).uri(LOCAL_TARGET + "/ini-groups/sec_group")).hasStatus(204);
	}

	@Test
	void letsAdminsCreateAndDeleteDevices() throws IOException {
		Path file = backingFile(allowed.resolve("sec_admin.img"));
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN), "sec_admin", file.toString())).hasStatus(201);
		assertThat(bearer(this.mvc.delete(), ADMIN).uri("/api/v1/devices/sec_admin")).hasStatus(204);
	}

	@Test
	void acceptsHttpBasicUsers() {
		assertThat(
				this.mvc.get().uri("/api/v1/devices").header(HttpHeaders.AUTHORIZATION, basic("alice", ALICE_PASSWORD)))
			.hasStatusOk();
		assertThat(putLun(this.mvc.put().header(HttpHeaders.AUTHORIZATION, basic("alice", ALICE_PASSWORD)), 43)
			.getResponse()
			.getStatus()).isIn(200, 201);
		assertThat(this.mvc.delete()
			.uri(LOCAL_TARGET + "/luns/43")
			.header(HttpHeaders.AUTHORIZATION, basic("alice", ALICE_PASSWORD))).hasStatus(200);
		assertThat(createDevice(this.mvc.post().header(HttpHeaders.AUTHORIZATION, basic("alice", ALICE_PASSWORD)),
				"sec_alice", null))
			.hasStatus(403);
	}

	@Test
	void refusesAWrongBasicPasswordWith401() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/devices")
			.header(HttpHeaders.AUTHORIZATION, basic("alice", "not-her-password"))
			.exchange();
		assertThat(result).hasStatus(401);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
	}

	@Test
	void opensPrometheusToViewersAndScrapersOnly() {
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatus(401);
		assertThat(bearer(this.mvc.get(), SCRAPER).uri("/actuator/prometheus")).hasStatusOk();
		assertThat(bearer(this.mvc.get(), VIEWER).uri("/actuator/prometheus")).hasStatusOk();
		assertThat(bearer(this.mvc.get(), SCRAPER).uri("/api/v1/devices")).hasStatus(403);
	}

	@Test
	void opensTheAuditLogToAdminsOnly() {
		assertThat(bearer(this.mvc.get(), OPERATOR).uri("/api/v1/audit")).hasStatus(403);
		assertThat(bearer(this.mvc.get(), VIEWER).uri("/api/v1/audit")).hasStatus(403);
		assertThat(bearer(this.mvc.get(), ADMIN).uri("/api/v1/audit")).hasStatusOk();
	}

	@Test
	void refusesABackingFileOutsideTheAllowedDirectories() {
		long writes = simulator().writeCount();
		MvcTestResult result = createDevice(bearer(this.mvc.post(), ADMIN), "sec_shadow", "/etc/shadow");
		assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemTypes.FORBIDDEN.toString());
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("/etc/shadow", allowed.toString());
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("filename");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void refusesDotDotOutOfTheAllowedDirectory() throws IOException {
		Path outside = backingFile(root.resolve("outside.img"));
		long writes = simulator().writeCount();
		String escape = allowed + "/../" + outside.getFileName();
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN), "sec_dotdot", escape)).hasStatus(403);
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void refusesASymlinkOutOfTheAllowedDirectory() throws IOException {
		Path outside = backingFile(root.resolve("outside-link-target.img"));
		Path link = Files.createSymbolicLink(allowed.resolve("sec_link.img"), outside);
		long writes = simulator().writeCount();
		MvcTestResult result = createDevice(bearer(this.mvc.post(), ADMIN), "sec_link", link.toString());
		assertThat(result).hasStatus(403);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(outside.toString());
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void refusesABlockDeviceThatIsNotAllowed() {
		long writes = simulator().writeCount();
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN), "sec_sda", "/dev/sda")).hasStatus(403);
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void refusesTheFilenameAsAPlainParameterToo() {
		long writes = simulator().writeCount();
		MvcTestResult result = bearer(this.mvc.post(), ADMIN).uri("/api/v1/devices")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\":\"sec_param\",\"handler\":\"vdisk_fileio\",\"parameters\":{\"filename\":\"/etc/shadow\"}}")
			.exchange();
		assertThat(result).hasStatus(403);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("filename");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void refusesAConfigurationThatNamesAFileOutsideBeforeAnyWrite() {
		long writes = simulator().writeCount();
		String config = "TARGET_DRIVER scst_local {\n\tTARGET sec_cfg_tgt {\n\t}\n}\n"
				+ "HANDLER vdisk_fileio {\n\tDEVICE sec_cfg {\n\t\tfilename /etc/shadow\n\t}\n}\n";
		for (String uri : List.of("/api/v1/config", "/api/v1/config/plan")) {
			MvcTestResult result = bearer(uri.endsWith("plan") ? this.mvc.post() : this.mvc.put(), ADMIN).uri(uri)
				.contentType(MediaType.TEXT_PLAIN)
				.content(config)
				.exchange();
			assertThat(result).as(uri).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("/etc/shadow");
		}
		assertThat(simulator().writeCount()).as("nothing written, not even the target").isEqualTo(writes);
		assertThat(this.sysfs.exists(ScstPath.of("targets", "scst_local", "sec_cfg_tgt"))).isFalse();
	}

	@Test
	void refusesAConfigurationThatMovesADeviceToAFileOutside() throws IOException {
		Path file = backingFile(allowed.resolve("sec_cfg_move.img"));
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN), "sec_cfg_move", file.toString())).hasStatus(201);
		long writes = simulator().writeCount();
		String config = "HANDLER vdisk_fileio {\n\tDEVICE sec_cfg_move {\n\t\tfilename /etc/passwd\n\t}\n}\n";
		assertThat(
				bearer(this.mvc.put(), ADMIN).uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content(config))
			.hasStatus(403);
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void refusesChangingAFilenameToOneOutside() throws IOException {
		Path file = backingFile(allowed.resolve("sec_change.img"));
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN), "sec_change", file.toString())).hasStatus(201);
		long writes = simulator().writeCount();
		assertThat(bearer(this.mvc.patch(), ADMIN).uri("/api/v1/devices/sec_change")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"attributes\":{\"filename\":\"/etc/passwd\"}}")).hasStatus(403);
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void auditsAnAllowedChangeWithTheExactCommand() throws Exception {
		Path file = backingFile(allowed.resolve("sec_audited.img"));
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN).header("X-Request-Id", "sec-audit-allowed"),
				"sec_audited", file.toString()))
			.hasStatus(201)
			.headers()
			.hasValue("X-Request-Id", "sec-audit-allowed");
		AuditEntry entry = auditEntry("sec-audit-allowed");
		assertThat(entry.principal()).isEqualTo("admin-token");
		assertThat(entry.method()).isEqualTo("POST");
		assertThat(entry.path()).isEqualTo("/api/v1/devices");
		assertThat(entry.object()).isEqualTo("devices");
		assertThat(entry.status()).isEqualTo(201);
		assertThat(entry.result()).isEqualTo("ok");
		assertThat(entry.errno()).isNull();
		assertThat(entry.remoteAddress()).isNotBlank();
		assertThat(entry.commands()).extracting(AuditEntry.Command::written)
			.contains("add_device sec_audited filename=" + file);
		assertThat(entry.commands()).extracting(AuditEntry.Command::path).contains(FILEIO_MGMT.toString());
	}

	@Test
	void auditsADeniedChange() throws Exception {
		assertThat(createDevice(bearer(this.mvc.post(), VIEWER).header("X-Request-Id", "sec-audit-denied"),
				"sec_denied", null))
			.hasStatus(403);
		AuditEntry entry = auditEntry("sec-audit-denied");
		assertThat(entry.principal()).isEqualTo("viewer-token");
		assertThat(entry.status()).isEqualTo(403);
		assertThat(entry.result()).isEqualTo("denied");
		assertThat(entry.commands()).isEmpty();
	}

	@Test
	void auditsAnUnauthenticatedChange() throws Exception {
		assertThat(createDevice(this.mvc.post().header("X-Request-Id", "sec-audit-anonymous"), "sec_anon", null))
			.hasStatus(401);
		AuditEntry entry = auditEntry("sec-audit-anonymous");
		assertThat(entry.principal()).isEqualTo("anonymous");
		assertThat(entry.result()).isEqualTo("denied");
	}

	@Test
	void auditsTheErrnoOfARejectedCommand() throws Exception {
		Path file = backingFile(allowed.resolve("sec_enomem.img"));
		simulator().faults().failWrites(FILEIO_MGMT, Errno.ENOMEM, 1);
		assertThat(createDevice(bearer(this.mvc.post(), ADMIN).header("X-Request-Id", "sec-audit-errno"), "sec_enomem",
				file.toString()))
			.hasStatus(422);
		AuditEntry entry = auditEntry("sec-audit-errno");
		assertThat(entry.result()).isEqualTo("failed");
		assertThat(entry.errno()).isEqualTo("ENOMEM");
		assertThat(entry.commands()).singleElement()
			.satisfies((command) -> assertThat(command.written()).isEqualTo("add_device sec_enomem filename=" + file))
			.satisfies((command) -> assertThat(command.errno()).isEqualTo("ENOMEM"));
	}

	@Test
	void pagesTheAuditLogNewestFirst() {
		for (String id : List.of("sec-page-1", "sec-page-2", "sec-page-3")) {
			assertThat(createDevice(bearer(this.mvc.post(), VIEWER).header("X-Request-Id", id), "sec_page", null))
				.hasStatus(403);
		}
		MvcTestResult first = bearer(this.mvc.get(), ADMIN).uri("/api/v1/audit?page=0&size=2").exchange();
		assertThat(first).hasStatusOk();
		assertThat(first).bodyJson()
			.extractingPath("$.entries[*].requestId")
			.asArray()
			.containsExactly("sec-page-3", "sec-page-2");
		assertThat(first).bodyJson().extractingPath("$.size").isEqualTo(2);
		MvcTestResult second = bearer(this.mvc.get(), ADMIN).uri("/api/v1/audit?page=1&size=2").exchange();
		assertThat(second).bodyJson().extractingPath("$.entries[0].requestId").isEqualTo("sec-page-1");
		assertThat(bearer(this.mvc.get(), ADMIN).uri("/api/v1/audit?size=0")).hasStatus(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bad id with spaces", "" })
	void replacesAnUnusableRequestIdWithAGeneratedOne(String sent) {
		MvcTestResult result = bearer(this.mvc.get(), VIEWER).uri("/api/v1/devices")
			.header("X-Request-Id", sent)
			.exchange();
		assertThat(result.getResponse().getHeader("X-Request-Id")).isNotBlank().isNotEqualTo(sent);
	}

	private AuditEntry auditEntry(String requestId) throws Exception {
		MvcTestResult result = bearer(this.mvc.get(), ADMIN).uri("/api/v1/audit?size=1000").exchange();
		assertThat(result).hasStatusOk();
		AuditPage page = this.mapper.readValue(result.getResponse().getContentAsString(), AuditPage.class);
		return page.entries().stream().filter((e) -> e.requestId().equals(requestId)).findFirst().orElseThrow();
	}

	private MvcTestResult createDevice(MockMvcRequestBuilder request, String name, String filename) {
		String body = (filename != null)
				? "{\"name\":\"" + name + "\",\"handler\":\"vdisk_fileio\",\"filename\":\"" + filename + "\"}"
				: "{\"name\":\"" + name + "\",\"handler\":\"vdisk_nullio\",\"size\":1048576}";
		return request.uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult putLun(MockMvcRequestBuilder request, int lun) {
		return request.uri(LOCAL_TARGET + "/luns/" + lun)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"vm_disk1\"}")
			.exchange();
	}

	private static MockMvcRequestBuilder bearer(MockMvcRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static Path backingFile(Path file) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(1024 * 1024);
		}
		return file;
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

}
