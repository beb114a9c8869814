package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The simulated Linux SCSI side of scst_local: host numbers and {@code sd}/{@code sr}/
 * {@code sg} names, each the lowest free number as current kernels hand them out.
 */
final class ScsiHosts {

	private final BitSet hosts = new BitSet();

	private final BitSet disks = new BitSet();

	private final BitSet cdroms = new BitSet();

	private final BitSet generics = new BitSet();

	private final List<SimulatedScsiDevice> devices = new ArrayList<>();

	int allocateHost() {
		int host = this.hosts.nextClearBit(0);
		this.hosts.set(host);
		return host;
	}

	void freeHost(int host) {
		this.hosts.clear(host);
	}

	SimulatedScsiDevice addDevice(int host, int lun, SimDevice device) {
		String block;
		if (device.isCdrom()) {
			int index = this.cdroms.nextClearBit(0);
			this.cdroms.set(index);
			block = "sr" + index;
		}
		else {
			int index = this.disks.nextClearBit(0);
			this.disks.set(index);
			block = "sd" + diskSuffix(index);
		}
		int sg = this.generics.nextClearBit(0);
		this.generics.set(sg);
		SimulatedScsiDevice scsi = new SimulatedScsiDevice(host, lun, device.isCdrom() ? "cd/dvd" : "disk",
				device.t10VendId, device.prodId, device.prodRevLvl, "/dev/" + block, "/dev/sg" + sg);
		this.devices.add(scsi);
		return scsi;
	}

	void removeDevice(SimulatedScsiDevice device) {
		this.devices.remove(device);
		String block = device.blockDevice().substring("/dev/".length());
		if (block.startsWith("sr")) {
			this.cdroms.clear(Integer.parseInt(block.substring(2)));
		}
		else {
			this.disks.clear(diskIndex(block.substring(2)));
		}
		this.generics.clear(Integer.parseInt(device.genericDevice().substring("/dev/sg".length())));
	}

	List<SimulatedScsiDevice> devices() {
		return List.copyOf(this.devices);
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

	static int diskIndex(String suffix) {
		int index = 0;
		for (int i = 0; i < suffix.length(); i++) {
			index = index * 26 + (suffix.charAt(i) - 'a' + 1);
		}
		return index - 1;
	}

}
