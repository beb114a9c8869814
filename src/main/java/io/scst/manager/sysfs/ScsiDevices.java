package io.scst.manager.sysfs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Linux side of scst_local: the SCSI devices each session's host brought up
 * ({@code /sys/class/scsi_host/host<N>/...}) and the parameters of loaded modules
 * ({@code /sys/module/<m>/parameters/}). Both live outside SCST's own tree.
 */
public interface ScsiDevices {

	/**
	 * The SCSI devices of one host, by LUN.
	 * @param host the SCSI host number (an scst_local session's {@code host_no})
	 * @return the devices, ordered by LUN; empty when the host has none or does not exist
	 */
	List<LinuxScsiDevice> ofHost(int host);

	/**
	 * Whether every upper-level driver of this machine that takes a device of this type
	 * has attached to it: the midlayer adds a device (and sg attaches) before sd's or
	 * sr's probe, which runs asynchronously, creates the block device. A device is
	 * complete for a session's answer only then.
	 * @param device a device of {@link #ofHost(int)}
	 * @return {@code true} when nothing more is to come; by default always
	 */
	default boolean settled(LinuxScsiDevice device) {
		return true;
	}

	/**
	 * Which LUNs of a host have a device, and which of those are {@link #settled}: what
	 * waiting for a scan looks at, polled until it is complete. By default from
	 * {@link #ofHost(int)}; the kernel's view reads less (no names, no identity).
	 * @param host the SCSI host number
	 * @return the LUNs
	 */
	default HostLuns luns(int host) {
		Set<Integer> present = new TreeSet<>();
		Set<Integer> settled = new TreeSet<>();
		for (LinuxScsiDevice device : ofHost(host)) {
			present.add(device.lun());
			if (settled(device)) {
				settled.add(device.lun());
			}
		}
		return new HostLuns(present, settled);
	}

	/**
	 * The parameters of a loaded kernel module.
	 * @param module the module name, e.g. {@code scst_local}
	 * @return the values by parameter name (sorted), or empty when the module is not
	 * loaded
	 */
	Optional<Map<String, String>> moduleParameters(String module);

	/**
	 * The LUNs of one host's devices at one moment.
	 *
	 * @param present the LUNs that have a device
	 * @param settled those whose device is {@link #settled}
	 */
	record HostLuns(Set<Integer> present, Set<Integer> settled) {

		public HostLuns {
			present = Set.copyOf(present);
			settled = Set.copyOf(settled);
		}

	}

	/**
	 * A machine without SCSI devices and modules (for services used without scst_local).
	 * @return the empty view
	 */
	static ScsiDevices none() {
		return new ScsiDevices() {

			@Override
			public List<LinuxScsiDevice> ofHost(int host) {
				return List.of();
			}

			@Override
			public Optional<Map<String, String>> moduleParameters(String module) {
				return Optional.empty();
			}

		};
	}

}
