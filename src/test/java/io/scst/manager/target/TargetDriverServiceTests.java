package io.scst.manager.target;

import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.AttributeValue;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScsiDevices;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/** {@link TargetDriverService} on a fresh simulator. */
class TargetDriverServiceTests extends FreshSimulator {

	private final TargetDriverService service = new TargetDriverService(this.sysfs,
			new SimulatedScsiDevices(this.simulator));

	@Test
	void listsEveryDriverWithVersionAndTargetCount() {
		assertThat(this.service.list()).containsExactly(new TargetDriverSummary("copy_manager", null, 1),
				new TargetDriverSummary("scst_local", "3.11.0-pre/20110901", 1));
	}

	@Test
	void describesScstLocalWithStatsVersionAndModuleParameters() {
		TargetDriver driver = this.service.describe("scst_local");
		assertThat(driver.name()).isEqualTo("scst_local");
		assertThat(driver.version()).isEqualTo("3.11.0-pre/20110901");
		assertThat(driver.targets()).containsExactly("scst_local_tgt");
		assertThat(driver.attributes()).doesNotContainKey("mgmt").containsKeys("stats", "version", "trace_level");
		assertThat(driver.attributes().get("stats"))
			.isEqualTo(new AttributeValue("Aborts: 0, Device Resets: 0, Target Resets: 0", false, false));
		assertThat(driver.attributes().get("version").value()).isEqualTo("3.11.0-pre/20110901\nTRACING");
		assertThat(driver.stats()).isNotNull();
		assertThat(driver.stats().counts()).containsExactly(entry("Aborts", 0L), entry("Device Resets", 0L),
				entry("Target Resets", 0L));
		assertThat(driver.stats().raw()).isEqualTo("Aborts: 0, Device Resets: 0, Target Resets: 0");
		assertThat(driver.moduleParameters()).containsExactly(entry("add_default_tgt", "Y"),
				entry("remove_stale_devices", "Y"));
		assertThat(driver.capabilities())
			.isEqualTo(new DriverCapabilities(true, true, true, true, List.of("session_name")));
	}

	@Test
	void moduleParametersFollowTheModuleLoadOptions() {
		try (ScstSimulator bare = new ScstSimulator(SimulatorOptions.defaults().withAddDefaultTarget(false))) {
			TargetDriver driver = new TargetDriverService(new SimulatedScstSysfs(bare), new SimulatedScsiDevices(bare))
				.describe("scst_local");
			assertThat(driver.moduleParameters()).containsExactly(entry("add_default_tgt", "N"),
					entry("remove_stale_devices", "Y"));
			assertThat(driver.targets()).isEmpty();
		}
	}

	@Test
	void describesTheCopyManagerWithoutManagementFile() {
		TargetDriver driver = this.service.describe("copy_manager");
		assertThat(driver.version()).isNull();
		assertThat(driver.stats()).isNull();
		assertThat(driver.moduleParameters()).isNull();
		assertThat(driver.targets()).containsExactly("copy_manager_tgt");
		assertThat(driver.attributes()).containsEntry("allow_not_connected_copy", new AttributeValue("0", false, true))
			.containsKey("dif_capabilities");
		assertThat(driver.attributes().get("dif_capabilities").writable()).isFalse();
		assertThat(driver.capabilities()).isEqualTo(DriverCapabilities.NONE);
	}

	@Test
	void attributesShowTheNonDefaultMarker() {
		this.sysfs.write(io.scst.manager.sysfs.ScstPath.of("targets", "copy_manager", "allow_not_connected_copy"), "1");
		assertThat(this.service.describe("copy_manager").attributes().get("allow_not_connected_copy"))
			.isEqualTo(new AttributeValue("1", true, true));
	}

	@Test
	void unknownDriverIsNotFound() {
		assertThatExceptionOfType(TargetDriverNotFoundException.class).isThrownBy(() -> this.service.describe("iscsi"))
			.withMessageContaining("iscsi");
	}

	@Test
	void driverNamesAreValidated() {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> this.service.describe(".."))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("driver"));
	}

	@Test
	void capabilitiesComeFromTheHelpText() {
		DriverCapabilities capabilities = DriverCapabilities.fromHelp("""
				Usage: echo "add_target target_name [parameters]" >mgmt
				       echo "del_target target_name" >mgmt

				where parameters are one or more param_name=value pairs separated by ';'

				The following parameters available: node_acl, tpgt
				""");
		assertThat(capabilities)
			.isEqualTo(new DriverCapabilities(true, true, false, false, List.of("node_acl", "tpgt")));
	}

	@Test
	void statsOfAnotherShapeAreNotParsed() {
		assertThat(TargetDriverService.parseStats("Aborts: 3, Device Resets: 12"))
			.isEqualTo(Map.of("Aborts", 3L, "Device Resets", 12L));
		assertThat(TargetDriverService.parseStats("Aborts: many")).isNull();
		assertThat(TargetDriverService.parseStats("a table\nwith lines")).isNull();
		assertThat(TargetDriverService.parseStats("")).isNull();
	}

}
