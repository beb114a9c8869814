package io.scst.manager.sysfs.simulation;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;

/** One vdisk device handler directory ({@code handlers/<name>/}). */
final class SimHandler {

	/** The four handlers of {@code scst_vdisk}. */
	enum Kind {

		FILEIO("vdisk_fileio", 0, 8, "SCST_FIO", false,
				List.of("active", "async", "bind_alua_state", "blocksize", "cluster_mode", "dif_filename", "dif_mode",
						"dif_static_app_tag", "dif_type", "filename", "numa_node_id", "nv_cache", "o_direct",
						"read_only", "removable", "rotational", "thin_provisioned", "tst", "t10_dev_id",
						"write_through")),

		BLOCKIO("vdisk_blockio", 0, 1, "SCST_BIO", true,
				List.of("active", "bind_alua_state", "blocksize", "cluster_mode", "dif_filename", "dif_mode",
						"dif_static_app_tag", "dif_type", "filename", "numa_node_id", "nv_cache", "read_only",
						"removable", "rotational", "thin_provisioned", "tst", "t10_dev_id", "write_through")),

		NULLIO("vdisk_nullio", 0, 1, "SCST_FIO", true,
				List.of("blocksize", "cluster_mode", "dif_mode", "dif_static_app_tag", "dif_type", "dummy",
						"numa_node_id", "read_only", "removable", "rotational", "size", "size_mb", "tst",
						"t10_dev_id")),

		CDROM("vcdrom", 5, 8, "SCST_FIO", true, List.of("tst"));

		final String handlerName;

		final int scsiType;

		final int threads;

		final String vendor;

		final boolean enforced;

		final List<String> parameters;

		Kind(String handlerName, int scsiType, int threads, String vendor, boolean enforced, List<String> parameters) {
			this.handlerName = handlerName;
			this.scsiType = scsiType;
			this.threads = threads;
			this.vendor = vendor;
			this.enforced = enforced;
			this.parameters = parameters;
		}

		String typeLine() {
			return (this.scsiType == 5) ? "5 - CD-ROM device\n" : "0 - Direct-access device (e.g., magnetic disk)\n";
		}

	}

	final ScstSimulator sim;

	final Kind kind;

	final Node.Dir dir;

	SimHandler(ScstSimulator sim, Kind kind) {
		this.sim = sim;
		this.kind = kind;
		this.dir = sim.handlersDir.dir(kind.handlerName);
		this.dir.add(Attr.rwQueued("mgmt", this::help, this::mgmt));
		this.dir.add(Attr.rw("trace_level", sim.rootFiles.vdiskTrace::show, sim.rootFiles.vdiskTrace::write));
		this.dir.add(Attr.ro("type", kind::typeLine));
	}

	String name() {
		return this.kind.handlerName;
	}

	private String help() {
		return "Usage: echo \"add_device device_name [parameters]\" >mgmt\n"
				+ "       echo \"del_device device_name\" >mgmt\n\n"
				+ "where parameters are one or more param_name=value pairs separated by ';'\n\n"
				+ "The following parameters available: " + String.join(", ", this.kind.parameters) + "\n\n";
	}

	private void mgmt(String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		switch (verb) {
			case "add_device" -> {
				String name = line.lexeme();
				if (name.isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				SimDevice.create(this, name, line.rest());
			}
			case "del_device" -> {
				String name = line.lexeme();
				if (name.isEmpty() || !line.lexeme().isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				SimDevice device = this.sim.devices.get(name);
				if (device == null) {
					throw new SimErrno(Errno.EINVAL);
				}
				device.unregister();
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	/** Whether a creation parameter is allowed for this handler ({@code null}: any). */
	@Nullable List<String> allowed() {
		return this.kind.enforced ? this.kind.parameters : null;
	}

}
