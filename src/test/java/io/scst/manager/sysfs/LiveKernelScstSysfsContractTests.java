package io.scst.manager.sysfs;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The contract against a live SCST tree. Runs only when {@code -Dscst.live.root} names
 * the tree (normally {@code /sys/kernel/scst_tgt}) on a host with scst, scst_vdisk and
 * scst_local loaded; it creates and removes only objects whose names start with
 * {@code ct}.
 */
@EnabledIfSystemProperty(named = "scst.live.root", matches = ".+",
		disabledReason = "no live SCST tree given: run with -Dscst.live.root=/sys/kernel/scst_tgt on a host with SCST loaded")
class LiveKernelScstSysfsContractTests extends ScstSysfsContractTests {

	private final ScstSysfs sysfs = new KernelScstSysfs(Path.of(System.getProperty("scst.live.root", "/nonexistent")),
			Duration.ofSeconds(30), AbstractScstSysfs.GatewayListener.NONE);

	@Override
	protected ScstSysfs sysfs() {
		return this.sysfs;
	}

}
