package io.scst.manager.lun;

import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.device.DeviceNotFoundException;
import io.scst.manager.lun.LunChange.Outcome;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.target.TargetDriverNotFoundException;
import io.scst.manager.target.TargetNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link LunService} on a fresh simulator. */
class LunServiceTests extends FreshSimulator {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "lstgt";

	private final LunService service = new LunService(this.sysfs);

	@BeforeEach
	void createTargetAndDevices() {
		this.sysfs.mgmt(MgmtCommand.addTarget(DRIVER, TARGET, Map.of()));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "lsdev1", Map.of()));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "lsdev2", Map.of()));
	}

	@Test
	void listsTheDefaultSetSortedByNumber() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 10, "lsdev2", true));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 2, "lsdev1", false));
		assertThat(this.service.list(DRIVER, TARGET, null)).containsExactly(new Lun(2, "lsdev1", false),
				new Lun(10, "lsdev2", true));
	}

	@Test
	void listsAnEmptySet() {
		assertThat(this.service.list(DRIVER, TARGET, null)).isEmpty();
	}

	@Test
	void readsOneLun() {
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, null, 3, "lsdev1", true));
		assertThat(this.service.get(DRIVER, TARGET, null, 3)).isEqualTo(new Lun(3, "lsdev1", true));
	}

	@Test
	void readingAnUnmappedLunIsNotFound() {
		assertThatExceptionOfType(LunNotFoundException.class)
			.isThrownBy(() -> this.service.get(DRIVER, TARGET, null, 4))
			.withMessage("LUN 4 is not mapped on target " + TARGET);
	}

	@Test
	void unknownDriverOrTargetIsNotFound() {
		assertThatExceptionOfType(TargetDriverNotFoundException.class)
			.isThrownBy(() -> this.service.list("nosuchdrv", TARGET, null))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("target-driver"));
		assertThatExceptionOfType(TargetNotFoundException.class)
			.isThrownBy(() -> this.service.list(DRIVER, "nosuchtgt", null))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("target"));
	}

	@Test
	void putAddsAnAbsentLunWithOneWrite() {
		long before = this.simulator.writeCount();
		LunChange change = this.service.put(DRIVER, TARGET, null, 5, "lsdev1", false);
		assertThat(change.outcome()).isEqualTo(Outcome.ADDED);
		assertThat(change.created()).isTrue();
		assertThat(change.lun()).isEqualTo(new Lun(5, "lsdev1", false));
		assertThat(this.simulator.writeCount()).isEqualTo(before + 1);
		assertThat(this.simulator.writeLog().get(this.simulator.writeLog().size() - 1).toString())
			.contains("add lsdev1 5");
		assertThat(this.sysfs.exists(ScstPath.of("targets", DRIVER, TARGET, "luns", "5", "device"))).isTrue();
	}

	@Test
	void putOfTheSameDeviceAndFlagWritesNothing() {
		this.service.put(DRIVER, TARGET, null, 5, "lsdev1", true);
		long before = this.simulator.writeCount();
		LunChange change = this.service.put(DRIVER, TARGET, null, 5, "lsdev1", true);
		assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(change.created()).isFalse();
		assertThat(change.lun()).isEqualTo(new Lun(5, "lsdev1", true));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void putOfAnotherDeviceReplaces() {
		this.service.put(DRIVER, TARGET, null, 5, "lsdev1", false);
		long before = this.simulator.writeCount();
		LunChange change = this.service.put(DRIVER, TARGET, null, 5, "lsdev2", false);
		assertThat(change.outcome()).isEqualTo(Outcome.REPLACED);
		assertThat(change.lun()).isEqualTo(new Lun(5, "lsdev2", false));
		assertThat(this.simulator.writeCount()).isEqualTo(before + 1);
	}

	@Test
	void putOfAnotherFlagReplaces() {
		this.service.put(DRIVER, TARGET, null, 5, "lsdev1", false);
		LunChange change = this.service.put(DRIVER, TARGET, null, 5, "lsdev1", true);
		assertThat(change.outcome()).isEqualTo(Outcome.REPLACED);
		assertThat(this.service.get(DRIVER, TARGET, null, 5).readOnly()).isTrue();
	}

	@Test
	void putOfAMissingDeviceIsNotFoundWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(DeviceNotFoundException.class)
			.isThrownBy(() -> this.service.put(DRIVER, TARGET, null, 0, "nosuchdev", false))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("device"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, 16384, 99999 })
	void putOfAnInvalidLunNumberIsRejectedWithoutWriting(long lun) {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.put(DRIVER, TARGET, null, lun, "lsdev1", false))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("lun"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\nb", "a;b", "a/b", "..", "mgmt", "" })
	void putOfAnInvalidDeviceNameIsRejectedWithoutWriting(String device) {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.put(DRIVER, TARGET, null, 0, device, false))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("device"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void theHighestLunNumberIsAccepted() {
		assertThat(this.service.put(DRIVER, TARGET, null, 16383, "lsdev1", false).lun().lun()).isEqualTo(16383);
	}

	@Test
	void deleteRemovesTheLun() {
		this.service.put(DRIVER, TARGET, null, 7, "lsdev1", false);
		this.service.delete(DRIVER, TARGET, null, 7);
		assertThat(this.service.list(DRIVER, TARGET, null)).isEmpty();
	}

	@Test
	void deletingAnUnmappedLunIsNotFoundWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(LunNotFoundException.class)
			.isThrownBy(() -> this.service.delete(DRIVER, TARGET, null, 7));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void clearRemovesEveryLunAndIsIdempotent() {
		this.service.put(DRIVER, TARGET, null, 0, "lsdev1", false);
		this.service.put(DRIVER, TARGET, null, 1, "lsdev2", false);
		this.service.clear(DRIVER, TARGET, null);
		assertThat(this.service.list(DRIVER, TARGET, null)).isEmpty();
		this.service.clear(DRIVER, TARGET, null);
		assertThat(this.service.list(DRIVER, TARGET, null)).isEmpty();
	}

	@Test
	void aGroupSetBehavesLikeTheDefaultSet() {
		this.sysfs.mgmt(MgmtCommand.createGroup(DRIVER, TARGET, "lsgrp"));
		assertThat(this.service.put(DRIVER, TARGET, "lsgrp", 1, "lsdev2", true).outcome()).isEqualTo(Outcome.ADDED);
		assertThat(this.service.list(DRIVER, TARGET, "lsgrp")).containsExactly(new Lun(1, "lsdev2", true));
		assertThat(this.service.list(DRIVER, TARGET, null)).isEmpty();
		assertThat(this.service.put(DRIVER, TARGET, "lsgrp", 1, "lsdev2", true).outcome()).isEqualTo(Outcome.UNCHANGED);
		this.service.delete(DRIVER, TARGET, "lsgrp", 1);
		assertThatExceptionOfType(LunNotFoundException.class)
			.isThrownBy(() -> this.service.get(DRIVER, TARGET, "lsgrp", 1))
			.withMessage("LUN 1 is not mapped in initiator group lsgrp of target " + TARGET);
	}

	@Test
	void anUnknownGroupIsNotFound() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorGroupNotFoundException.class)
			.isThrownBy(() -> this.service.put(DRIVER, TARGET, "nosuchgrp", 1, "lsdev1", false));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void aKernelRejectionIsPassedOn() {
		// the copy manager refuses read-only LUNs
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.put("copy_manager", "copy_manager_tgt", null, 100, "lsdev1", true))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EINVAL));
	}

}
