package io.scst.manager.sysfs.simulation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.sysfs.Errno;

/**
 * The files of SCST's root directory ({@code version}, {@code threads}, {@code setup_id},
 * {@code suspend}, {@code last_sysfs_mgmt_res}, the trace levels and tunables,
 * {@code sgv/}) and the state behind them.
 */
final class SimRoot {

	static final String SCST_VERSION = "3.11.0-pre";

	private final ScstSimulator sim;

	private final String buildDate;

	long setupId;

	int threads;

	private int suspendCount;

	private int maxTaskletCmd = 10;

	private long pollUs;

	private int measureLatency;

	private boolean asyncLunReplace;

	private int forceGlobalSgvPool;

	private String clusterName = "";

	private final TraceLevel coreTrace = new TraceLevel(TraceLevel.CORE_LOCAL, "");

	final TraceLevel vdiskTrace = new TraceLevel(TraceLevel.VDISK_LOCAL, ", order");

	final TraceLevel localTrace = new TraceLevel(Map.of(), "");

	SimRoot(ScstSimulator sim) {
		this.sim = sim;
		this.threads = sim.cpus();
		this.buildDate = DateTimeFormatter.ofPattern("yyyy/MM/dd-HH:mm:ss-'UTC'xxx")
			.format(OffsetDateTime.now(ZoneOffset.UTC));
	}

	/** Add the root's files and directories. */
	void build(Node.Dir r) {
		r.add(Attr.ro("version", this::version));
		r.add(Attr.rwQueued("threads", () -> Attr.keyed(this.threads, this.threads != this.sim.cpus()),
				(data) -> this.threads = KernelNumbers.parseInt(Attr.chomp(data).strip()), (data) -> {
					int n;
					try {
						n = KernelNumbers.parseInt(data);
					}
					catch (SimErrno ex) {
						throw new SimErrno(Errno.EINVAL);
					}
					if (n <= 0) {
						throw new SimErrno(Errno.EINVAL);
					}
					return true;
				}));
		r.add(Attr.rw("setup_id", () -> Attr.keyed("0x" + Long.toHexString(this.setupId), this.setupId != 0),
				(data) -> this.setupId = KernelNumbers.parseUnsignedLong(data) & 0xFFFFFFFFL));
		r.add(Attr.rw("suspend", () -> Attr.line(this.suspendCount), this::writeSuspend));
		r.add(Attr.ro("last_sysfs_mgmt_res", () -> Attr.line(this.sim.work.lastResult())));
		r.add(Attr.rw("trace_level", this.coreTrace::show, this.coreTrace::write));
		r.add(Attr.rw("max_tasklet_cmd", () -> Attr.keyed(this.maxTaskletCmd, this.maxTaskletCmd != 10),
				(data) -> this.maxTaskletCmd = (int) KernelNumbers.parseUnsignedLong(data)));
		r.add(Attr.rw("poll_us", () -> Attr.keyed(this.pollUs, this.pollUs != 0),
				(data) -> this.pollUs = KernelNumbers.parseUnsignedLong(data)));
		r.add(Attr.rw("measure_latency", () -> Attr.line(this.measureLatency),
				(data) -> this.measureLatency = (KernelNumbers.parseLong(data) != 0) ? 1 : 0));
		r.add(Attr.rw("async_lun_replace", () -> Attr.line(this.asyncLunReplace ? 1 : 0),
				(data) -> this.asyncLunReplace = KernelNumbers.parseBool(data)));
		r.add(Attr.rw("force_global_sgv_pool", () -> Attr.keyed(this.forceGlobalSgvPool, this.forceGlobalSgvPool != 0),
				(data) -> this.forceGlobalSgvPool = (KernelNumbers.parseUnsignedLong(data) != 0) ? 1 : 0));
		r.add(Attr.rw("cluster_name", () -> this.clusterName.isEmpty() ? "" : Attr.keyed(this.clusterName, true),
				(data) -> {
					String name = Attr.chomp(data);
					if (name.length() >= 64) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.clusterName = name;
				}));
		r.add(Attr.roQueued("trace_cmds", () -> ""));
		r.add(Attr.roQueued("trace_mcmds", () -> ""));
		r.dir("handlers");
		r.dir("devices");
		r.dir("targets");
		Node.Dir deviceGroups = r.dir("device_groups");
		new SimAlua(this.sim, deviceGroups);
		buildSgv(r.dir("sgv"));
	}

	private String version() {
		return "SCST version: " + SCST_VERSION + "\n" + "SCST build date: " + this.buildDate + "\n"
				+ "SCST build number: 9378\n" + "SCST git commit sha1: aa5cc2dd70f9\n" + "SCST kver: "
				+ System.getProperty("os.version") + "\n" + "SCST arch type: x86_64\n" + "SCST config: TRACING\n";
	}

	private void writeSuspend(String data) {
		long value = KernelNumbers.parseLong(data);
		if (value >= 0) {
			this.suspendCount++;
		}
		else if (this.suspendCount > 0) {
			this.suspendCount--;
		}
	}

	private void buildSgv(Node.Dir sgv) {
		sgv.add(Attr.rw("global_stats", () -> String.format(Locale.ROOT, "%-43s%d\n", "Inactive pages", 0), (data) -> {
		}));
		List<String> caches = new ArrayList<>(List.of("sgv", "sgv-clust", "sgv-dma"));
		for (int cpu = 0; cpu < this.sim.cpus(); cpu++) {
			caches.add("sgv-" + cpu);
			caches.add("sgv-clust-" + cpu);
			caches.add("sgv-dma-" + cpu);
		}
		for (String cache : caches) {
			sgv.dir(cache).add(Attr.rw("stats", () -> sgvStats(cache), (data) -> {
			}));
		}
	}

	private static String sgvStats(String cache) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%-30s %-11s %-11s %-11s %s\n", "Name", "Hit", "Total", "% merged",
				"Cached (P/I/O)"));
		out.append(String.format(Locale.ROOT, "%-30s %-11d %-11d %-11d %d/%d/%d\n", cache, 0, 0, 0, 0, 0, 0));
		for (int kb = 4; kb <= 4096; kb *= 2) {
			out.append(String.format(Locale.ROOT, "  %-28s %-11d %-11d %d\n", cache + "-" + kb + "K", 0, 0, 0));
		}
		out.append(String.format(Locale.ROOT, "  %-40s %-11s %s\n", "big/other", "0/0", "0/0"));
		return out.toString();
	}

}
