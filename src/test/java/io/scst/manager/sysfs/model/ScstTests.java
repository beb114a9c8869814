package io.scst.manager.sysfs.model;

import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.CountingSysfs;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link Scst}, the root of the model, on a fresh simulator. */
class ScstTests extends FreshSimulator {

	private final Scst scst = Scst.of(this.sysfs);

	@Test
	void listsHandlersDriversAndDevicesByName() {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "m1", Map.of()));
		assertThat(this.scst.available()).isTrue();
		assertThat(this.scst.handlerNames()).contains("vdisk_nullio", "vdisk_fileio");
		assertThat(this.scst.targetDriverNames()).contains("scst_local", "copy_manager");
		assertThat(this.scst.deviceNames()).containsExactly("m1");
		assertThat(this.scst.devices()).extracting(DeviceNode::name).containsExactly("m1");
		assertThat(this.scst.handler("vdisk_nullio").deviceNames()).containsExactly("m1");
	}

	@Test
	void lookupsReadNothingAndAnswerWhetherTheObjectExists() {
		CountingSysfs counting = new CountingSysfs(this.sysfs);
		Scst root = Scst.of(counting.sysfs);
		DeviceNode missing = root.device("nothing");
		TargetNode target = root.targetDriver("scst_local").target("scst_local_tgt");
		assertThat(counting.take()).isEmpty();
		assertThat(missing.exists()).isFalse();
		assertThat(target.exists()).isTrue();
		assertThat(root.handler("vdisk_nullio").exists()).isTrue();
		assertThat(counting.take()).hasSize(3).allMatch((call) -> call.startsWith("stat "));
	}

	@Test
	void handlesReadAgainOnEveryAccess() {
		DeviceNode device = this.scst.device("m2");
		assertThat(device.exists()).isFalse();
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "m2", Map.of("size_mb", "4")));
		assertThat(device.exists()).isTrue();
		assertThat(device.size()).contains(4L << 20);
		this.sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", "m2"));
		assertThat(device.exists()).isFalse();
		assertThat(device.size()).isEmpty();
	}

	@Test
	void handlesOfTheSamePathAreEqual() {
		assertThat(this.scst.device("d")).isEqualTo(Scst.of(this.sysfs).device("d"))
			.hasSameHashCodeAs(this.scst.device("d"))
			.isNotEqualTo(this.scst.device("e"));
		assertThat(this.scst.targetDriver("scst_local").target("t").luns())
			.isNotEqualTo(this.scst.targetDriver("scst_local").target("t"));
		assertThat(this.scst.device("d").attribute("size")).isEqualTo(this.scst.device("d").attribute("size"));
	}

	@Test
	void aTargetIsFoundFromItsDirectory() {
		TargetNode target = this.scst.target(ScstPath.of("targets", "scst_local", "iqn.x!y"));
		assertThat(target.driver()).isEqualTo("scst_local");
		assertThat(target.name()).isEqualTo("iqn.x/y");
		assertThat(target.path()).isEqualTo(ScstPath.of("targets", "scst_local", "iqn.x!y"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.scst.target(ScstPath.of("devices", "d1", "x")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.scst.target(ScstPath.of("targets", "scst_local")));
	}

	@Test
	void rootAttributesAreReadWithTheirKeyMarker() {
		assertThat(this.scst.attributes()).containsKeys("threads", "setup_id").doesNotContainKey("mgmt");
		assertThat(this.scst.threads().value()).isNotBlank();
		assertThat(this.scst.version().value()).contains("\n");
	}

}
