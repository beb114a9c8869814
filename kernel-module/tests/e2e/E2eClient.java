// SPDX-License-Identifier: GPL-2.0
//
// The scst-manager walkthrough over HTTP, for server-e2e.sh: the same program runs
// against the server in a VM on the real kernel and against the simulator on the host,
// and their answers are compared. JDK only (java.net.http and a small JSON reader), one
// file, Java 17.
//
//   java E2eClient walk     --base=URL --token-file=F --files=DIR --state=F [--io=true]
//   java E2eClient restored --base=URL --token-file=F --files=DIR --state=F
//   java E2eClient errors   --base=URL --token-file=F --files=DIR [--io=true]
//   java E2eClient compare  --kernel=F --simulator=F --known=F [--replace=FROM=>TO]...
//
// walk and restored print one JSON line per step on stdout ("E2E {...}": step, request,
// status, expected status, ok, body) and exit 1 when an expectation failed. compare
// flattens both outputs to "step path = value" lines, normalises what is volatile
// (times, ETags, counters, request ids), prints every difference and exits 1 when one
// is not matched by a pattern of the known-differences file.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

public final class E2eClient {

	static final String API = "/api/v1";

	static final String DRV = API + "/target-drivers/scst_local";

	static final String TGT = DRV + "/targets/e2e_tgt";

	static final String TGT2 = DRV + "/targets/e2e_tgt2";

	/** Metric names README.md documents; each must be in a scrape. */
	static final List<String> METRICS = List.of("scst_up", "scst_snapshot_duration_seconds", "scst_build_info",
			"scst_threads", "scst_target_sessions", "scst_target_luns", "scst_session_commands_in_flight",
			"scst_session_active_commands", "scst_session_completed_commands_total",
			"scst_session_transferred_bytes_total", "scst_session_unaligned_commands_total", "scst_device_info",
			"scst_device_size_bytes", "scst_device_block_size_bytes", "scst_device_read_only",
			"scst_device_exported_luns", "scst_local_error_handler_requests_total",
			"scst_metrics_dropped_objects_total", "scst_management_operations_seconds_count",
			"scst_management_operations_seconds_sum", "scst_management_operations_seconds_max");

	final Map<String, String> opts;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	final String base;

	final String token;

	final String files;

	int failures;

	int steps;

	E2eClient(Map<String, String> opts) throws IOException {
		this.opts = opts;
		this.base = opt("base");
		this.token = Files.readString(Path.of(opt("token-file"))).strip();
		this.files = opts.getOrDefault("files", "/var/lib/scst-manager");
	}

	String opt(String name) {
		String v = this.opts.get(name);
		if (v == null) {
			throw new IllegalArgumentException("missing --" + name + "=...");
		}
		return v;
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: E2eClient walk|restored|compare --key=value...");
			System.exit(2);
		}
		Map<String, String> opts = new LinkedHashMap<>();
		List<String> replaces = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String a = args[i];
			int eq = a.indexOf('=');
			if (!a.startsWith("--") || eq < 0) {
				System.err.println("bad argument " + a);
				System.exit(2);
			}
			if (a.startsWith("--replace=")) {
				replaces.add(a.substring(eq + 1));
			}
			else {
				opts.put(a.substring(2, eq), a.substring(eq + 1));
			}
		}
		int rc;
		switch (args[0]) {
			case "walk" -> rc = new E2eClient(opts).walk();
			case "restored" -> rc = new E2eClient(opts).restored();
			case "errors" -> rc = new E2eClient(opts).errors();
			case "compare" -> rc = compare(opts, replaces);
			default -> {
				System.err.println("unknown mode " + args[0]);
				rc = 2;
			}
		}
		System.exit(rc);
	}

	// ---------------------------------------------------------------- the walkthrough

	int walk() throws Exception {
		boolean io = Boolean.parseBoolean(this.opts.getOrDefault("io", "false"));
		String fileImg = this.files + "/e2e_file.img";
		String blockImg = this.files + "/e2e_block.img";
		String blockDev = this.opts.getOrDefault("blockdev", "/dev/loop0");

		call("scst", "GET", API + "/scst", null, 200);
		Object handlers = call("handlers", "GET", API + "/handlers", null, 200).json;
		expect("handlers-four", names(handlers).containsAll(
				List.of("vcdrom", "vdisk_blockio", "vdisk_fileio", "vdisk_nullio")), "the four vdisk handlers");
		call("driver-scst_local", "GET", DRV, null, 200);

		// devices of each handler
		call("device-nullio", "POST", API + "/devices",
				"{\"name\":\"e2e_null\",\"handler\":\"vdisk_nullio\",\"size\":67108864}", 201);
		call("device-fileio", "POST", API + "/devices",
				"{\"name\":\"e2e_file\",\"handler\":\"vdisk_fileio\",\"filename\":\"" + fileImg + "\"}", 201);
		call("device-blockio", "POST", API + "/devices",
				"{\"name\":\"e2e_block\",\"handler\":\"vdisk_blockio\",\"filename\":\"" + blockDev + "\"}", 201);
		// vdisk_blockio opens its backing as a block device: a regular file is ENOTBLK,
		// unless the device is created inactive (then activating it is)
		call("device-blockio-regular-file", "POST", API + "/devices",
				"{\"name\":\"e2e_bfile\",\"handler\":\"vdisk_blockio\",\"filename\":\"" + blockImg + "\"}", 422);
		call("device-blockio-inactive", "POST", API + "/devices", "{\"name\":\"e2e_binact\",\"handler\":"
				+ "\"vdisk_blockio\",\"filename\":\"" + blockImg + "\",\"parameters\":{\"active\":\"0\"}}", 201);
		call("device-blockio-activate", "PATCH", API + "/devices/e2e_binact",
				"{\"attributes\":{\"active\":\"1\"}}", 422);
		call("device-blockio-inactive-delete", "DELETE", API + "/devices/e2e_binact", null, 204);
		call("device-vcdrom", "POST", API + "/devices", "{\"name\":\"e2e_cd\",\"handler\":\"vcdrom\"}", 201);
		for (String d : List.of("e2e_null", "e2e_file", "e2e_block", "e2e_cd")) {
			call("device-get-" + d, "GET", API + "/devices/" + d, null, 200);
		}
		call("device-duplicate", "POST", API + "/devices",
				"{\"name\":\"e2e_null\",\"handler\":\"vdisk_nullio\",\"size\":4096}", 409);
		call("device-missing-file", "POST", API + "/devices",
				"{\"name\":\"e2e_missing\",\"handler\":\"vdisk_fileio\",\"filename\":\"" + this.files
						+ "/missing.img\"}",
				422);
		call("device-outside-allowed", "POST", API + "/devices",
				"{\"name\":\"e2e_etc\",\"handler\":\"vdisk_fileio\",\"filename\":\"/etc/passwd\"}", 403);
		call("devices-list", "GET", API + "/devices", null, 200);

		// target, LUNs, session
		call("target-create", "POST", DRV + "/targets", "{\"name\":\"e2e_tgt\"}", 201);
		call("target-duplicate", "POST", DRV + "/targets", "{\"name\":\"e2e_tgt\"}", 409);
		String[] luns = { "e2e_file", "e2e_null", "e2e_block", "e2e_cd" };
		for (int i = 0; i < luns.length; i++) {
			call("lun-put-" + i, "PUT", TGT + "/luns/" + i, "{\"device\":\"" + luns[i] + "\"}", 201);
		}
		call("lun-put-again", "PUT", TGT + "/luns/1", "{\"device\":\"e2e_null\"}", 200);
		call("luns-list", "GET", TGT + "/luns", null, 200);
		call("device-delete-exported", "DELETE", API + "/devices/e2e_null", null, 409);
		Answer host1 = call("session-create", "POST", TGT + "/sessions", "{\"name\":\"e2e_host1\"}", 201);
		expectAttached("session-create-attached", host1.json, 4);
		call("session-get", "GET", TGT + "/sessions/e2e_host1", null, 200);

		// a repeated create is 409 and opens no second session
		call("session-repeat", "POST", TGT + "/sessions", "{\"name\":\"e2e_host1\"}", 409);
		Object sessions = call("sessions-after-repeat", "GET", TGT + "/sessions", null, 200).json;
		expect("session-repeat-no-second", names(sessions).equals(List.of("e2e_host1")),
				"exactly one session e2e_host1, got " + names(sessions));

		// a LUN added to and removed from a target with a live session: the answers list
		// the Linux devices that appeared and went (our scst_local removes a removed LUN's
		// devices; remove_stale_devices=Y tells the server to wait for that)
		Answer live = call("lun-put-live", "PUT", TGT + "/luns/4", "{\"device\":\"e2e_null\"}", 201);
		expectDevices("lun-put-live-appeared", live.json, "appeared");
		Answer gone = call("lun-delete-live", "DELETE", TGT + "/luns/4", null, 200);
		expectDevices("lun-delete-live-gone", gone.json, "gone");
		expectAttached("lun-delete-live-session", call("lun-delete-live-session-get", "GET",
				TGT + "/sessions/e2e_host1", null, 200).json, 4);

		// initiator group with an initiator and a LUN, and a session that falls into it
		call("group-create", "POST", TGT + "/ini-groups", "{\"name\":\"e2e_grp\"}", 201);
		call("initiator-add", "POST", TGT + "/ini-groups/e2e_grp/initiators", "{\"name\":\"e2e_ini\"}", 201);
		call("group-lun-put", "PUT", TGT + "/ini-groups/e2e_grp/luns/0", "{\"device\":\"e2e_null\"}", 201);
		call("group-get", "GET", TGT + "/ini-groups/e2e_grp", null, 200);
		Answer ini = call("group-session-create", "POST", TGT + "/sessions", "{\"name\":\"e2e_ini\"}", 201);
		expect("group-session-in-group", "e2e_grp".equals(get(ini.json, "group")), "session e2e_ini in e2e_grp");
		expectAttached("group-session-attached", ini.json, 1);
		// every save so far took the new devices (but the blockio one), the target, its
		// LUNs, sessions, group and initiator from the steps instead of reading them back
		// (KeyMarks); the drift reads everything and compares
		Object created = call("drift-after-creates", "GET", API + "/config/drift", null, 200).json;
		expect("drift-after-creates-in-sync", Boolean.TRUE.equals(get(created, "inSync")),
				"inSync after the creates, got " + get(created, "differences"));
		call("group-delete-in-use", "DELETE", TGT + "/ini-groups/e2e_grp", null, 409);
		call("target-get", "GET", TGT, null, 200);

		// exports in one step
		call("export", "POST", API + "/exports", "{\"device\":\"e2e_file\",\"driver\":\"scst_local\","
				+ "\"target\":\"e2e_tgt\",\"initiator\":\"e2e_exp\",\"lun\":0}", 201);

		// stats, metrics
		call("stats", "GET", API + "/stats", null, 200);
		prometheus();

		// config export, plan, apply, drift right after apply
		String conf = call("config-text", "GET", API + "/config", null, 200, "text/plain").text;
		call("config-json", "GET", API + "/config", null, 200);
		call("plan-same", "POST", API + "/config/plan", conf, 200, "text/plain");
		// one more device and a LUN of it: two steps
		String more = conf.replace("HANDLER vdisk_nullio {\n",
				"HANDLER vdisk_nullio {\n\tDEVICE e2e_null2 {\n\t\tsize 1048576\n\t}\n\n")
			.replace("\t\tLUN 2 e2e_block\n", "\t\tLUN 2 e2e_block\n\t\tLUN 4 e2e_null2\n");
		Object plan = call("plan-more", "POST", API + "/config/plan", more, 200, "text/plain").json;
		expect("plan-more-steps", size(get(plan, "steps")) == 2, "2 steps (device, LUN)");
		call("apply", "PUT", API + "/config", more, 200, "text/plain");
		Object drift = call("drift-after-apply", "GET", API + "/config/drift", null, 200).json;
		expect("drift-in-sync", Boolean.TRUE.equals(get(drift, "inSync")), "inSync right after apply");
		call("plan-after-apply", "POST", API + "/config/plan", more, 200, "text/plain");
		call("apply-again", "PUT", API + "/config", more, 200, "text/plain");

		// 20 sessions in a row, under I/O on e2e_host1's disks
		Process dd = io ? startIo(host1.json) : null;
		note("io", io ? "dd running" : "no I/O (simulator)");
		for (int i = 1; i <= 20; i++) {
			String name = String.format("e2e_s%02d", i);
			Answer a = call("many-create-" + name, "POST", TGT + "/sessions", "{\"name\":\"" + name + "\"}", 201);
			expectAttached("many-attached-" + name, a.json, 5);
		}
		for (int i = 1; i <= 20; i++) {
			String name = String.format("e2e_s%02d", i);
			call("many-delete-" + name, "DELETE", TGT + "/sessions/" + name, null, 204);
		}
		if (dd != null) {
			stopIo(dd);
		}
		call("sessions-after-many", "GET", TGT + "/sessions", null, 200);
		call("drift-before-restart", "GET", API + "/config/drift", null, 200);

		// what restored must find again
		Answer saved = call("config-before-restart", "GET", API + "/config", null, 200);
		Files.writeString(Path.of(opt("state")), saved.text);
		return done();
	}

	int restored() throws Exception {
		Object report = call("restore-report", "GET", API + "/config/restore-report", null, 200).json;
		expect("restore-done", "done".equals(get(report, "status")), "restore status done");
		List<String> failed = new ArrayList<>();
		for (Object o : list(get(report, "objects"))) {
			if ("failed".equals(get(o, "status"))) {
				failed.add(get(o, "object") + ": " + get(o, "detail"));
			}
		}
		expect("restore-no-failed", failed.isEmpty(), "no failed object, got " + failed);
		Answer now = call("config-after-restart", "GET", API + "/config", null, 200);
		Object before = Json.parse(Files.readString(Path.of(opt("state"))));
		expect("restore-equal", Objects.equals(before, now.json), "the configuration before the restart");
		Object drift = call("drift-after-restart", "GET", API + "/config/drift", null, 200).json;
		expect("drift-after-restart-in-sync", Boolean.TRUE.equals(get(drift, "inSync")), "inSync");
		Answer host1 = call("session-after-restart", "GET", TGT + "/sessions/e2e_host1", null, 200);
		expectAttached("session-after-restart-attached", host1.json, 5);

		// delete everything, leaf first
		call("delete-session-ini", "DELETE", TGT + "/sessions/e2e_ini", null, 204);
		call("delete-session-host1", "DELETE", TGT + "/sessions/e2e_host1", null, 204);
		call("delete-initiator", "DELETE", TGT + "/ini-groups/e2e_grp/initiators/e2e_ini", null, 204);
		call("delete-group-luns", "DELETE", TGT + "/ini-groups/e2e_grp/luns", null, 200);
		call("delete-group", "DELETE", TGT + "/ini-groups/e2e_grp", null, 204);
		call("delete-export-initiators", "DELETE", TGT + "/ini-groups/e2e_exp/initiators", null, 204);
		call("delete-export-group-luns", "DELETE", TGT + "/ini-groups/e2e_exp/luns", null, 200);
		call("delete-export-group-empty", "DELETE", TGT + "/ini-groups/e2e_exp", null, 204);
		call("delete-lun-0", "DELETE", TGT + "/luns/0", null, 200);
		call("delete-luns", "DELETE", TGT + "/luns", null, 200);
		call("delete-target", "DELETE", TGT, null, 204);
		for (String d : List.of("e2e_null", "e2e_null2", "e2e_file", "e2e_block", "e2e_cd")) {
			call("delete-device-" + d, "DELETE", API + "/devices/" + d, null, 204);
		}
		call("delete-device-again", "DELETE", API + "/devices/e2e_null", null, 404);
		Object devices = call("devices-after-delete", "GET", API + "/devices", null, 200).json;
		expect("devices-none-left", names(devices).stream().noneMatch(n -> n.startsWith("e2e_")), "no e2e_ device");
		call("targets-after-delete", "GET", DRV + "/targets", null, 200);
		call("config-after-delete", "GET", API + "/config", null, 200, "text/plain");
		call("drift-after-delete", "GET", API + "/config/drift", null, 200);
		return done();
	}

	/**
	 * Asynchronous and error paths (issue 19), on a tree that {@link #restored} left
	 * empty: an {@code EAGAIN} resolved through {@code last_sysfs_mgmt_res} and one that
	 * outlives the management timeout, commands the kernel refuses, a busy device, a
	 * backing file that disappears and a session deleted while I/O runs on its disk.
	 */
	int errors() throws Exception {
		boolean io = Boolean.parseBoolean(this.opts.getOrDefault("io", "false"));
		Path fifo = Path.of(this.files, "e2e_fifo");
		Files.deleteIfExists(fifo);
		exec("mkfifo", fifo.toString());
		String fifoDevice = "{\"name\":\"e2e_fifo\",\"handler\":\"vdisk_fileio\",\"filename\":\"" + fifo + "\"}";

		// (a) EAGAIN: vdisk's open of a FIFO (O_RDONLY, under scst_mutex) waits for a
		// writer; SCST answers EAGAIN after its 15 s wait and the server polls
		// last_sysfs_mgmt_res. A writer at 20 s: the result (-EINVAL) comes through it.
		Thread release = releaseFifo(fifo, 20_000);
		Answer a = call("eagain-result", "POST", API + "/devices", fifoDevice, 422);
		release.join();
		expectProblem("eagain-result-problem", a.json, "EINVAL", 22, -22L);
		expect("eagain-result-waited", a.ms() >= 14_000,
				"answered after SCST's 15 s wait (EAGAIN) and the poll, took " + a.ms() + " ms");
		call("eagain-result-no-device", "GET", API + "/devices/e2e_fifo", null, 404);
		// A writer only at 35 s: 15 s until EAGAIN, 10 s of polling (mgmt-timeout) then
		// 503 busy with Retry-After; the command still fails later, nothing is created.
		release = releaseFifo(fifo, 35_000);
		Answer b = call("eagain-busy", "POST", API + "/devices", fifoDevice, 503);
		expect("eagain-busy-retry-after", b.retryAfter() != null, "a Retry-After header");
		release.join();
		Thread.sleep(2000);
		call("eagain-busy-no-device", "GET", API + "/devices/e2e_fifo", null, 404);
		Files.delete(fifo);

		// (b) commands the kernel refuses: the problem carries the errno and its message
		Answer missing = call("refused-missing-file", "POST", API + "/devices", "{\"name\":\"e2e_missing\","
				+ "\"handler\":\"vdisk_fileio\",\"filename\":\"" + this.files + "/missing.img\"}", 422);
		expectProblem("refused-missing-file-problem", missing.json, "ENOENT", 2, -2L);
		// vdisk_fileio: "Write options on read only device" (the server passes both on)
		Path ro = Path.of(this.files, "e2e_ro.img");
		try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(ro.toFile(), "rw")) {
			f.setLength(1 << 20);
		}
		Answer rowt = call("refused-read-only-write-through", "POST", API + "/devices", "{\"name\":\"e2e_ro\","
				+ "\"handler\":\"vdisk_fileio\",\"filename\":\"" + ro + "\","
				+ "\"parameters\":{\"read_only\":\"1\",\"write_through\":\"1\"}}", 422);
		expectProblem("refused-read-only-write-through-problem", rowt.json, "EINVAL", 22, -22L);
		call("refused-no-device", "GET", API + "/devices/e2e_ro", null, 404);
		Files.delete(ro);

		// (d) a backing file that disappears, and (e) a session deleted under I/O
		Path gone = Path.of(this.files, "e2e_gone.img");
		try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(gone.toFile(), "rw")) {
			f.setLength(1 << 20);
		}
		call("gone-device", "POST", API + "/devices",
				"{\"name\":\"e2e_gone\",\"handler\":\"vdisk_fileio\",\"filename\":\"" + gone + "\"}", 201);
		call("io-null-device", "POST", API + "/devices",
				"{\"name\":\"e2e_ionull\",\"handler\":\"vdisk_nullio\",\"size\":67108864}", 201);
		call("tgt2-create", "POST", DRV + "/targets", "{\"name\":\"e2e_tgt2\"}", 201);
		call("tgt2-lun-0", "PUT", TGT2 + "/luns/0", "{\"device\":\"e2e_gone\"}", 201);
		call("tgt2-lun-1", "PUT", TGT2 + "/luns/1", "{\"device\":\"e2e_ionull\"}", 201);
		Answer s = call("tgt2-session", "POST", TGT2 + "/sessions", "{\"name\":\"e2e_io\"}", 201);
		expectAttached("tgt2-session-attached", s.json, 2);
		String goneDev = blockDevice(s.json, 0);
		String nullDev = blockDevice(s.json, 1);
		if (io) {
			ioStep("io-gone-read-before", "dd if=" + goneDev + " of=/dev/null bs=64k", true);
		}
		Files.delete(gone);
		call("gone-get", "GET", API + "/devices/e2e_gone", null, 200);
		if (io) {
			// vdisk_fileio keeps the file it opened for the session: the unlinked inode
			ioStep("io-gone-read-after", "dd if=" + goneDev + " of=/dev/null bs=64k iflag=direct", true);
			ioStep("io-gone-write-after", "dd if=/dev/zero of=" + goneDev + " bs=64k count=16 oflag=direct", true);
		}
		Answer resync = call("gone-resync", "POST", API + "/devices/e2e_gone/resync-size", null, 422);
		expectProblem("gone-resync-problem", resync.json, "ENOENT", 2, null);
		// (c) a busy device: exported, so not deleted
		call("busy-delete-exported", "DELETE", API + "/devices/e2e_gone", null, 409);

		Process dd = null;
		if (io) {
			// (e) writes to the nullio LUN until the session goes
			Files.deleteIfExists(Path.of("/tmp/e2e-dd.rc"));
			dd = new ProcessBuilder("sh", "-c", "n=0; while :; do dd if=/dev/zero of=" + nullDev
					+ " bs=64k count=256 oflag=direct 2>/tmp/e2e-dd.err; r=$?; [ $r = 0 ] || break; "
					+ "n=$((n + 1)); done; echo \"$r $n\" > /tmp/e2e-dd.rc").inheritIO().start();
			Thread.sleep(3000);
			expect("io-dd-running", dd.isAlive(), "dd writing to " + nullDev + " before the delete");
		}
		call("session-delete-under-io", "DELETE", TGT2 + "/sessions/e2e_io", null, 204);
		if (dd != null) {
			boolean ended = dd.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
			String rc = ended ? Files.readString(Path.of("/tmp/e2e-dd.rc")).strip() : "still running";
			String err = Files.exists(Path.of("/tmp/e2e-dd.err"))
					? Files.readString(Path.of("/tmp/e2e-dd.err")).strip().replace('\n', '|') : "";
			note("io-dd-after-delete", "dd loop: exit status and rounds " + rc + "; last dd said: " + err);
			expect("io-dd-ended", ended && !rc.startsWith("0 "),
					"dd stopped with an error once the session (and its disk) was gone: " + rc);
			if (!ended) {
				dd.destroyForcibly();
			}
		}
		call("tgt2-sessions-after-delete", "GET", TGT2 + "/sessions", null, 200);

		// clean up
		call("tgt2-delete-luns", "DELETE", TGT2 + "/luns", null, 200);
		call("tgt2-delete", "DELETE", TGT2, null, 204);
		call("gone-delete", "DELETE", API + "/devices/e2e_gone", null, 204);
		call("io-null-delete", "DELETE", API + "/devices/e2e_ionull", null, 204);
		Object devices = call("errors-devices-after", "GET", API + "/devices", null, 200).json;
		expect("errors-none-left", names(devices).stream().noneMatch(n -> n.startsWith("e2e_")), "no e2e_ device");
		return done();
	}

	/** A thread that opens the FIFO read-write (never blocks, counts as a writer) later. */
	static Thread releaseFifo(Path fifo, long afterMs) {
		Thread t = new Thread(() -> {
			try {
				Thread.sleep(afterMs);
				try (java.io.RandomAccessFile w = new java.io.RandomAccessFile(fifo.toFile(), "rw")) {
					Thread.sleep(w.getFD().valid() ? 200 : 0);
				}
			}
			catch (Exception ex) {
				System.err.println("e2e: releasing " + fifo + " failed: " + ex);
			}
		});
		t.setDaemon(true);
		t.start();
		return t;
	}

	static void exec(String... command) throws Exception {
		Process p = new ProcessBuilder(command).inheritIO().start();
		if (p.waitFor() != 0) {
			throw new IOException(String.join(" ", command) + " failed");
		}
	}

	/** A shell command of the guest's I/O; expected to succeed or fail. */
	void ioStep(String step, String command, boolean succeeds) throws Exception {
		Process p = new ProcessBuilder("sh", "-c", command + " 2>&1").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		int rc = p.waitFor();
		note(step + "-output", command + ": exit " + rc + ": " + out.replace('\n', '|'));
		expect(step, (rc == 0) == succeeds, command + (succeeds ? " succeeds" : " fails") + ", exit " + rc);
	}

	// the /dev node of a session's LUN, or null
	static String blockDevice(Object session, long lun) {
		for (Object l : list(get(session, "luns"))) {
			if (Long.valueOf(lun).equals(get(l, "lun")) && get(l, "linux") != null) {
				return (String) get(get(l, "linux"), "blockDevice");
			}
		}
		return null;
	}

	// a kernel-rejected problem: its errno, the message in the detail, the result slot
	void expectProblem(String step, Object problem, String errno, long code, Long lastResult) {
		String detail = String.valueOf(get(problem, "detail"));
		boolean ok = "urn:scst-mgmt:problem:kernel-rejected".equals(get(problem, "type"))
				&& errno.equals(get(problem, "errno")) && Long.valueOf(code).equals(get(problem, "errnoCode"))
				&& detail.contains(errno + " (") && (lastResult == null || lastResult.equals(get(problem, "lastSysfsMgmtRes")));
		expect(step, ok, "kernel-rejected, errno " + errno + " (" + code + ") with its message in the detail"
				+ (lastResult == null ? "" : ", lastSysfsMgmtRes " + lastResult) + "; got " + Json.write(problem));
	}

	int done() {
		line(Map.of("step", "summary", "steps", this.steps, "failures", this.failures));
		return this.failures == 0 ? 0 : 1;
	}

	void prometheus() throws Exception {
		Answer a = call("prometheus", "GET", "/actuator/prometheus", null, 200, "text/plain", false);
		TreeSet<String> names = new TreeSet<>();
		List<String> series = new ArrayList<>();
		for (String l : a.text.split("\n")) {
			if (l.isEmpty() || l.startsWith("#")) {
				continue;
			}
			int end = l.indexOf('{');
			int sp = l.lastIndexOf(' ');
			String name = l.substring(0, end < 0 ? sp : end);
			names.add(name);
			// our objects' series, with their values where they are not counters
			if (l.contains("e2e_") && !name.startsWith("scst_management")) {
				series.add(name.contains("_total") || name.contains("commands") ? l.substring(0, sp) + " <n>" : l);
			}
		}
		List<String> missing = new ArrayList<>();
		for (String m : METRICS) {
			if (!names.contains(m)) {
				missing.add(m);
			}
		}
		series.sort(null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("missing", missing);
		body.put("series", series);
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("step", "prometheus-metrics");
		l.put("ok", missing.isEmpty());
		l.put("body", body);
		this.steps++;
		if (!missing.isEmpty()) {
			this.failures++;
			l.put("why", "metrics missing from the scrape");
		}
		line(l);
	}

	// the guest's /dev/sdX of e2e_host1's LUNs 0 (fileio) and 1 (nullio), read and written
	Process startIo(Object session) throws IOException {
		String read = null;
		String write = null;
		for (Object l : list(get(session, "luns"))) {
			Object linux = get(l, "linux");
			Object lun = get(l, "lun");
			if (linux != null && Long.valueOf(0).equals(lun)) {
				read = (String) get(linux, "blockDevice");
			}
			if (linux != null && Long.valueOf(1).equals(lun)) {
				write = (String) get(linux, "blockDevice");
			}
		}
		if (read == null || write == null) {
			expect("io-devices", false, "LUNs 0 and 1 of e2e_host1 have /dev nodes");
			return null;
		}
		String sh = "rm -f /tmp/e2e-io.*; n=0; while [ ! -e /tmp/e2e-io.stop ]; do "
				+ "dd if=" + read + " of=/dev/null bs=64k 2>/tmp/e2e-io.err || { cat /tmp/e2e-io.err; echo x >> /tmp/e2e-io.fail; }; "
				+ "dd if=/dev/zero of=" + write + " bs=64k count=256 2>/tmp/e2e-io.err || { cat /tmp/e2e-io.err; echo x >> /tmp/e2e-io.fail; }; "
				+ "n=$((n + 1)); done; echo $n > /tmp/e2e-io.rounds";
		System.err.println("e2e: I/O on " + read + " (read) and " + write + " (write)");
		return new ProcessBuilder("sh", "-c", sh).inheritIO().start();
	}

	void stopIo(Process dd) throws Exception {
		Files.writeString(Path.of("/tmp/e2e-io.stop"), "");
		dd.waitFor();
		String rounds = Files.readString(Path.of("/tmp/e2e-io.rounds")).strip();
		boolean failed = Files.exists(Path.of("/tmp/e2e-io.fail"));
		note("io-result", rounds + " rounds of dd during the 20 sessions" + (failed ? ", with failures" : ""));
		expect("io-no-errors", !failed && !rounds.equals("0"), "dd rounds without error during the sessions");
	}

	// ---------------------------------------------------------------- HTTP

	record Answer(int status, String text, Object json, long ms, String retryAfter) {
	}

	Answer call(String step, String method, String path, String body, int expected) throws Exception {
		return call(step, method, path, body, expected, "application/json", true);
	}

	Answer call(String step, String method, String path, String body, int expected, String type)
			throws Exception {
		return call(step, method, path, body, expected, type, true);
	}

	Answer call(String step, String method, String path, String body, int expected, String type, boolean print)
			throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", type.equals("text/plain") && method.equals("GET") ? "text/plain"
					: "application/json, application/problem+json");
		if (body != null) {
			b.header("Content-Type", type);
		}
		b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		long t0 = System.nanoTime();
		HttpResponse<String> r = this.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		long ms = (System.nanoTime() - t0) / 1_000_000;
		String text = r.body();
		Object json = null;
		String ct = r.headers().firstValue("Content-Type").orElse("");
		if (ct.contains("json") && !text.isEmpty()) {
			json = Json.parse(text);
		}
		this.steps++;
		boolean ok = r.statusCode() == expected;
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("step", step);
		l.put("method", method);
		l.put("path", path);
		l.put("status", r.statusCode());
		l.put("expected", expected);
		l.put("ok", ok);
		l.put("ms", ms);
		r.headers().firstValue("Location").ifPresent(v -> l.put("location", v.replace(this.base, "")));
		r.headers().firstValue("Retry-After").ifPresent(v -> l.put("retryAfter", v));
		if (print) {
			l.put("body", json != null ? json : text);
		}
		if (!ok) {
			this.failures++;
			l.put("why", "status " + r.statusCode() + ", expected " + expected);
		}
		line(l);
		return new Answer(r.statusCode(), text, json, ms, r.headers().firstValue("Retry-After").orElse(null));
	}

	void expect(String step, boolean ok, String what) {
		this.steps++;
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("step", step);
		l.put("ok", ok);
		l.put("expect", what);
		if (!ok) {
			this.failures++;
		}
		line(l);
	}

	void note(String step, String what) {
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("step", step);
		l.put("note", what);
		line(l);
	}

	// every LUN of a session answer has its Linux device, with its /dev nodes (sd or sr
	// and sg: the guest loads all three), and is attached
	void expectAttached(String step, Object session, int luns) {
		List<Object> l = list(get(session, "luns"));
		List<String> bad = new ArrayList<>();
		for (Object o : l) {
			Object linux = get(o, "linux");
			if (linux == null || get(linux, "blockDevice") == null || get(linux, "genericDevice") == null
					|| !Boolean.TRUE.equals(get(o, "attached"))) {
				bad.add("LUN " + get(o, "lun") + " linux=" + Json.write(get(o, "linux")) + " attached="
						+ get(o, "attached"));
			}
		}
		expect(step, l.size() == luns && bad.isEmpty(),
				luns + " LUNs, each with linux and attached; got " + l.size() + (bad.isEmpty() ? "" : ", " + bad));
	}

	// a LUN answer on a target with the one session e2e_host1: LUN 4's device with its
	// sd and sg nodes in "which" (appeared or gone), nothing in the other list, every LUN
	// attached
	void expectDevices(String step, Object answer, String which) {
		List<Object> sessions = list(get(answer, "sessions"));
		Object s = sessions.isEmpty() ? null : sessions.get(0);
		List<Object> devices = list(get(s, which));
		Object d = devices.isEmpty() ? null : devices.get(0);
		String other = which.equals("appeared") ? "gone" : "appeared";
		boolean ok = sessions.size() == 1 && "e2e_host1".equals(get(s, "session")) && devices.size() == 1
				&& Long.valueOf(4).equals(get(d, "lun")) && get(d, "blockDevice") != null
				&& get(d, "genericDevice") != null && size(get(s, other)) == 0 && size(get(s, "notAttached")) == 0;
		expect(step, ok, "session e2e_host1 with LUN 4's device (sd and sg) " + which + ", got " + Json.write(sessions));
	}

	static void line(Map<String, ?> l) {
		System.out.println("E2E " + Json.write(l));
		System.out.flush();
	}

	static Object get(Object o, String key) {
		return (o instanceof Map<?, ?> m) ? m.get(key) : null;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object o) {
		return (o instanceof List<?> l) ? (List<Object>) l : List.of();
	}

	static int size(Object o) {
		return list(o).size();
	}

	static List<String> names(Object o) {
		List<String> n = new ArrayList<>();
		for (Object e : list(o)) {
			n.add(String.valueOf(get(e, "name")));
		}
		return n;
	}

	// ---------------------------------------------------------------- compare

	/** A known difference: a pattern over "step path" keys, and why it is expected. */
	record Known(Pattern key, String reason) {
	}

	static int compare(Map<String, String> opts, List<String> replaces) throws IOException {
		List<Known> known = new ArrayList<>();
		for (String l : Files.readAllLines(Path.of(opts.get("known")))) {
			if (l.isBlank() || l.startsWith("#")) {
				continue;
			}
			int sep = l.indexOf(" :: ");
			known.add(new Known(Pattern.compile(sep < 0 ? l.strip() : l.substring(0, sep).strip()),
					sep < 0 ? "" : l.substring(sep + 4).strip()));
		}
		Map<String, String> k = flatten(Path.of(opts.get("kernel")), replaces);
		Map<String, String> s = flatten(Path.of(opts.get("simulator")), replaces);
		TreeSet<String> keys = new TreeSet<>(k.keySet());
		keys.addAll(s.keySet());
		int unexplained = 0;
		int explained = 0;
		Map<String, Integer> perReason = new TreeMap<>();
		for (String key : keys) {
			String a = k.get(key);
			String b = s.get(key);
			if (Objects.equals(a, b)) {
				continue;
			}
			String reason = null;
			for (Known kn : known) {
				if (kn.key().matcher(key).find()) {
					reason = kn.reason();
					break;
				}
			}
			String text = key + "\n    kernel:    " + (a == null ? "(absent)" : a) + "\n    simulator: "
					+ (b == null ? "(absent)" : b);
			if (reason == null) {
				unexplained++;
				System.out.println("DIFF " + text);
			}
			else {
				explained++;
				perReason.merge(reason, 1, Integer::sum);
				if (Boolean.parseBoolean(opts.getOrDefault("verbose", "false"))) {
					System.out.println("KNOWN " + text + "\n    (" + reason + ")");
				}
			}
		}
		perReason.forEach((r, n) -> System.out.println("KNOWN x" + n + ": " + r));
		System.out.println("compare: " + k.size() + " kernel values, " + s.size() + " simulator values, "
				+ explained + " known differences, " + unexplained + " unexplained");
		return unexplained == 0 ? 0 : 1;
	}

	/** Volatile values: keys whose values are replaced by a placeholder. */
	static final Pattern VOLATILE = Pattern.compile(
			"\\.(ms|time|timestamp|lastSaved|requestId|etag|currentEtag|instance|savedFile|took|takenAt)$"
					+ "|\\.save\\.millis$"
					+ "|\\.counters\\.[a-z_]+$|\\.directions\\[[^]]*\\]\\.[a-zA-Z]+$"
					+ "|\\.attributes\\.[a-z_]*(_cmd_count|_io_count_kb|commands)\\.value$");

	/** Durations inside texts ("busy after 25014 ms"). */
	static final Pattern MILLIS = Pattern.compile("\\b[0-9]+ ms\\b");

	static Map<String, String> flatten(Path file, List<String> replaces) throws IOException {
		Map<String, String> out = new TreeMap<>();
		for (String l : Files.readAllLines(file)) {
			int at = l.indexOf("E2E {");
			if (at < 0) {
				continue;
			}
			Object o = Json.parse(l.substring(at + 4));
			String step = String.valueOf(get(o, "step"));
			if (get(o, "note") != null) {
				continue;
			}
			flat(step, o, out, replaces);
		}
		return out;
	}

	static void flat(String key, Object o, Map<String, String> out, List<String> replaces) {
		if (o instanceof Map<?, ?> m) {
			for (Map.Entry<?, ?> e : m.entrySet()) {
				flat(key + "." + e.getKey(), e.getValue(), out, replaces);
			}
			if (m.isEmpty()) {
				out.put(key, "{}");
			}
		}
		else if (o instanceof List<?> l) {
			// elements by their natural key where they have one, so that one extra or
			// missing element does not shift the others
			for (int i = 0; i < l.size(); i++) {
				Object e = l.get(i);
				String id = "[" + i + "]";
				for (String k : List.of("object", "name", "device", "lun", "target")) {
					if (get(e, k) != null) {
						id = "[" + k + "=" + get(e, k) + (k.equals("target") ? "/" + get(e, "session") : "") + "]";
						break;
					}
				}
				if (e instanceof String str && !str.contains("\n")) {
					flat(key + "[" + str + "]", "present", out, replaces);
					continue;
				}
				flat(key + id, e, out, replaces);
			}
			if (l.isEmpty()) {
				out.put(key, "[]");
			}
		}
		else {
			String v = MILLIS.matcher(Json.write(o)).replaceAll("<n> ms");
			if (VOLATILE.matcher(key).find()) {
				v = "<volatile>";
			}
			for (String r : replaces) {
				int sep = r.indexOf("=>");
				v = v.replace(r.substring(0, sep), r.substring(sep + 2));
			}
			if (o instanceof String s && s.contains("\n")) {
				// a text body (scst.conf): its lines, counted, whatever their order
				for (String line : s.split("\n")) {
					String l = line;
					for (String r : replaces) {
						int sep = r.indexOf("=>");
						l = l.replace(r.substring(0, sep), r.substring(sep + 2));
					}
					out.merge(key + "#" + l.strip(), "1", (x, y) -> String.valueOf(Integer.parseInt(x) + 1));
				}
				return;
			}
			out.put(key, v);
		}
	}

	// ---------------------------------------------------------------- JSON

	/** Just enough JSON: objects keep their order, numbers are Long or Double. */
	static final class Json {

		final String s;

		int i;

		Json(String s) {
			this.s = s;
		}

		static Object parse(String s) {
			Json j = new Json(s);
			j.ws();
			Object v = j.value();
			j.ws();
			if (j.i != s.length()) {
				throw new IllegalArgumentException("trailing text at " + j.i);
			}
			return v;
		}

		void ws() {
			while (this.i < this.s.length() && Character.isWhitespace(this.s.charAt(this.i))) {
				this.i++;
			}
		}

		Object value() {
			char c = this.s.charAt(this.i);
			switch (c) {
				case '{': {
					Map<String, Object> m = new LinkedHashMap<>();
					this.i++;
					ws();
					if (this.s.charAt(this.i) == '}') {
						this.i++;
						return m;
					}
					while (true) {
						ws();
						String k = string();
						ws();
						this.i++; // ':'
						ws();
						m.put(k, value());
						ws();
						if (this.s.charAt(this.i++) == '}') {
							return m;
						}
					}
				}
				case '[': {
					List<Object> l = new ArrayList<>();
					this.i++;
					ws();
					if (this.s.charAt(this.i) == ']') {
						this.i++;
						return l;
					}
					while (true) {
						ws();
						l.add(value());
						ws();
						if (this.s.charAt(this.i++) == ']') {
							return l;
						}
					}
				}
				case '"':
					return string();
				case 't':
					this.i += 4;
					return Boolean.TRUE;
				case 'f':
					this.i += 5;
					return Boolean.FALSE;
				case 'n':
					this.i += 4;
					return null;
				default:
					int start = this.i;
					while (this.i < this.s.length() && "+-0123456789.eE".indexOf(this.s.charAt(this.i)) >= 0) {
						this.i++;
					}
					String n = this.s.substring(start, this.i);
					if (n.isEmpty()) {
						throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
					}
					return (n.contains(".") || n.contains("e") || n.contains("E")) ? (Object) Double.valueOf(n)
							: (Object) Long.valueOf(n);
			}
		}

		String string() {
			StringBuilder b = new StringBuilder();
			this.i++; // '"'
			while (true) {
				char c = this.s.charAt(this.i++);
				if (c == '"') {
					return b.toString();
				}
				if (c != '\\') {
					b.append(c);
					continue;
				}
				char e = this.s.charAt(this.i++);
				switch (e) {
					case 'n' -> b.append('\n');
					case 't' -> b.append('\t');
					case 'r' -> b.append('\r');
					case 'b' -> b.append('\b');
					case 'f' -> b.append('\f');
					case 'u' -> {
						b.append((char) Integer.parseInt(this.s.substring(this.i, this.i + 4), 16));
						this.i += 4;
					}
					default -> b.append(e);
				}
			}
		}

		static String write(Object o) {
			StringBuilder b = new StringBuilder();
			write(o, b);
			return b.toString();
		}

		static void write(Object o, StringBuilder b) {
			if (o == null) {
				b.append("null");
			}
			else if (o instanceof String s) {
				b.append('"');
				for (char c : s.toCharArray()) {
					switch (c) {
						case '"' -> b.append("\\\"");
						case '\\' -> b.append("\\\\");
						case '\n' -> b.append("\\n");
						case '\t' -> b.append("\\t");
						case '\r' -> b.append("\\r");
						default -> {
							if (c < 0x20) {
								b.append(String.format("\\u%04x", (int) c));
							}
							else {
								b.append(c);
							}
						}
					}
				}
				b.append('"');
			}
			else if (o instanceof Map<?, ?> m) {
				b.append('{');
				boolean first = true;
				for (Map.Entry<?, ?> e : m.entrySet()) {
					if (!first) {
						b.append(',');
					}
					first = false;
					write(String.valueOf(e.getKey()), b);
					b.append(':');
					write(e.getValue(), b);
				}
				b.append('}');
			}
			else if (o instanceof List<?> l) {
				b.append('[');
				for (int i = 0; i < l.size(); i++) {
					if (i > 0) {
						b.append(',');
					}
					write(l.get(i), b);
				}
				b.append(']');
			}
			else {
				b.append(o);
			}
		}

	}

}
