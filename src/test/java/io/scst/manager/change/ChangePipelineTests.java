package io.scst.manager.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.change.ChangePipeline.Failure;
import io.scst.manager.security.BackingFileForbiddenException;
import io.scst.manager.security.BackingFilePolicy;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ForwardingScstSysfs;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link ChangePipeline} on a fresh simulator, counting its writes. */
class ChangePipelineTests extends FreshSimulator {

	@TempDir
	Path dir;

	@Test
	void anInvalidLaterStepStopsTheChangeBeforeTheFirstWrite() {
		ChangePipeline pipeline = ChangePipeline.unrestricted(this.sysfs);
		List<Step> steps = List.of(create("cp_t1"), Step.of(Step.CREATE, "x", new Write.Mgmt(
				new MgmtCommand(ScstTree.targetDriverMgmt("scst_local"), "add_target cp_t2 session_name=a;b"))));
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> pipeline.run(steps));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cp_t1"))).isFalse();
	}

	@Test
	void aCommandLineIsCheckedWhereverItWasBuilt() {
		ScstPath mgmt = ScstTree.targetDriverMgmt("scst_local");
		for (String line : List.of("add_target -rf", "add_target a\u0000b", "add_target  a", "add_target a\nb",
				"add_target a p=", "add_target a =v", "add_target a p=v;q=w=x", "", "add_target \u00e9",
				"add_target a ", " add_target a", "add_target a -b=1", "add_target a 1b=2")) {
			assertThatExceptionOfType(InvalidNameException.class).as(line)
				.isThrownBy(() -> new MgmtCommand(mgmt, line).validate());
		}
		new MgmtCommand(mgmt, "add_target a session_name=s1;session_name=s2").validate();
	}

	@Test
	void aBackingFileOutsideThePolicyStopsTheChangeBeforeTheFirstWrite() throws IOException {
		Path allowed = Files.createDirectories(this.dir.resolve("allowed")).toRealPath();
		ChangePipeline pipeline = new ChangePipeline(this.sysfs,
				new BackingFilePolicy(true, List.of(allowed), List.of()));
		long writes = this.simulator.writeCount();
		Step addDevice = Step.of(Step.CREATE, "devices/cp_d",
				new Write.Mgmt(MgmtCommand.addDevice("vdisk_fileio", "cp_d", Map.of("filename", "/etc/shadow"))));
		Step setFilename = Step.of(Step.UPDATE, "devices/cp_d",
				new Write.Attribute(ScstTree.deviceAttribute("cp_d", "filename"), allowed + "/../../etc/shadow"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> pipeline.run(List.of(create("cp_t3"), addDevice)));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> pipeline.run(List.of(create("cp_t3"), setFilename)));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
		Files.write(allowed.resolve("cp_ok.img"), new byte[4096]);
		pipeline.run(Step.of(Step.CREATE, "devices/cp_ok", new Write.Mgmt(
				MgmtCommand.addDevice("vdisk_fileio", "cp_ok", Map.of("filename", allowed + "/cp_ok.img")))));
		assertThat(this.sysfs.exists(ScstTree.device("cp_ok"))).isTrue();
	}

	@Test
	void theHookBeforeWritesRunsAfterTheChecksBeforeTheFirstWriteAndNotForARefusedOrEmptyRun() {
		ChangePipeline pipeline = ChangePipeline.unrestricted(this.sysfs);
		List<Long> writesSeen = new java.util.ArrayList<>();
		pipeline.beforeWrites(() -> writesSeen.add(this.simulator.writeCount()));
		long before = this.simulator.writeCount();
		pipeline.run(List.of(create("cp_h1"), create("cp_h2")));
		assertThat(writesSeen).containsExactly(before);
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> pipeline.run(List.of(create("cp_h3"), Step.of(Step.CREATE, "x", new Write.Mgmt(
					new MgmtCommand(ScstTree.targetDriverMgmt("scst_local"), "add_target cp_h4 session_name=a;b"))))));
		pipeline.run(List.of());
		assertThat(writesSeen).hasSize(1);
		pipeline.runEach(List.of(create("cp_h5")), Step::object);
		assertThat(writesSeen).hasSize(2);
	}

	@Test
	void aRunReportsItsWritesAndEachListenerByNameInTheOrderTheyWereTold() {
		ChangePipeline pipeline = ChangePipeline.unrestricted(this.sysfs);
		List<String> told = new java.util.ArrayList<>();
		pipeline.onChange("slow", (steps, completed) -> {
			told.add("slow");
			sleep(30);
		});
		pipeline.onChange("quick", (steps, completed) -> told.add("quick"));
		ChangePipeline.Timing timing = pipeline.run(List.of(create("cp_tt1")), Failure::cause);
		assertThat(told).containsExactly("slow", "quick");
		assertThat(timing.listenerNanos()).containsOnlyKeys("slow", "quick");
		assertThat(List.copyOf(timing.listenerNanos().keySet())).containsExactly("slow", "quick");
		// at least the listener's own sleep
		assertThat(timing.listenerNanos().get("slow")).isGreaterThanOrEqualTo(30_000_000L);
		assertThat(timing.writeNanos()).isPositive();
		// nothing written: nobody is told
		assertThat(pipeline.run(List.of(), Failure::cause).listenerNanos()).isEmpty();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aFailedWriteUndoesTheDoneStepsInReverseAndRethrows() {
		ChangePipeline pipeline = ChangePipeline.unrestricted(this.sysfs);
		this.simulator.faults().failWrites(ScstTree.handlerMgmt("vdisk_nullio"), Errno.ENOMEM, 1);
		List<Step> steps = List.of(create("cp_t4"), create("cp_t5"), Step.of(Step.CREATE, "devices/cp_n",
				new Write.Mgmt(MgmtCommand.addDevice("vdisk_nullio", "cp_n", Map.of()))));
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> pipeline.run(steps))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.ENOMEM));
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cp_t4"))).isFalse();
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cp_t5"))).isFalse();
		assertThat(this.simulator.writeLog().stream().map((w) -> w.data().strip()).toList()).containsSubsequence(
				"add_target cp_t4", "add_target cp_t5", "add_device cp_n", "del_target cp_t5", "del_target cp_t4");
	}

	@Test
	void runEachGoesOnAfterAFailureButChecksEverythingFirst() {
		ChangePipeline pipeline = ChangePipeline.unrestricted(this.sysfs);
		this.simulator.faults().failWrites(ScstTree.handlerMgmt("vdisk_nullio"), Errno.ENOMEM, 1);
		List<Step> steps = List.of(Step.of(Step.CREATE, "devices/cp_a",
				new Write.Mgmt(MgmtCommand.addDevice("vdisk_nullio", "cp_a", Map.of()))), create("cp_t6"));
		List<String> outcomes = pipeline.runEach(steps, Step::object);
		assertThat(outcomes.get(0)).contains("add_device cp_a");
		assertThat(outcomes.get(1)).isNull();
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cp_t6"))).isTrue();
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(
				InvalidNameException.class)
			.isThrownBy(() -> pipeline.runEach(
					List.of(create("cp_t7"),
							Step.of(Step.CREATE, "x", new Write.Attribute(ScstPath.of("setup_id"), "a\tb"))),
					Step::object));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@Test
	void aDeleteThatFailsAfterItsObjectWentIsDone() {
		ChangePipeline pipeline = ChangePipeline.unrestricted(this.sysfs);
		pipeline.run(create("cp_t8"));
		ScstPath mgmt = ScstTree.targetDriverMgmt("scst_local");
		// the kernel ran the delete, then the write was restarted and ran it again
		ChangePipeline restarted = ChangePipeline.unrestricted(new ForwardingScstSysfs(this.sysfs) {
			@Override
			public void write(ScstPath path, String value) {
				super.write(path, value);
				throw new KernelRejectedException(Errno.EINVAL, KernelRejectedException.Stage.WRITE, path, value);
			}
		});
		restarted.run(Step.of(Step.DELETE, "t", new Write.Mgmt(MgmtCommand.delTarget("scst_local", "cp_t8"))));
		assertThat(this.sysfs.exists(ScstTree.target("scst_local", "cp_t8"))).isFalse();
		// a delete that fails while its object is still there is a failure
		pipeline.run(create("cp_t9"));
		this.simulator.faults().failWrites(mgmt, Errno.EBUSY, 1);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> pipeline
			.run(Step.of(Step.DELETE, "t", new Write.Mgmt(MgmtCommand.delTarget("scst_local", "cp_t9")))));
		assertThat(MgmtCommand.delLun("scst_local", "t", "g", 3).deletes())
			.contains(ScstPath.of("targets", "scst_local", "t", "ini_groups", "g", "luns", "3"));
		assertThat(MgmtCommand.addLun("scst_local", "t", null, 3, "d", false).deletes()).isEmpty();
	}

	private static Step create(String target) {
		return Step.of(Step.CREATE, "target-drivers/scst_local/targets/" + target,
				new Write.Mgmt(MgmtCommand.addTarget("scst_local", target, Map.of())),
				new Write.Mgmt(MgmtCommand.delTarget("scst_local", target)));
	}

}
