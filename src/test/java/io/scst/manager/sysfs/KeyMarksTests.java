package io.scst.manager.sysfs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marks {@link KeyMarks} claims for new objects against what the simulator (whose
 * device files follow the spec's per-attribute rules on their own, and which the
 * real-kernel walkthrough compares with SCST) shows after the same commands.
 */
class KeyMarksTests {

	private final ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults());

	private final ScstSysfs sysfs = new SimulatedScstSysfs(this.simulator);

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void theMarkedCreationParametersOfNewDevicesAreThePredictedOnes() throws Exception {
		String file = Files.write(this.dir.resolve("f.img"), new byte[1 << 20]).toString();
		List<Map<String, String>> nullio = List.of(Map.of(), Map.of("size", "1048576"),
				Map.of("size", Long.toString(KeyMarks.NULLIO_DEFAULT_SIZE)),
				params("blocksize", "4096", "size", "8388608"), Map.of("blocksize", "512"), Map.of("blocksize", "2048"),
				Map.of("read_only", "1"), Map.of("read_only", "0"), Map.of("rotational", "0"),
				Map.of("rotational", "1"), Map.of("removable", "1"), Map.of("dummy", "1"), Map.of("dummy", "0"));
		List<Map<String, String>> fileio = List.of(Map.of("filename", file),
				params("filename", file, "nv_cache", "1", "write_through", "1"),
				params("filename", file, "read_only", "1"),
				params("filename", file, "rotational", "0", "removable", "1", "blocksize", "4096"),
				params("filename", file, "write_through", "0", "nv_cache", "0", "o_direct", "0"));
		int n = 0;
		List<String> checked = new ArrayList<>();
		for (Map<String, String> parameters : nullio) {
			checked.add(check("vdisk_nullio", "kn" + n++, parameters));
		}
		for (Map<String, String> parameters : fileio) {
			checked.add(check("vdisk_fileio", "kf" + n++, parameters));
		}
		checked.add(check("vcdrom", "kc" + n, Map.of()));
		assertThat(checked).as("some cases mark something, some nothing")
			.contains("{size=1048576}", "{}", "{blocksize=4096, size=8388608}", "{read_only=1}", "{rotational=0}",
					"{filename=" + file + ", nv_cache=1, write_through=1}");
	}

	@Test
	void parametersHandlersAndValuesWithoutACertainRuleAreNotPredicted() {
		assertThat(KeyMarks.newDevice("vdisk_blockio", Map.of("filename", "/dev/sda"))).isEmpty();
		assertThat(KeyMarks.newDevice("dev_disk", Map.of())).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_nullio", Map.of("t10_dev_id", "x"))).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_nullio", Map.of("size_mb", "1"))).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_nullio", Map.of("size", "0x100000"))).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_nullio", Map.of("size", "01048576"))).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_nullio", Map.of("blocksize", "1000"))).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_nullio", Map.of("read_only", "2"))).isEmpty();
		assertThat(KeyMarks.newDevice("vdisk_fileio", Map.of("filename", "relative.img"))).isEmpty();
		assertThat(KeyMarks.newDevice("vcdrom", Map.of("tst", "0"))).isEmpty();
		assertThat(KeyMarks.newTargetUnmarked("iscsi")).isFalse();
	}

	@Test
	void aNewScstLocalTargetHasNoMarkedAttributeAndNoEnabledFile() {
		this.sysfs.mgmt(MgmtCommand.addTarget("scst_local", "kt", Map.of()));
		Map<String, AttributeValue> attributes = Scst.of(this.sysfs)
			.target(ScstTree.target("scst_local", "kt"))
			.attributes();
		assertThat(attributes).as("the target's attributes were read").containsKey("rel_tgt_id");
		assertThat(KeyMarks.newTargetUnmarked("scst_local")).isTrue();
		assertThat(attributes).doesNotContainKey(ScstTree.ENABLED);
		assertThat(attributes.values()).noneMatch(AttributeValue::nonDefault);
	}

	@Test
	void aNewLunReadsReadOnlyWhenAddedSoOrWhenItsDeviceIs() {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "rw", Map.of()));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "ro", Map.of("read_only", "1")));
		this.sysfs.mgmt(MgmtCommand.addDevice("vcdrom", "cd", Map.of()));
		this.sysfs.mgmt(MgmtCommand.addTarget("scst_local", "kt", Map.of()));
		record Case(int lun, String device, String handler, boolean addedReadOnly) {
		}
		List<Case> cases = List.of(new Case(0, "rw", "vdisk_nullio", false), new Case(1, "rw", "vdisk_nullio", true),
				new Case(2, "ro", "vdisk_nullio", false), new Case(3, "cd", "vcdrom", false));
		List<Boolean> seen = new ArrayList<>();
		for (Case c : cases) {
			this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "kt", null, c.lun(), c.device(), c.addedReadOnly()));
			Attribute readOnly = Scst.of(this.sysfs)
				.target(ScstTree.target("scst_local", "kt"))
				.luns()
				.lun(c.lun())
				.readOnlyFile()
				.content();
			AttributeValue device = Scst.of(this.sysfs).device(c.device()).attributes().get(ScstTree.READ_ONLY);
			boolean predicted = KeyMarks.newLunReadOnly(c.addedReadOnly(), c.handler(),
					(device != null) ? device.value() : null);
			assertThat(readOnly.key()).as("LUN %d marked", c.lun()).isEqualTo(predicted);
			assertThat(readOnly.value()).as("LUN %d value", c.lun()).isEqualTo(predicted ? "1" : "0");
			seen.add(predicted);
		}
		assertThat(seen).containsExactly(false, true, true, true);
	}

	/**
	 * Create the device, read which creation parameters it shows marked, compare with the
	 * prediction.
	 * @return the marked parameters, as text
	 */
	private String check(String handler, String name, Map<String, String> parameters) {
		this.sysfs.mgmt(MgmtCommand.addDevice(handler, name, parameters));
		List<String> creation = creationParameters(handler);
		Map<String, String> marked = new TreeMap<>();
		Scst.of(this.sysfs).device(name).attributes().forEach((attribute, value) -> {
			if (value.nonDefault() && creation.contains(attribute)) {
				marked.put(attribute, value.value());
			}
		});
		assertThat(KeyMarks.newDevice(handler, parameters)).as("%s %s", handler, parameters).contains(marked);
		return marked.toString();
	}

	private List<String> creationParameters(String handler) {
		String help = Scst.of(this.sysfs).handler(handler).mgmt().value();
		String sentence = "The following parameters available:";
		List<String> parameters = new ArrayList<>();
		help.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith(sentence))
			.forEach((line) -> List.of(line.substring(sentence.length()).split(","))
				.forEach((parameter) -> parameters.add(parameter.strip())));
		assertThat(parameters).as("%s lists its parameters", handler).isNotEmpty();
		return parameters;
	}

	private static Map<String, String> params(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
