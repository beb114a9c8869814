package io.scst.manager.export;

import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.device.DeviceNotFoundException;
import io.scst.manager.group.InitiatorGroup;
import io.scst.manager.group.InitiatorGroupService;
import io.scst.manager.group.InitiatorInAnotherGroupException;
import io.scst.manager.lun.Lun;
import io.scst.manager.lun.LunService;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ForwardingScstSysfs;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.KernelRejectedException.Stage;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.target.TargetNotFoundException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link ExportService} on a fresh simulator. */
class ExportServiceTests extends FreshSimulator {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "extgt";

	private final LunService luns = new LunService(this.sysfs);

	private final InitiatorGroupService groups = new InitiatorGroupService(this.sysfs, this.luns);

	private final ExportService service = new ExportService(this.sysfs, this.luns, this.groups);

	@BeforeEach
	void createTargetAndDevices() {
		this.sysfs.mgmt(MgmtCommand.addTarget(DRIVER, TARGET, Map.of()));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "exdev1", Map.of()));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "exdev2", Map.of()));
	}

	@Test
	void createsGroupInitiatorAndLunInOrder() {
		long before = this.simulator.writeCount();
		Export export = this.service.export(request("exdev1", "exhost1", "exgrp", 2L, true));
		assertThat(export).isEqualTo(new Export(DRIVER, TARGET, "exgrp", "exhost1", 2, "exdev1", true,
				List.of("create-group", "add-initiator", "add-lun")));
		assertThat(this.simulator.writeCount()).isEqualTo(before + 3);
		assertThat(this.groups.get(DRIVER, TARGET, "exgrp"))
			.isEqualTo(new InitiatorGroup("exgrp", List.of("exhost1"), List.of(new Lun(2, "exdev1", true)), List.of()));
	}

	@Test
	void theDefaultGroupIsDerivedFromTheInitiator() {
		Export export = this.service.export(request("exdev1", "!iqn.*:host?", null, 0L, null));
		assertThat(export.group()).isEqualTo("_iqn._:host_");
		assertThat(export.readOnly()).isFalse();
		assertThat(this.groups.initiators(DRIVER, TARGET, "_iqn._:host_")).containsExactly("!iqn.*:host?");
		assertThat(ExportService.defaultGroup("iqn.1994-05.com.redhat:host1"))
			.isEqualTo("iqn.1994-05.com.redhat:host1");
	}

	@Test
	void exportingAgainWritesNothing() {
		this.service.export(request("exdev1", "exhost1", "exgrp", 2L, false));
		long before = this.simulator.writeCount();
		Export export = this.service.export(request("exdev1", "exhost1", "exgrp", 2L, false));
		assertThat(export.created()).isEmpty();
		assertThat(export.changed()).isFalse();
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void onlyMissingStepsAreDone() {
		this.groups.create(DRIVER, TARGET, "exgrp");
		assertThat(this.service.export(request("exdev1", "exhost1", "exgrp", 0L, false)).created())
			.containsExactly("add-initiator", "add-lun");
		assertThat(this.service.export(request("exdev2", "exhost1", "exgrp", 1L, false)).created())
			.containsExactly("add-lun");
		assertThat(this.service.export(request("exdev1", "exhost1", "exgrp", 1L, false)).created())
			.containsExactly("replace-lun");
		assertThat(this.luns.list(DRIVER, TARGET, "exgrp")).containsExactly(new Lun(0, "exdev1", false),
				new Lun(1, "exdev1", false));
	}

	@Test
	void aMissingDeviceIsNotFoundWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(DeviceNotFoundException.class)
			.isThrownBy(() -> this.service.export(request("nosuchdev", "exhost1", null, 0L, false)));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void aMissingTargetIsNotFoundWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(TargetNotFoundException.class).isThrownBy(() -> this.service
			.export(new ExportRequest("exdev1", DRIVER, "nosuchtgt", "exhost1", null, 0L, false)));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void anInitiatorInAnotherGroupIsConflictWithoutWriting() {
		this.groups.create(DRIVER, TARGET, "exother");
		this.groups.addInitiator(DRIVER, TARGET, "exother", "EXHOST1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorInAnotherGroupException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", "exgrp", 0L, false)))
			.withMessageContaining("exother");
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\nb", "a;b", "a/b", "..", "mgmt" })
	void invalidGroupNamesAreRejectedWithoutWriting(String group) {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", group, 0L, false)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("group"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, 16384 })
	void invalidLunNumbersAreRejectedWithoutWriting(long lun) {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", null, lun, false)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("lun"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", null, null, false)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("lun"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void aFailedLunStepUndoesTheGroupAndInitiatorItCreated() {
		this.simulator.faults().failWrites(ScstTree.lunsMgmt(DRIVER, TARGET, "exgrp"), Errno.EINVAL, 1);
		int logged = this.simulator.writeLog().size();
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", "exgrp", 0L, false)))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
				assertThat(ex.path()).isEqualTo(ScstTree.lunsMgmt(DRIVER, TARGET, "exgrp"));
				assertThat(ex.getSuppressed()).isEmpty();
			});
		assertThat(this.groups.list(DRIVER, TARGET)).isEmpty();
		List<String> writes = this.simulator.writeLog()
			.subList(logged, this.simulator.writeLog().size())
			.stream()
			.map((write) -> write.path() + ": " + write.data().strip()
					+ ((write.errno() != null) ? " -> " + write.errno() : ""))
			.toList();
		String group = "targets/scst_local/extgt/ini_groups/";
		assertThat(writes).containsExactly(group + "mgmt: create exgrp", group + "exgrp/initiators/mgmt: add exhost1",
				group + "exgrp/luns/mgmt: add exdev1 0 -> EINVAL", group + "exgrp/initiators/mgmt: del exhost1",
				group + "mgmt: del exgrp");
	}

	@Test
	void aFailedLunStepLeavesPreExistingGroupAndInitiatorAlone() {
		this.groups.create(DRIVER, TARGET, "exgrp");
		this.groups.addInitiator(DRIVER, TARGET, "exgrp", "exhost1");
		this.luns.put(DRIVER, TARGET, "exgrp", 5, "exdev2", false);
		this.simulator.faults().failWrites(ScstTree.lunsMgmt(DRIVER, TARGET, "exgrp"), Errno.EINVAL, 1);
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", "exgrp", 0L, false)));
		assertThat(this.groups.get(DRIVER, TARGET, "exgrp")).isEqualTo(
				new InitiatorGroup("exgrp", List.of("exhost1"), List.of(new Lun(5, "exdev2", false)), List.of()));
	}

	@Test
	void aFailedLunStepUndoesOnlyTheInitiatorWhenTheGroupExisted() {
		this.groups.create(DRIVER, TARGET, "exgrp");
		this.groups.addInitiator(DRIVER, TARGET, "exgrp", "keep");
		this.simulator.faults().failWrites(ScstTree.lunsMgmt(DRIVER, TARGET, "exgrp"), Errno.ENOMEM, 1);
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.export(request("exdev1", "exhost1", "exgrp", 0L, false)))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.ENOMEM));
		assertThat(this.groups.initiators(DRIVER, TARGET, "exgrp")).containsExactly("keep");
	}

	@Test
	void anUndoFailureIsAttachedToTheOriginalErrorAndTheOtherStepsAreStillUndone() {
		ScstSysfs failingUndo = new FailingWrites(this.sysfs, "del exhost1");
		LunService luns = new LunService(failingUndo);
		ExportService service = new ExportService(failingUndo, luns, new InitiatorGroupService(failingUndo, luns));
		this.simulator.faults().failWrites(ScstTree.lunsMgmt(DRIVER, TARGET, "exgrp"), Errno.EINVAL, 1);
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> service.export(request("exdev1", "exhost1", "exgrp", 0L, false)))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
				assertThat(ex.getSuppressed()).singleElement()
					.isInstanceOfSatisfying(KernelRejectedException.class,
							(undo) -> assertThat(undo.errno()).isEqualTo(Errno.EIO));
			});
		// the initiator stayed, so the group (now without sessions) could still be
		// deleted
		assertThat(this.groups.list(DRIVER, TARGET)).isEmpty();
	}

	private static ExportRequest request(String device, String initiator, @Nullable String group, @Nullable Long lun,
			@Nullable Boolean readOnly) {
		return new ExportRequest(device, DRIVER, TARGET, initiator, group, lun, readOnly);
	}

	/** A gateway that fails one management command with {@code EIO}. */
	private static final class FailingWrites extends ForwardingScstSysfs {

		private final String failing;

		FailingWrites(ScstSysfs delegate, String failing) {
			super(delegate);
			this.failing = failing;
		}

		@Override
		public void write(ScstPath path, String value) {
			if (value.equals(this.failing)) {
				throw new KernelRejectedException(Errno.EIO, Stage.WRITE, path, value);
			}
			super.write(path, value);
		}

	}

}
