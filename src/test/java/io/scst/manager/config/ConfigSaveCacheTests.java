package io.scst.manager.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.KeyMarks;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The save reads again only what changes of this server wrote below, and the file it
 * writes is still the whole live configuration: after every kind of change the saved text
 * equals a full export read from scratch.
 */
class ConfigSaveCacheTests {

	private final ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults());

	private final SimulatedScstSysfs gateway = new SimulatedScstSysfs(this.simulator);

	/** Every path the service reads through, in order. */
	private final List<ScstPath> reads = new ArrayList<>();

	private final ScstSysfs sysfs = (ScstSysfs) Proxy.newProxyInstance(ScstSysfs.class.getClassLoader(),
			new Class<?>[] { ScstSysfs.class }, (proxy, method, args) -> {
				if (args != null && args.length == 1 && args[0] instanceof ScstPath path) {
					this.reads.add(path);
				}
				try {
					return method.invoke(this.gateway, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			});

	private final ChangePipeline changes = ChangePipeline.unrestricted(this.sysfs);

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void theSavedFileIsTheFullExportAfterEveryKindOfChange() throws Exception {
		ConfigService service = service();
		service.apply(state(4), (String) null);
		assertSavedIsLive(service);
		// an attribute of a device and of a target
		service.apply(state(4).replace("\t\tsize 1048576\n", "\t\tsize 1048576\n\t\tt10_vend_id VEND1\n"),
				(String) null);
		assertSavedIsLive(service);
		// a LUN more on one target, through a single step
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "t1", null, 9, "d3", false));
		assertSavedIsLive(service);
		// a device that LUNs of kept targets use is deleted: those LUNs go with it
		run(Step.DELETE, MgmtCommand.delDevice("vdisk_nullio", "d3"));
		assertSavedIsLive(service);
		// a target and a group go
		run(Step.DELETE, MgmtCommand.delTarget("scst_local", "t2"));
		run(Step.DELETE, MgmtCommand.delGroup("scst_local", "t0", "g0"));
		assertSavedIsLive(service);
	}

	@Test
	void aWriteOutsideThePipelineMakesTheNextSaveReadEverything() throws Exception {
		ConfigService service = service();
		service.apply(state(4), (String) null);
		assertSavedIsLive(service);
		// another writer through the same gateway, then a change of this server
		this.gateway.mgmt(MgmtCommand.addLun("scst_local", "t0", null, 7, "d1", false));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "t1", null, 7, "d1", false));
		service.saveLive();
		assertThat(Files.readString(file())).contains("LUN 7 d1").isEqualTo(service.exportText());
	}

	@Test
	void aSaveAfterAChangeReadsOnlyWhatTheChangeWroteBelow() throws Exception {
		ConfigService service = service();
		service.apply(state(20), (String) null);
		service.saveLive();
		ScstConfig live = service.export();
		int objects = live.handlers().stream().mapToInt((handler) -> handler.devices().size()).sum()
				+ live.drivers().stream().mapToInt((driver) -> driver.targets().size()).sum();
		assertThat(objects).as("40 devices, 20 targets and more").isGreaterThanOrEqualTo(60);
		assertThat(service.saveCacheSize()).as("every device and target kept").isEqualTo(objects);
		// an attribute write: its effect is not taken from the step, the target is read
		this.changes.run(Step.of(Step.UPDATE, "targets/scst_local/t7/comment",
				new Write.Attribute(ScstPath.of("targets", "scst_local", "t7", "comment"), "seven")));
		this.reads.clear();
		service.saveLive();
		List<ScstPath> targetReads = this.reads.stream()
			.filter((path) -> path.segments().size() > 3 && path.segments().get(0).equals("targets"))
			.toList();
		assertThat(targetReads).isNotEmpty()
			.allMatch((path) -> path.segments().get(2).equals("t7"), "below the changed target only");
		assertThat(this.reads)
			.noneMatch((path) -> path.segments().size() > 2 && path.segments().get(0).equals("devices"));
		assertThat(Files.readString(file())).contains("comment seven").isEqualTo(service.exportText());
		// the full read is what it saves work against
		this.reads.clear();
		service.exportText();
		assertThat(this.reads.size()).isGreaterThan(10 * targetReads.size());
	}

	@Test
	void objectsCreatedWithKnownMarksAreSavedFromTheStepsWithoutReadingThem() throws Exception {
		ConfigService service = service();
		service.apply(state(4), (String) null);
		service.saveLive();
		Path image = Files.write(this.dir.resolve("f1.img"), new byte[1 << 20]);
		Map<String, String> file = new LinkedHashMap<>();
		file.put("filename", image.toString());
		file.put("nv_cache", "1");
		file.put("read_only", "0");
		Map<String, String> big = new LinkedHashMap<>();
		big.put("blocksize", "4096");
		big.put("size", "8388608");
		big.put("read_only", "1");
		big.put("rotational", "0");
		run(Step.CREATE, MgmtCommand.addDevice("vdisk_nullio", "n1", big));
		run(Step.CREATE, MgmtCommand.addDevice("vdisk_nullio", "n2",
				Map.of("size", Long.toString(KeyMarks.NULLIO_DEFAULT_SIZE))));
		run(Step.CREATE, MgmtCommand.addDevice("vdisk_fileio", "f1", file));
		run(Step.CREATE, MgmtCommand.addDevice("vcdrom", "c1", Map.of()));
		run(Step.CREATE, MgmtCommand.addTarget("scst_local", "nt", Map.of(), List.of("ns1", "ns2")));
		run(Step.CREATE, MgmtCommand.addSession("scst_local", "nt", "ns3"));
		run(Step.DELETE, MgmtCommand.delSession("scst_local", "nt", "ns1"));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", null, 0, "n1", false));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", null, 1, "n2", true));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", null, 2, "f1", false));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", null, 3, "c1", false));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", null, 4, "d1", false));
		run(Step.UPDATE, MgmtCommand.replaceLun("scst_local", "nt", null, 4, "d2", true));
		run(Step.DELETE, MgmtCommand.delLun("scst_local", "nt", null, 2));
		run(Step.CREATE, MgmtCommand.createGroup("scst_local", "nt", "ga"));
		run(Step.CREATE, MgmtCommand.createGroup("scst_local", "nt", "gb"));
		run(Step.CREATE, MgmtCommand.addInitiator("scst_local", "nt", "ga", "iqn.1:a"));
		run(Step.CREATE, MgmtCommand.addInitiator("scst_local", "nt", "ga", "iqn.1:*"));
		run(Step.UPDATE, MgmtCommand.moveInitiator("scst_local", "nt", "ga", "iqn.1:a", "gb"));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", "ga", 0, "c1", false));
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "nt", "gb", 7, "n2", false));
		// a kept target of the state: a LUN, a group gone, an initiator of a group
		// removed
		run(Step.CREATE, MgmtCommand.addLun("scst_local", "t1", null, 9, "n1", false));
		run(Step.DELETE, MgmtCommand.delGroup("scst_local", "t2", "g2"));
		run(Step.DELETE, MgmtCommand.delInitiator("scst_local", "t3", "g3", "i3"));
		this.reads.clear();
		service.saveLive();
		assertThat(this.reads).as("nothing read below a device or a target")
			.noneMatch((path) -> path.segments().size() > 2 && path.segments().get(0).equals("devices"))
			.noneMatch((path) -> path.segments().size() > 3 && path.segments().get(0).equals("targets"));
		String saved = Files.readString(file());
		assertThat(saved).contains("DEVICE n1", "blocksize 4096", "read_only 1", "rotational 0", "nv_cache 1",
				"LUN 3 c1", "INITIATOR iqn.1:a");
		assertThat(saved).isEqualTo(service.exportText());
	}

	@Test
	void objectsWhoseMarksAreNotKnownAreRead() throws Exception {
		ConfigService service = service();
		service.apply(state(2), (String) null);
		service.saveLive();
		// t10_dev_id has no rule in KeyMarks; an attribute write has none either
		run(Step.CREATE, MgmtCommand.addDevice("vdisk_nullio", "n1", Map.of("t10_dev_id", "abc")));
		this.changes.run(Step.of(Step.UPDATE, "devices/d0/t10_vend_id",
				new Write.Attribute(ScstPath.of("devices", "d0", "t10_vend_id"), "VEND2")));
		this.reads.clear();
		service.saveLive();
		assertThat(this.reads).anyMatch((path) -> path.toString().startsWith("devices/n1/"))
			.anyMatch((path) -> path.toString().startsWith("devices/d0/"));
		assertThat(Files.readString(file())).contains("t10_dev_id abc", "t10_vend_id VEND2")
			.isEqualTo(service.exportText());
	}

	@Test
	void aPlanReadsOnlyTheAttributesItsConfigurationNames() {
		ConfigService service = service();
		service.apply(state(4), (String) null);
		this.reads.clear();
		assertThat(service.plan(state(4), (String) null).steps()).isEmpty();
		assertThat(this.reads).as("the size the configuration names").contains(ScstPath.of("devices", "d0", "size"));
		assertThat(this.reads).as("no other attribute of a device, target or group")
			.noneMatch((path) -> path.segments().size() == 3 && path.segments().get(0).equals("devices")
					&& !path.segments().get(2).equals("size"))
			.noneMatch((path) -> path.toString().endsWith("/rel_tgt_id") || path.toString().endsWith("/addr_method"));
		// an export still reads them all
		this.reads.clear();
		service.exportText();
		assertThat(this.reads).contains(ScstPath.of("devices", "d0", "t10_vend_id"),
				ScstPath.of("targets", "scst_local", "t0", "rel_tgt_id"));
	}

	private void assertSavedIsLive(ConfigService service) throws Exception {
		service.saveLive();
		assertThat(Files.readString(file())).isEqualTo(service.exportText());
	}

	private void run(String kind, MgmtCommand command) {
		this.changes.run(Step.of(kind, command.file().toString(), new Write.Mgmt(command)));
	}

	/** n targets with a session, 4 LUNs and a group each, 2n devices. */
	private static String state(int n) {
		StringBuilder config = new StringBuilder("HANDLER vdisk_nullio {\n");
		for (int d = 0; d < 2 * n; d++) {
			config.append("\tDEVICE d").append(d).append(" {\n\t\tsize 1048576\n\t}\n");
		}
		config.append("}\nTARGET_DRIVER scst_local {\n");
		for (int t = 0; t < n; t++) {
			config.append("\tTARGET t").append(t).append(" {\n\t\tsession_name s").append(t).append('\n');
			for (int l = 0; l < 4; l++) {
				config.append("\t\tLUN ").append(l).append(" d").append((t + l) % (2 * n)).append('\n');
			}
			config.append("\t\tGROUP g")
				.append(t)
				.append(" {\n\t\t\tLUN 0 d")
				.append(t)
				.append("\n\t\t\tINITIATOR i")
				.append(t)
				.append("\n\t\t}\n\t}\n");
		}
		return config.append("}\n").toString();
	}

	private ConfigService service() {
		return new ConfigService(this.sysfs, new ConfigStore(file(), 2), this.changes);
	}

	private Path file() {
		return this.dir.resolve("saved.conf");
	}

}
