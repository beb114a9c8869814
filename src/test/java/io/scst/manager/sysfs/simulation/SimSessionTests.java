package io.scst.manager.sysfs.simulation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.ScstPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * scst_local sessions: the default TransportID and the asynchronous SCSI scan.
 */
class SimSessionTests {

	private static final String LOCAL = "targets/scst_local/mgmt";

	private ScstSimulator simulator;

	@AfterEach
	void stop() {
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	// The default TransportID does not depend on the session name: it is a 24-byte SAS
	// TransportID (protocol identifier 6, SCST_TRANSPORTID_PROTOCOLID_SAS in
	// scst_const.h) whose SAS address 5FEEDE4h_l0ADE050 carries the low byte of a
	// module-wide session ordinal. Seen live for seven sessions of different names
	// across two targets (SCST-SYSFS.md 11.4, real-captures */02-after-setup:
	// scst_local_host, sess2a, sess2b, host1, host2a, host2b -> 1f, 2f, 3f in byte 8).

	@Test
	void defaultTransportIdIsTheSasAddressOfTheSessionOrdinalWhateverTheName() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults());
		mgmt(LOCAL, "add_target t1 session_name=a");
		mgmt(LOCAL, "add_session t1 " + "x".repeat(61));
		mgmt(LOCAL, "add_session t1 iqn.1994-05.com.example:host,i,0x123456");
		mgmt(LOCAL, "add_session t1 bad/name");
		assertThat(transportId("scst_local_tgt", "scst_local_host"))
			.isEqualTo("060000005feede401fade050000000000000000000000000");
		assertThat(transportId("t1", "a")).isEqualTo("060000005feede402fade050000000000000000000000000");
		assertThat(transportId("t1", "x".repeat(61))).isEqualTo("060000005feede403fade050000000000000000000000000");
		assertThat(transportId("t1", "iqn.1994-05.com.example:host,i,0x123456"))
			.isEqualTo("060000005feede404fade050000000000000000000000000");
		assertThat(transportId("t1", "bad!name")).isEqualTo("060000005feede405fade050000000000000000000000000");
	}

	@Test
	void theOrdinalsHighNibbleGoesToByteSevenAndOrdinalsAreNotReused() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withAddDefaultTarget(false));
		mgmt(LOCAL, "add_target t1");
		for (int i = 1; i <= 16; i++) {
			mgmt(LOCAL, "add_session t1 s" + i);
		}
		assertThat(transportId("t1", "s15")).isEqualTo("060000005feede40ffade050000000000000000000000000");
		assertThat(transportId("t1", "s16")).isEqualTo("060000005feede410fade050000000000000000000000000");
		mgmt(LOCAL, "del_target t1");
		mgmt(LOCAL, "add_target t1 session_name=s1");
		assertThat(transportId("t1", "s1")).isEqualTo("060000005feede411fade050000000000000000000000000");
	}

	@Test
	void writtenTransportIdIsKeptByteForByte() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults());
		String path = "targets/scst_local/scst_local_tgt/sessions/scst_local_host/transport_id";
		this.simulator.write(ScstPath.of(path), HexFormat.of().parseHex("0100000061626300"));
		assertThat(transportId("scst_local_tgt", "scst_local_host")).isEqualTo("0100000061626300");
	}

	// SCSI scan: add_session returns with the session, its host_no and host link in
	// place; sdX/srN/sgN come when the midlayer's asynchronous scan has run (11.5).

	@Test
	void withAScanDelayDevicesAppearAfterTheWriteReturns() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withScanDelay(Duration.ofMillis(300)));
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1");
		mgmt("handlers/vcdrom/mgmt", "add_device cd1");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add null1 0");
		assertThat(this.simulator.scsiDevices()).isEmpty();
		assertThat(this.simulator.scsiScanPending()).isTrue();
		awaitScan();
		assertThat(this.simulator.scsiDevices()).extracting(SimulatedScsiDevice::toString)
			.containsExactly("[0:0:0:0] disk SCST_FIO null1 3110 /dev/sda /dev/sg0");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add cd1 1");
		mgmt(LOCAL, "add_session scst_local_tgt second");
		String second = "targets/scst_local/scst_local_tgt/sessions/second/";
		assertThat(read(second + "host_no")).isEqualTo("1\n");
		assertThat(this.simulator.readLink(ScstPath.of(second + "host")))
			.isEqualTo("../../../../../../../devices/scst_local/second/host1/scsi_host/host1");
		assertThat(this.simulator.scsiDevices()).hasSize(1);
		awaitScan();
		assertThat(this.simulator.scsiDevices()).extracting(SimulatedScsiDevice::address)
			.containsExactlyInAnyOrder("0:0:0:0", "0:0:0:1", "1:0:0:0", "1:0:0:1");
	}

	@Test
	void aSessionGoneBeforeItsScanGetsNoDevices() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withScanDelay(Duration.ofMillis(200)));
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add null1 0");
		mgmt(LOCAL, "del_target scst_local_tgt");
		await("no devices for as long as the scan delay and more").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.simulator.scsiDevices().isEmpty());
	}

	@Test
	void withoutAScanDelayDevicesAreThereWhenTheWriteReturns() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults());
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add null1 0");
		assertThat(this.simulator.scsiScanPending()).isFalse();
		assertThat(this.simulator.scsiDevices()).hasSize(1);
	}

	private void awaitScan() {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.simulator.scsiScanPending());
	}

	private String transportId(String target, String session) {
		return HexFormat.of()
			.formatHex(this.simulator
				.read(ScstPath.of("targets/scst_local/" + target + "/sessions/" + session + "/transport_id")));
	}

	private void mgmt(String path, String command) {
		this.simulator.write(ScstPath.of(path), (command + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private String read(String path) {
		return new String(this.simulator.read(ScstPath.of(path)), StandardCharsets.ISO_8859_1);
	}

}
