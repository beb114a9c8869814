package io.scst.manager.gateway;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import org.jspecify.annotations.Nullable;

/**
 * The sysfs gateway chosen at start and, in simulator mode, the simulator behind it: the
 * one place that knows which kind of gateway it is, so that nothing needs to ask the
 * gateway's type.
 *
 * @param sysfs the gateway
 * @param simulator the embedded simulator, or {@code null} on the kernel tree
 */
public record SysfsGateway(ScstSysfs sysfs, @Nullable ScstSimulator simulator) {

	/**
	 * Whether the gateway is the embedded simulator.
	 * @return {@code true} in simulator mode
	 */
	public boolean simulated() {
		return this.simulator != null;
	}

}
