package io.scst.manager.group;

import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.lun.InitiatorGroupNotFoundException;
import io.scst.manager.lun.Lun;
import io.scst.manager.lun.LunService;
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

/** {@link InitiatorGroupService} on a fresh simulator. */
class InitiatorGroupServiceTests extends FreshSimulator {

	private static final String DRIVER = "scst_local";

	private static final String TARGET = "igtgt";

	private final InitiatorGroupService service = new InitiatorGroupService(this.sysfs, new LunService(this.sysfs));

	@BeforeEach
	void createTargetAndDevice() {
		this.sysfs.mgmt(MgmtCommand.addTarget(DRIVER, TARGET, Map.of()));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "igdev1", Map.of()));
	}

	@Test
	void createsAGroup() {
		long before = this.simulator.writeCount();
		InitiatorGroup group = this.service.create(DRIVER, TARGET, "iggrp1");
		assertThat(group).isEqualTo(new InitiatorGroup("iggrp1", List.of(), List.of(), List.of()));
		assertThat(this.simulator.writeCount()).isEqualTo(before + 1);
		assertThat(this.sysfs.exists(ScstPath.of("targets", DRIVER, TARGET, "ini_groups", "iggrp1"))).isTrue();
	}

	@Test
	void creatingAnExistingGroupIsConflictWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorGroupAlreadyExistsException.class)
			.isThrownBy(() -> this.service.create(DRIVER, TARGET, "iggrp1"))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("ini-group"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\nb", "a;b", "a/b", "..", "mgmt", "a*b" })
	void invalidGroupNamesAreRejectedWithoutWriting(String name) {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(DRIVER, TARGET, name))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void listsGroupsWithEntriesLunCountAndSessions() {
		this.service.create(DRIVER, TARGET, "iggrp2");
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "igsess1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "iqn.2026-01.test:*");
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "iggrp1", 0, "igdev1", false));
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "iggrp1", 4, "igdev1", false));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igsess1"));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igsess2"));
		assertThat(this.service.list(DRIVER, TARGET)).containsExactly(
				new InitiatorGroupSummary("iggrp1", List.of("igsess1", "iqn.2026-01.test:*"), 2, List.of("igsess1")),
				new InitiatorGroupSummary("iggrp2", List.of(), 0, List.of()));
	}

	@Test
	void readsAGroupWithItsLunsAndSessions() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "iggrp1", 3, "igdev1", true));
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igsess1"));
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "IGSESS?");
		assertThat(this.service.get(DRIVER, TARGET, "iggrp1")).isEqualTo(new InitiatorGroup("iggrp1",
				List.of("IGSESS?"), List.of(new Lun(3, "igdev1", true)), List.of("igsess1")));
	}

	@Test
	void readingAnUnknownGroupIsNotFound() {
		assertThatExceptionOfType(InitiatorGroupNotFoundException.class)
			.isThrownBy(() -> this.service.get(DRIVER, TARGET, "nosuch"))
			.withMessage("Target " + TARGET + " has no initiator group nosuch");
	}

	@Test
	void unknownTargetIsNotFound() {
		assertThatExceptionOfType(TargetNotFoundException.class)
			.isThrownBy(() -> this.service.create(DRIVER, "nosuchtgt", "iggrp1"));
		assertThatExceptionOfType(TargetDriverNotFoundException.class)
			.isThrownBy(() -> this.service.list("nodrv", TARGET));
	}

	@Test
	void deletesAGroupWithLunsAndEntriesButNoSessions() {
		ScstPath exported = ScstPath.of("devices", "igdev1", "exported");
		int exports = this.sysfs.list(exported).size();
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "nobody");
		this.sysfs.mgmt(MgmtCommand.addLun(DRIVER, TARGET, "iggrp1", 0, "igdev1", false));
		assertThat(this.sysfs.list(exported)).hasSize(exports + 1);
		this.service.delete(DRIVER, TARGET, "iggrp1");
		assertThat(this.service.list(DRIVER, TARGET)).isEmpty();
		assertThat(this.sysfs.list(exported)).hasSize(exports);
	}

	@Test
	void deletingAGroupWithSessionsIsConflictWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igsess1"));
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "igsess1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorGroupInUseException.class)
			.isThrownBy(() -> this.service.delete(DRIVER, TARGET, "iggrp1"))
			.withMessageContaining("igsess1");
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void theKernelStillRefusesToDeleteAGroupWithSessions() {
		// what the check above prevents: SCST answers EBUSY
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igsess1"));
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "igsess1");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.sysfs.mgmt(MgmtCommand.delGroup(DRIVER, TARGET, "iggrp1")))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EBUSY));
	}

	@Test
	void deletingAnUnknownGroupIsNotFound() {
		assertThatExceptionOfType(InitiatorGroupNotFoundException.class)
			.isThrownBy(() -> this.service.delete(DRIVER, TARGET, "nosuch"));
	}

	@Test
	void addsAndListsInitiatorEntriesIncludingPatterns() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		assertThat(this.service.addInitiator(DRIVER, TARGET, "iggrp1", "!iqn.*:host?"))
			.isEqualTo(new Initiator("!iqn.*:host?", "iggrp1", true));
		assertThat(this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1"))
			.isEqualTo(new Initiator("host1", "iggrp1", false));
		assertThat(this.service.initiators(DRIVER, TARGET, "iggrp1")).containsExactly("!iqn.*:host?", "host1");
		assertThat(this.service.initiator(DRIVER, TARGET, "iggrp1", "host1"))
			.isEqualTo(new Initiator("host1", "iggrp1", false));
	}

	@Test
	void addingAnExistingEntryIsConflictWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorAlreadyExistsException.class)
			.isThrownBy(() -> this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1"))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("initiator"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\nb", "a;b", "a/b", "..", "mgmt", "a!b" })
	void invalidInitiatorNamesAreRejectedWithoutWriting(String name) {
		this.service.create(DRIVER, TARGET, "iggrp1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.addInitiator(DRIVER, TARGET, "iggrp1", name))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void deletesAnEntry() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host*");
		this.service.deleteInitiator(DRIVER, TARGET, "iggrp1", "host*");
		assertThat(this.service.initiators(DRIVER, TARGET, "iggrp1")).isEmpty();
	}

	@Test
	void deletingAnAbsentEntryIsNotFoundWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorNotFoundException.class)
			.isThrownBy(() -> this.service.deleteInitiator(DRIVER, TARGET, "iggrp1", "host1"))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("initiator"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void movesAnEntryAndItsSession() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.create(DRIVER, TARGET, "iggrp2");
		this.service.addInitiator(DRIVER, TARGET, "iggrp2", "other");
		this.sysfs.mgmt(MgmtCommand.addSession(DRIVER, TARGET, "igsess1"));
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "igsess1");
		assertThat(this.service.moveInitiator(DRIVER, TARGET, "iggrp1", "igsess1", "iggrp2")).containsExactly("igsess1",
				"other");
		assertThat(this.service.initiators(DRIVER, TARGET, "iggrp1")).isEmpty();
		assertThat(this.service.get(DRIVER, TARGET, "iggrp2").sessions()).containsExactly("igsess1");
		assertThat(this.service.get(DRIVER, TARGET, "iggrp1").sessions()).isEmpty();
	}

	@Test
	void movingToAnUnknownGroupIsNotFoundWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorGroupNotFoundException.class)
			.isThrownBy(() -> this.service.moveInitiator(DRIVER, TARGET, "iggrp1", "host1", "nosuch"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void movingAnAbsentEntryIsNotFoundWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.create(DRIVER, TARGET, "iggrp2");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorNotFoundException.class)
			.isThrownBy(() -> this.service.moveInitiator(DRIVER, TARGET, "iggrp1", "host1", "iggrp2"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void movingToAGroupWithTheEntryIsConflictWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.create(DRIVER, TARGET, "iggrp2");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp2", "host1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InitiatorAlreadyExistsException.class)
			.isThrownBy(() -> this.service.moveInitiator(DRIVER, TARGET, "iggrp1", "host1", "iggrp2"));
		assertThatExceptionOfType(InitiatorAlreadyExistsException.class)
			.isThrownBy(() -> this.service.moveInitiator(DRIVER, TARGET, "iggrp1", "host1", "iggrp1"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void movingToAnInvalidGroupNameIsRejectedWithoutWriting() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1");
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.moveInitiator(DRIVER, TARGET, "iggrp1", "host1", "a;b"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("group"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void clearRemovesEveryEntryAndIsIdempotent() {
		this.service.create(DRIVER, TARGET, "iggrp1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host1");
		this.service.addInitiator(DRIVER, TARGET, "iggrp1", "host2");
		this.service.clearInitiators(DRIVER, TARGET, "iggrp1");
		assertThat(this.service.initiators(DRIVER, TARGET, "iggrp1")).isEmpty();
		this.service.clearInitiators(DRIVER, TARGET, "iggrp1");
		assertThat(this.service.initiators(DRIVER, TARGET, "iggrp1")).isEmpty();
	}

	@Test
	void aKernelRejectionIsPassedOn() {
		// the copy manager has no initiator groups
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.create("copy_manager", "copy_manager_tgt", "iggrp1"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EINVAL));
	}

}
