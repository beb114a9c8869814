package io.scst.manager.sysfs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The commands as SCST's grammar (spec sections 8, 9, 11.2 and 12) expects them. */
class MgmtCommandTests {

	@Test
	void addDeviceJoinsParametersWithSemicolons() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("filename", "/data/disk1.img");
		parameters.put("nv_cache", "1");
		MgmtCommand command = MgmtCommand.addDevice("vdisk_fileio", "disk1", parameters);
		assertThat(command.file()).hasToString("handlers/vdisk_fileio/mgmt");
		assertThat(command.line()).isEqualTo("add_device disk1 filename=/data/disk1.img;nv_cache=1");
	}

	@Test
	void addDeviceWithoutParametersHasNoTrailingBlank() {
		assertThat(MgmtCommand.addDevice("vdisk_nullio", "null1", Map.of()).line()).isEqualTo("add_device null1");
	}

	@Test
	void parameterValuesCannotSmuggleAnotherParameter() {
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> MgmtCommand.addDevice("vdisk_fileio", "disk1", Map.of("filename", "/d;read_only=1")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.filename"));
	}

	@Test
	void targetsWithSessions() {
		MgmtCommand command = MgmtCommand.addTarget("scst_local", "tgt1", Map.of("session_name", "host1"));
		assertThat(command.file()).hasToString("targets/scst_local/mgmt");
		assertThat(command.line()).isEqualTo("add_target tgt1 session_name=host1");
		assertThat(MgmtCommand.delTarget("scst_local", "tgt1").line()).isEqualTo("del_target tgt1");
	}

	@Test
	void targetsWithSeveralSessionsAndParameters() {
		assertThat(MgmtCommand.addTarget("scst_local", "tgt1", Map.of(), List.of("h1", "h2")).line())
			.isEqualTo("add_target tgt1 session_name=h1;session_name=h2");
		assertThat(MgmtCommand.addTarget("drv", "tgt1", Map.of("rel_tgt_id", "3"), List.of("h1")).line())
			.isEqualTo("add_target tgt1 rel_tgt_id=3;session_name=h1");
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> MgmtCommand.addTarget("scst_local", "tgt1", Map.of(), List.of("h1", "h 2")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("sessions[1]"));
	}

	@Test
	void sessionsGoThroughTheDriver() {
		assertThat(MgmtCommand.addSession("scst_local", "tgt1", "host1").line()).isEqualTo("add_session tgt1 host1");
		assertThat(MgmtCommand.delSession("scst_local", "tgt1", "host1").line()).isEqualTo("del_session tgt1 host1");
	}

	@Test
	void lunsOfTheTargetAndOfAGroup() {
		MgmtCommand own = MgmtCommand.addLun("scst_local", "tgt1", null, 0, "disk1", false);
		assertThat(own.file()).hasToString("targets/scst_local/tgt1/luns/mgmt");
		assertThat(own.line()).isEqualTo("add disk1 0");
		MgmtCommand group = MgmtCommand.replaceLun("scst_local", "tgt1", "grp1", 5, "disk1", true);
		assertThat(group.file()).hasToString("targets/scst_local/tgt1/ini_groups/grp1/luns/mgmt");
		assertThat(group.line()).isEqualTo("replace disk1 5 read_only=1");
		assertThat(MgmtCommand.delLun("scst_local", "tgt1", null, 7).line()).isEqualTo("del 7");
		assertThat(MgmtCommand.clearLuns("scst_local", "tgt1", "grp1").line()).isEqualTo("clear");
	}

	@Test
	void lunsOutOfRangeAreRefused() {
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> MgmtCommand.addLun("scst_local", "tgt1", null, 16384, "disk1", false));
	}

	@Test
	void groupsAndInitiators() {
		assertThat(MgmtCommand.createGroup("scst_local", "tgt1", "grp1")).satisfies((command) -> {
			assertThat(command.file()).hasToString("targets/scst_local/tgt1/ini_groups/mgmt");
			assertThat(command.line()).isEqualTo("create grp1");
		});
		assertThat(MgmtCommand.delGroup("scst_local", "tgt1", "grp1").line()).isEqualTo("del grp1");
		MgmtCommand add = MgmtCommand.addInitiator("scst_local", "tgt1", "grp1", "iqn.2026-01.io.scst:*");
		assertThat(add.file()).hasToString("targets/scst_local/tgt1/ini_groups/grp1/initiators/mgmt");
		assertThat(add.line()).isEqualTo("add iqn.2026-01.io.scst:*");
		assertThat(MgmtCommand.moveInitiator("scst_local", "tgt1", "grp1", "host1", "grp2").line())
			.isEqualTo("move host1 grp2");
		assertThat(MgmtCommand.delInitiator("scst_local", "tgt1", "grp1", "host1").line()).isEqualTo("del host1");
		assertThat(MgmtCommand.clearInitiators("scst_local", "tgt1", "grp1").line()).isEqualTo("clear");
	}

	@Test
	void everyNameIsCheckedWhereverItAppears() {
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> MgmtCommand.addLun("scst_local", "tgt 1", null, 0, "disk1", false))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("target"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> MgmtCommand.addInitiator("scst_local", "tgt1", "../x", "host1"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("group"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> MgmtCommand.addLun("scst_local", "tgt1", null, 0, "disk\n1", false))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("device"));
	}

	@Test
	void commandsRunOnTheSimulator() {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			ScstSysfs sysfs = new SimulatedScstSysfs(simulator);
			sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "mc1", Map.of("size_mb", "16")));
			sysfs.mgmt(MgmtCommand.addTarget("scst_local", "mctgt", Map.of("session_name", "mchost")));
			sysfs.mgmt(MgmtCommand.createGroup("scst_local", "mctgt", "mcgrp"));
			sysfs.mgmt(MgmtCommand.addInitiator("scst_local", "mctgt", "mcgrp", "mchost"));
			sysfs.mgmt(MgmtCommand.addLun("scst_local", "mctgt", "mcgrp", 3, "mc1", true));
			assertThat(sysfs.read(ScstTree.lun("scst_local", "mctgt", "mcgrp", 3).resolve(ScstTree.READ_ONLY)).value())
				.isEqualTo("1");
			assertThat(sysfs.exists(ScstTree.session("scst_local", "mctgt", "mchost"))).isTrue();
			sysfs.mgmt(MgmtCommand.delTarget("scst_local", "mctgt"));
			sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", "mc1"));
			assertThat(sysfs.exists(ScstTree.device("mc1"))).isFalse();
		}
	}

}
