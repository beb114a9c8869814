package io.scst.manager.sysfs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
	 * The parameters of a loaded kernel module.
	 * @param module the module name, e.g. {@code scst_local}
	 * @return the values by parameter name (sorted), or empty when the module is not
	 * loaded
	 */
	Optional<Map<String, String>> moduleParameters(String module);

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
