package io.scst.manager.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/**
 * Builds a large SCST state through the gateway's management commands (so it works on the
 * simulator or, with care, anywhere): at divisor 1 the size of 1,000
 * {@code scst_local} targets, 4,000 sessions, 2,000 {@code vdisk_nullio} devices, 16,000
 * LUNs and 200 initiator groups; at divisor 4 and 16 a quarter and a sixteenth of it with
 * the same shape (16 LUNs and 4 sessions per target, 2 devices per target, an initiator
 * group with one initiator on every fifth target).
 */
final class LargeState {

	static final String DRIVER = "scst_local";

	static final String HANDLER = "vdisk_nullio";

	static final int LUNS_PER_TARGET = 16;

	static final int SESSIONS_PER_TARGET = 4;

	private LargeState() {
	}

	/**
	 * What was built.
	 *
	 * @param targets target count
	 * @param sessions session count
	 * @param devices device count
	 * @param luns LUN count
	 * @param groups initiator group count
	 * @param counterFiles every session's initiator name and counter files (what a scrape
	 * has to read at least)
	 */
	record Counts(int targets, int sessions, int devices, int luns, int groups, List<ScstPath> counterFiles) {

		@Override
		public String toString() {
			return targets + " targets, " + sessions + " sessions, " + devices + " devices, " + luns + " LUNs, "
					+ groups + " groups";
		}

	}

	static String target(int t) {
		return String.format("lt%04d", t);
	}

	static String device(int d) {
		return String.format("ld%04d", d);
	}

	/**
	 * Build the state on a gateway that has none of these names yet.
	 * @param sysfs the gateway
	 * @param divisor 1 for the full size, 4 or 16 for the smaller ones
	 * @return what was built
	 */
	static Counts build(ScstSysfs sysfs, int divisor) {
		int targets = 1000 / divisor;
		int devices = 2 * targets;
		for (int d = 0; d < devices; d++) {
			sysfs.mgmt(MgmtCommand.addDevice(HANDLER, device(d), Map.of()));
		}
		List<ScstPath> counters = new ArrayList<>();
		int groups = 0;
		for (int t = 0; t < targets; t++) {
			String target = target(t);
			sysfs.mgmt(MgmtCommand.addTarget(DRIVER, target, Map.of()));
			for (int l = 0; l < LUNS_PER_TARGET; l++) {
				sysfs.mgmt(MgmtCommand.addLun(DRIVER, target, null, l, device((t * LUNS_PER_TARGET + l) % devices),
						false));
			}
			if (t % 5 == 0) {
				String group = "lg" + t;
				sysfs.mgmt(MgmtCommand.createGroup(DRIVER, target, group));
				sysfs.mgmt(MgmtCommand.addInitiator(DRIVER, target, group, "iqn.2026-01.io.bench:ini" + t));
				groups++;
			}
			for (int s = 0; s < SESSIONS_PER_TARGET; s++) {
				String session = "ls" + t + "_" + s;
				sysfs.mgmt(MgmtCommand.addSession(DRIVER, target, session));
				counters.add(ScstTree.sessionAttribute(DRIVER, target, session, ScstTree.INITIATOR_NAME));
				for (String counter : ScstTree.SESSION_COUNTERS) {
					counters.add(ScstTree.sessionAttribute(DRIVER, target, session, counter));
				}
			}
		}
		return new Counts(targets, targets * SESSIONS_PER_TARGET, devices, targets * LUNS_PER_TARGET, groups,
				List.copyOf(counters));
	}

}
