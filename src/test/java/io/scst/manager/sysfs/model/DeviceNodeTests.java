package io.scst.manager.sysfs.model;

import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.CountingSysfs;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link DeviceNode} on a fresh simulator. */
class DeviceNodeTests extends FreshSimulator {

	private void nullio(String name) {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", name, Map.of("size_mb", "2")));
	}

	@Test
	void readsItsHandlerAndSizeInOneOperationEach() {
		nullio("d1");
		CountingSysfs counting = new CountingSysfs(this.sysfs);
		DeviceNode device = Scst.of(counting.sysfs).device("d1");
		assertThat(device.handlerName()).contains("vdisk_nullio");
		assertThat(device.handler()).map(HandlerNode::name).contains("vdisk_nullio");
		assertThat(device.size()).contains(2L << 20);
		assertThat(counting.take()).containsExactly("readLinkIfPresent devices/d1/handler",
				"readLinkIfPresent devices/d1/handler", "readIfPresent devices/d1/size");
	}

	@Test
	void aMissingDeviceHasNoHandlerNoSizeAndNoExports() {
		DeviceNode device = Scst.of(this.sysfs).device("gone");
		assertThat(device.exists()).isFalse();
		assertThat(device.present()).isFalse();
		assertThat(device.handlerName()).isEmpty();
		assertThat(device.size()).isEmpty();
		assertThat(device.exports()).isEmpty();
		assertThat(device.anyExport((export) -> true)).isFalse();
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(device::exportedCount);
	}

	@Test
	void exportsAreTheLunsOfItsExportLinksInTheirOrder() {
		nullio("d2");
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", null, 3, "d2", false));
		this.sysfs.mgmt(MgmtCommand.createGroup("scst_local", "scst_local_tgt", "g1"));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", "g1", 1, "d2", true));
		DeviceNode device = Scst.of(this.sysfs).device("d2");
		assertThat(device.exports()).contains(new LunAddress("scst_local", "scst_local_tgt", null, 3),
				new LunAddress("scst_local", "scst_local_tgt", "g1", 1));
		assertThat(device.exportedCount()).isEqualTo(device.exports().size());
		assertThat(device.anyExport((export) -> "g1".equals(export.group()))).isTrue();
		assertThat(device.anyExport((export) -> export.lun() == 99)).isFalse();
	}

	@Test
	void attributesCarryTheKeyMarkerAndWhetherTheyCanBeWritten() {
		nullio("d3");
		DeviceNode device = Scst.of(this.sysfs).device("d3");
		assertThat(device.attributes()).containsKeys("size", "read_only").doesNotContainKey("handler");
		assertThat(device.attributes().get("size").value()).isEqualTo(Long.toString(2L << 20));
		assertThat(device.readOnly().value()).isEqualTo("0");
		assertThat(device.readOnly().isFile()).isTrue();
		assertThat(device.attribute("no_such_file").isFile()).isFalse();
		assertThat(device.attribute("no_such_file").valueIfPresent()).isEmpty();
	}

}
