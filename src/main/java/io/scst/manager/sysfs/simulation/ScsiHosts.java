package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated Linux SCSI side of scst_local: host numbers and {@code sd}/{@code sr}/
 * {@code sg} names, each the lowest free number as current kernels hand them out.
 */
final class ScsiHosts {

	private final Numbers hosts = new Numbers();

	private final Numbers disks = new Numbers();

	private final Numbers cdroms = new Numbers();

	private final Numbers generics = new Numbers();

	/** Every device, in the order they were added. */
	private final Set<SimulatedScsiDevice> devices = new LinkedHashSet<>();

	/** The same devices by host, each host's in the order they were added. */
	private final Map<Integer, List<SimulatedScsiDevice>> byHost = new HashMap<>();

	int allocateHost() {
		return this.hosts.take();
	}

	void freeHost(int host) {
		this.hosts.free(host);
	}

	SimulatedScsiDevice addDevice(int host, int lun, SimDevice device) {
		boolean cdrom = device.isCdrom();
		int block = cdrom ? this.cdroms.take() : this.disks.take();
		SimulatedScsiDevice scsi = new SimulatedScsiDevice(host, lun, cdrom, device.t10VendId, device.prodId,
				device.prodRevLvl, block, this.generics.take());
		this.devices.add(scsi);
		this.byHost.computeIfAbsent(host, (h) -> new ArrayList<>()).add(scsi);
		return scsi;
	}

	void removeDevice(SimulatedScsiDevice device) {
		this.devices.remove(device);
		List<SimulatedScsiDevice> ofHost = this.byHost.get(device.host());
		if (ofHost != null) {
			ofHost.remove(device);
			if (ofHost.isEmpty()) {
				this.byHost.remove(device.host());
			}
		}
		(device.cdrom() ? this.cdroms : this.disks).free(device.blockNumber());
		this.generics.free(device.genericNumber());
	}

	List<SimulatedScsiDevice> devices() {
		return List.copyOf(this.devices);
	}

	List<SimulatedScsiDevice> devices(int host) {
		return List.copyOf(this.byHost.getOrDefault(host, List.of()));
	}

	/** {@code sd} naming: a..z, aa..zz, aaa... */
	static String diskSuffix(int index) {
		StringBuilder name = new StringBuilder();
		int i = index;
		do {
			name.insert(0, (char) ('a' + i % 26));
			i = i / 26 - 1;
		}
		while (i >= 0);
		return name.toString();
	}

	/**
	 * Numbers handed out lowest free first. Every number below {@code lowest} is taken,
	 * so a search starts there instead of at 0.
	 */
	private static final class Numbers {

		private final BitSet taken = new BitSet();

		private int lowest;

		int take() {
			int number = this.taken.nextClearBit(this.lowest);
			this.taken.set(number);
			this.lowest = number + 1;
			return number;
		}

		void free(int number) {
			this.taken.clear(number);
			this.lowest = Math.min(this.lowest, number);
		}

	}

}
