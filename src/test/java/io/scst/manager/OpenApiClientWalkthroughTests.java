package io.scst.manager;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import io.scst.manager.client.ApiClient;
import io.scst.manager.client.ApiException;
import io.scst.manager.client.api.ConfigurationApi;
import io.scst.manager.client.api.DevicesApi;
import io.scst.manager.client.api.InitiatorGroupsApi;
import io.scst.manager.client.api.LunsApi;
import io.scst.manager.client.api.SessionsApi;
import io.scst.manager.client.api.TargetsApi;
import io.scst.manager.client.model.AddInitiatorRequest;
import io.scst.manager.client.model.CreateDeviceRequest;
import io.scst.manager.client.model.CreateInitiatorGroupRequest;
import io.scst.manager.client.model.CreateSessionRequest;
import io.scst.manager.client.model.CreateTargetRequest;
import io.scst.manager.client.model.Device;
import io.scst.manager.client.model.Initiator;
import io.scst.manager.client.model.InitiatorGroup;
import io.scst.manager.client.model.MappedLun;
import io.scst.manager.client.model.Plan;
import io.scst.manager.client.model.Problem;
import io.scst.manager.client.model.PutLunRequest;
import io.scst.manager.client.model.Session;
import io.scst.manager.client.model.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * docs/api.md's walk-through driven by the Java client that openapi-generator makes from
 * {@code docs/openapi.json} (target/generated-test-sources/openapi): if the contract and
 * the server disagree on a path, a body or a status, this fails. On a fresh simulator
 * (scst_local without its default target), over real HTTP, without credentials (the
 * simulator on loopback makes such requests admin).
 */
@ServerTest(properties = { "scst.simulator.state=fresh", "scst.simulator.add-default-target=false" })
@Tag("integration")
class OpenApiClientWalkthroughTests {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "local_tgt1";

	private static final String DEVICE = "vm_disk1";

	private static final String SESSION = "host1";

	private static final String GROUP = "host2";

	private static final String INITIATOR = "iqn.2026-11.io.example:host2";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void simulatorDataDir(DynamicPropertyRegistry registry) {
		registry.add("scst.simulator.data-dir", dataDir::toString);
		registry.add("scst.security.audit-file", () -> dataDir.resolve("audit.log").toString());
	}

	@LocalServerPort
	private int port;

	private ApiClient client;

	@BeforeEach
	void client() {
		this.client = new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(this.port);
	}

	@Test
	void walkThroughTheReadmeWithTheGeneratedClient() throws ApiException, IOException {
		DevicesApi devices = new DevicesApi(this.client);
		TargetsApi targets = new TargetsApi(this.client);
		SessionsApi sessions = new SessionsApi(this.client);
		LunsApi luns = new LunsApi(this.client);
		InitiatorGroupsApi groups = new InitiatorGroupsApi(this.client);
		ConfigurationApi configuration = new ConfigurationApi(this.client);

		// a device on a backing file
		Path backing = dataDir.resolve(DEVICE + ".img");
		try (RandomAccessFile file = new RandomAccessFile(backing.toFile(), "rw")) {
			file.setLength(64L << 20);
		}
		Device device = devices
			.createDevice(new CreateDeviceRequest().name(DEVICE).handler("vdisk_fileio").filename(backing.toString()));
		assertThat(device.getName()).isEqualTo(DEVICE);
		assertThat(device.getHandler()).isEqualTo("vdisk_fileio");
		assertThat(device.getSize()).isEqualTo(64L << 20);
		assertThat(device.getExports()).isEmpty();

		// an scst_local target, a session on it, LUN 0
		Target target = targets.createTarget(DRIVER, new CreateTargetRequest().name(TARGET));
		assertThat(target.getName()).isEqualTo(TARGET);
		assertThat(target.getDriver()).isEqualTo(DRIVER);
		Session session = sessions.createSession(DRIVER, TARGET, new CreateSessionRequest().name(SESSION));
		assertThat(session.getName()).isEqualTo(SESSION);
		MappedLun lun = luns.putLun(DRIVER, TARGET, "0", new PutLunRequest().device(DEVICE), null);
		assertThat(lun.getLun()).isZero();
		assertThat(lun.getDevice()).isEqualTo(DEVICE);
		assertThat(lun.getReadOnly()).isFalse();
		assertThat(lun.getSessions()).singleElement().satisfies((changes) -> {
			assertThat(changes.getSession()).isEqualTo(SESSION);
			assertThat(changes.getAppeared()).singleElement().satisfies((linux) -> assertThat(linux.getLun()).isZero());
		});
		assertThat(sessions.getSession(DRIVER, TARGET, SESSION, null).getLuns())
			.anySatisfy((seen) -> assertThat(seen.getDevice()).isEqualTo(DEVICE));

		// an initiator group with one initiator and LUN 0, read-only
		InitiatorGroup group = groups.createInitiatorGroup(DRIVER, TARGET,
				new CreateInitiatorGroupRequest().name(GROUP));
		assertThat(group.getName()).isEqualTo(GROUP);
		Initiator initiator = groups.addInitiator(DRIVER, TARGET, GROUP, new AddInitiatorRequest().name(INITIATOR));
		assertThat(initiator.getName()).isEqualTo(INITIATOR);
		assertThat(initiator.getGroup()).isEqualTo(GROUP);
		MappedLun groupLun = luns.putGroupLun(DRIVER, TARGET, GROUP, "0",
				new PutLunRequest().device(DEVICE).readOnly(true), null);
		assertThat(groupLun.getReadOnly()).isTrue();
		group = groups.getInitiatorGroup(DRIVER, TARGET, GROUP, null);
		assertThat(group.getInitiators()).containsExactly(INITIATOR);
		assertThat(group.getLuns()).singleElement().satisfies((mapped) -> {
			assertThat(mapped.getLun()).isZero();
			assertThat(mapped.getDevice()).isEqualTo(DEVICE);
		});
		assertThat(devices.getDevice(DEVICE, null).getExports()).hasSize(2);

		// a conditional GET with the ETag just read: 304, which the client reports as
		// such
		String etag = devices.getDeviceWithHttpInfo(DEVICE, null).getHeaders().get("etag").get(0);
		ApiException notModified = catchThrowableOfType(ApiException.class, () -> devices.getDevice(DEVICE, etag));
		assertThat(notModified.getCode()).isEqualTo(304);
		assertThat(devices.getDevice(DEVICE, "\"0000\"").getName()).isEqualTo(DEVICE);

		// the configuration, as scst.conf; applying it again plans nothing
		String conf = configuration.exportConfig(null);
		assertThat(conf).contains("DEVICE " + DEVICE, "TARGET " + TARGET, "session_name " + SESSION, "GROUP " + GROUP,
				"INITIATOR " + INITIATOR, "LUN 0 " + DEVICE);
		Plan plan = configuration.planConfig(conf, null, null);
		assertThat(plan.getSteps()).isEmpty();

		// a problem comes back as the Problem schema
		ApiException conflict = catchThrowableOfType(ApiException.class, () -> devices
			.createDevice(new CreateDeviceRequest().name(DEVICE).handler("vdisk_fileio").filename(backing.toString())));
		assertThat(conflict.getCode()).isEqualTo(409);
		Problem problem = this.client.getObjectMapper().readValue(conflict.getResponseBody(), Problem.class);
		assertThat(problem.getType()).hasToString("urn:scst-mgmt:problem:conflict");
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getObject()).isEqualTo("device");

		// clean up, leaf first
		luns.deleteGroupLun(DRIVER, TARGET, GROUP, "0", null);
		groups.deleteInitiator(DRIVER, TARGET, GROUP, INITIATOR, null);
		groups.deleteInitiatorGroup(DRIVER, TARGET, GROUP, null);
		assertThat(luns.deleteLun(DRIVER, TARGET, "0", null).getSessions()).singleElement()
			.satisfies((changes) -> assertThat(changes.getGone()).singleElement()
				.satisfies((linux) -> assertThat(linux.getLun()).isZero()));
		sessions.deleteSession(DRIVER, TARGET, SESSION, null);
		targets.deleteTarget(DRIVER, TARGET, null);
		devices.deleteDevice(DEVICE, null, null);
		assertThat(targets.listTargets(DRIVER, null, null, null)).isEmpty();
		assertThat(devices.listDevices(null, null, null, null))
			.noneSatisfy((summary) -> assertThat(summary.getName()).isEqualTo(DEVICE));
		ApiException gone = catchThrowableOfType(ApiException.class, () -> devices.getDevice(DEVICE, null));
		assertThat(gone.getCode()).isEqualTo(404);
	}

}
