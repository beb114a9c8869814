package io.scst.manager.sysfs.simulation;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.ScstPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scst_local sessions: the default TransportID.
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

	private String transportId(String target, String session) {
		return HexFormat.of()
			.formatHex(this.simulator
				.read(ScstPath.of("targets/scst_local/" + target + "/sessions/" + session + "/transport_id")));
	}

	private void mgmt(String path, String command) {
		this.simulator.write(ScstPath.of(path), (command + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
