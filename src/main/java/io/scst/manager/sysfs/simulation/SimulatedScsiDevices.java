package io.scst.manager.sysfs.simulation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.scst.manager.sysfs.LinuxScsiDevice;
import io.scst.manager.sysfs.ScsiDevices;

/**
 * {@link ScsiDevices} of the simulated machine: the SCSI devices its scst_local sessions
 * brought up, and the module parameters the simulator models ({@code scst_local}'s
 * {@code add_default_tgt}, and our scst_local's {@code remove_stale_devices} unless the
 * simulator models SCST's upstream module).
 */
public final class SimulatedScsiDevices implements ScsiDevices {

	private static final String SCST_LOCAL = "scst_local";

	private final ScstSimulator simulator;

	public SimulatedScsiDevices(ScstSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public List<LinuxScsiDevice> ofHost(int host) {
		return this.simulator.scsiDevices(host)
			.stream()
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
		SimulatorOptions options = this.simulator.options();
		Map<String, String> parameters = new TreeMap<>();
		parameters.put("add_default_tgt", options.addDefaultTarget() ? "Y" : "N");
		if (options.removeStaleDevices()) {
			parameters.put("remove_stale_devices", "Y");
		}
		return Optional.of(parameters);
	}

}
