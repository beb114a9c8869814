package io.scst.manager.sysfs.simulation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scst.manager.sysfs.LinuxScsiDevice;
import io.scst.manager.sysfs.ScsiDevices;

/**
 * {@link ScsiDevices} of the simulated machine: the SCSI devices its scst_local sessions
 * brought up, and the one module parameter the simulator models ({@code scst_local}'s
 * {@code add_default_tgt}).
 */
public final class SimulatedScsiDevices implements ScsiDevices {

	private static final String SCST_LOCAL = "scst_local";

	private final ScstSimulator simulator;

	public SimulatedScsiDevices(ScstSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public List<LinuxScsiDevice> ofHost(int host) {
		return this.simulator.scsiDevices()
			.stream()
			.filter((device) -> device.host() == host)
			.sorted(Comparator.comparingInt(SimulatedScsiDevice::lun))
			.map((device) -> new LinuxScsiDevice(device.address(), device.lun(), device.type(), device.vendor(),
					device.model(), device.revision(), device.blockDevice(), device.genericDevice()))
			.toList();
	}

	@Override
	public Optional<Map<String, String>> moduleParameters(String module) {
		if (!module.equals(SCST_LOCAL)) {
			return Optional.empty();
		}
		return Optional.of(Map.of("add_default_tgt", this.simulator.options().addDefaultTarget() ? "Y" : "N"));
	}

}
