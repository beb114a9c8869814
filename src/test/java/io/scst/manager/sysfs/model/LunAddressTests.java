package io.scst.manager.sysfs.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LunAddress} and {@link Link}'s parsing of link targets. */
class LunAddressTests {

	@Test
	void parsesExportLinksOfTargetsAndGroups() {
		assertThat(LunAddress.parse("../../../targets/scst_local/tgt2/luns/0"))
			.isEqualTo(new LunAddress("scst_local", "tgt2", null, 0));
		assertThat(LunAddress.parse("../../../targets/scst_local/tgt2/ini_groups/grp1/luns/5"))
			.isEqualTo(new LunAddress("scst_local", "tgt2", "grp1", 5));
	}

	@Test
	void otherShapesAreNoExport() {
		assertThat(LunAddress.parse("../../../targets/scst_local/tgt2/luns/x")).isNull();
		assertThat(LunAddress.parse("../../../targets/scst_local/tgt2/sessions/0")).isNull();
		assertThat(LunAddress.parse("../../handlers/vdisk_fileio")).isNull();
		assertThat(LunAddress.parse("")).isNull();
	}

	@Test
	void theNameALinkPointsAtIsItsLastEntry() {
		assertThat(Link.lastName("../../handlers/vdisk_fileio")).isEqualTo("vdisk_fileio");
		assertThat(Link.lastName("../../../../devices/disk1")).isEqualTo("disk1");
		assertThat(Link.lastName("disk1")).isEqualTo("disk1");
	}

}
