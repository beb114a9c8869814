package io.scst.manager.sysfs.simulation;

import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.scst.manager.sysfs.Errno;

/**
 * The files of a vdisk device's directory ({@code devices/<name>/}): which attributes
 * each handler has, what they show (with the {@code [key]} marker when not the default)
 * and which change of the {@link SimDevice} a write makes.
 */
final class DeviceFiles {

	private final SimDevice device;

	DeviceFiles(SimDevice device) {
		this.device = device;
	}

	void build(Node.Dir d) {
		SimHandler.Kind kind = this.device.handler.kind;
		boolean fileio = kind == SimHandler.Kind.FILEIO;
		boolean blockio = kind == SimHandler.Kind.BLOCKIO;
		boolean nullio = kind == SimHandler.Kind.NULLIO;
		boolean disk = fileio || blockio;
		d.add(Attr.ro("type", kind::typeLine));
		d.add(Attr.rw("max_tgt_dev_commands",
				() -> Attr.keyed(this.device.maxTgtDevCommands, this.device.maxTgtDevCommands != 64), (data) -> {
					long value = KernelNumbers.parseLong(data);
					if (value < 0 || value > Integer.MAX_VALUE) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.device.maxTgtDevCommands = (int) value;
				}));
		d.add(Attr.rw("numa_node_id", () -> Attr.keyed(this.device.numaNode, this.device.numaNode != -1), (data) -> {
			long value = KernelNumbers.parseLong(data);
			if (value < -1 || value > Integer.MAX_VALUE) {
				throw new SimErrno(Errno.EINVAL);
			}
			this.device.numaNode = (int) value;
		}));
		d.add(Attr.rw("block", () -> this.device.blocked + " 0\n", this.device::writeBlock));
		d.add(Attr.rwQueued("pr_state", () -> "version 1\ngeneration 0\n", (data) -> {
			throw new SimErrno(Errno.EBUSY);
		}));
		d.add(Attr.rwQueued("pr_file_name", () -> (this.device.prFileName != null)
				? Attr.keyed(this.device.prFileName, true) : Attr.line("/var/lib/scst/pr/" + this.device.name),
				(data) -> {
					throw new SimErrno(Errno.EBUSY);
				}));
		d.add(Attr.wo("dump_prs", (data) -> {
		}, Node.Queue.DIRECT));
		d.add(Attr.rwQueued("threads_num",
				() -> Attr.keyed(this.device.threadsNum, this.device.threadsNum != this.device.handler.kind.threads),
				(data) -> {
					this.device.threadsNum = (int) KernelNumbers.parseLong(data);
					this.device.restartThreads();
				}, (data) -> {
					long value = KernelNumbers.parseLong(data);
					if (value < 0 || value > Integer.MAX_VALUE) {
						throw new SimErrno(Errno.EINVAL);
					}
					return value != this.device.threadsNum;
				}));
		d.add(Attr.rwQueued("threads_pool_type", this::poolType, (data) -> {
			this.device.sharedPool = DeviceParameters.parsePoolType(data);
			this.device.restartThreads();
		}, (data) -> DeviceParameters.parsePoolType(data) != this.device.sharedPool));
		if (disk) {
			d.add(Attr.rwQueued("active", () -> Attr.keyed(this.device.active ? 1 : 0, !this.device.active),
					this.device::writeActive));
			boolean bindDefault = blockio;
			d.add(Attr.rw("bind_alua_state",
					() -> Attr.keyed(this.device.bindAluaState ? 1 : 0, this.device.bindAluaState != bindDefault),
					(data) -> this.device.bindAluaState = KernelNumbers.parseUnsignedLong(data) != 0));
			d.add(Attr.rw("expl_alua", () -> Attr.keyed(this.device.explAlua ? 1 : 0, this.device.explAlua),
					(data) -> this.device.explAlua = KernelNumbers.parseUnsignedLong(data) != 0));
			d.add(Attr.ro("write_through", flag(() -> this.device.writeThrough, false)));
			d.add(Attr.ro("nv_cache", flag(() -> this.device.nvCache, false)));
			d.add(Attr.ro("thin_provisioned",
					() -> Attr.keyed(this.device.thinProvisioned ? 1 : 0, this.device.thinProvisionedSet)));
			d.add(Attr.rw("lb_per_pb_exp", () -> Attr.keyed(this.device.lbPerPbExp, this.device.lbPerPbExp != 1),
					zeroOrOne((v) -> this.device.lbPerPbExp = v)));
			d.add(Attr.rwQueued("filename", this::filenameShow, this.device::writeFilename));
			d.add(Attr.wo("resync_size", (data) -> this.device.resync(), Node.Queue.QUEUED));
			d.add(Attr.wo("sync", (data) -> {
			}, Node.Queue.DIRECT));
		}
		if (fileio) {
			d.add(Attr.ro("o_direct", flag(() -> this.device.oDirect, false)));
			d.add(Attr.rw("async", () -> Attr.keyed(this.device.async ? 1 : 0, this.device.async),
					zeroOrOne((v) -> this.device.async = v == 1)));
		}
		if (kind == SimHandler.Kind.CDROM || fileio) {
			d.add(Attr.ro("size", () -> Attr.keyed(this.device.size, true)));
			d.add(Attr.ro("size_mb", () -> Attr.line(this.device.size >> 20)));
		}
		else {
			d.add(Attr.rwQueued("size",
					() -> Attr.keyed(this.device.size, !(nullio && this.device.size == SimDevice.NULLIO_DEFAULT_SIZE)),
					(data) -> this.device.writeSize(data, 0)));
			d.add(Attr.rwQueued("size_mb", () -> Attr.line(this.device.size >> 20),
					(data) -> this.device.writeSize(data, 20)));
		}
		if (kind == SimHandler.Kind.CDROM) {
			d.add(Attr.rwQueued("filename", this::filenameShow, this.device::changeMedium));
		}
		else {
			d.add(Attr.ro("blocksize", () -> Attr.keyed(1 << this.device.blockShift, this.device.blockShift != 9)));
			d.add(Attr.rw("opt_trans_len", () -> Attr.keyed(this.device.optTransLen, this.device.optTransLenSet),
					(data) -> {
						long value = KernelNumbers.parseUnsignedLong(data);
						if ((value & ((1L << this.device.blockShift) - 1)) != 0) {
							throw new SimErrno(Errno.EINVAL);
						}
						this.device.optTransLen = value;
						this.device.optTransLenSet = true;
					}));
			d.add(Attr.ro("read_only", flag(() -> this.device.readOnly, false)));
			d.add(Attr.ro("removable", flag(() -> this.device.removable, false)));
			d.add(Attr.ro("rotational", flag(() -> this.device.rotational, true)));
			d.add(Attr.rwQueued("cluster_mode", () -> Attr.keyed(this.device.clusterMode, this.device.clusterMode != 0),
					zeroOrOne((v) -> this.device.clusterMode = v)));
		}
		d.add(Attr.ro("tst", () -> Attr.keyed(this.device.tst, this.device.tst != 1)));
		if (nullio) {
			d.add(Attr.ro("dummy", flag(() -> this.device.dummy, false)));
			d.add(Attr.rw("read_zero", () -> Attr.keyed(this.device.readZero ? 1 : 0, this.device.readZero),
					zeroOrOne((v) -> this.device.readZero = v == 1)));
		}
		buildIdentity(d);
	}

	private void buildIdentity(Node.Dir d) {
		d.add(identity("t10_vend_id", () -> Attr.keyed(this.device.t10VendId, this.device.t10VendIdSet), (data) -> {
			this.device.t10VendId = DeviceParameters.limited(data, 9);
			this.device.t10VendIdSet = true;
		}));
		d.add(identity("vend_specific_id", () -> Attr.keyed(this.device.vendSpecificId, this.device.vendSpecificIdSet),
				(data) -> {
					this.device.vendSpecificId = DeviceParameters.limited(data, 129);
					this.device.vendSpecificIdSet = true;
				}));
		d.add(identity("prod_id", () -> Attr.keyed(this.device.prodId, this.device.prodIdSet), (data) -> {
			this.device.prodId = DeviceParameters.limited(data, 17);
			this.device.prodIdSet = true;
		}));
		d.add(identity("prod_rev_lvl", () -> Attr.keyed(this.device.prodRevLvl, this.device.prodRevLvlSet), (data) -> {
			this.device.prodRevLvl = DeviceParameters.limited(data, 5);
			this.device.prodRevLvlSet = true;
		}));
		d.add(identity("scsi_device_name",
				() -> Attr.keyed(this.device.scsiDeviceName, !this.device.scsiDeviceName.isEmpty()),
				(data) -> this.device.scsiDeviceName = DeviceParameters.limited(data, 257)));
		d.add(identity("t10_dev_id", () -> Attr.keyed(this.device.t10DevId, this.device.t10DevIdSet), (data) -> {
			if (this.device.clusterMode != 0) {
				throw new SimErrno(Errno.EPERM);
			}
			this.device.setT10DevId(data);
		}));
		d.add(identity("usn", () -> Attr.keyed(this.device.usn, this.device.usnSet), (data) -> {
			if (data.length() > 21 || (data.length() == 21 && data.charAt(20) != '\n')) {
				throw new SimErrno(Errno.EINVAL);
			}
			this.device.usn = DeviceParameters.cString(Attr.firstLine(data));
			this.device.usnSet = true;
		}));
		d.add(identity("naa_id", () -> hexId(this.device.naaId),
				(data) -> this.device.naaId = DeviceParameters.parseHexId(data, true)));
		d.add(identity("eui64_id", () -> hexId(this.device.eui64Id),
				(data) -> this.device.eui64Id = DeviceParameters.parseHexId(data, false)));
		d.add(identity("inq_vend_specific",
				() -> Attr.keyed(this.device.inqVendSpecific, !this.device.inqVendSpecific.isEmpty()),
				(data) -> this.device.inqVendSpecific = DeviceParameters.limited(data, 161)));
	}

	/**
	 * An identity attribute: a successful write schedules the "INQUIRY data changed"
	 * work, which also reaches the copy manager.
	 */
	private Node.File identity(String name, Node.Reader reader, Node.Writer writer) {
		return Attr.rw(name, reader, (data) -> {
			writer.write(data);
			this.device.inquiryDataChanged();
		});
	}

	private static String hexId(byte[] id) {
		if (id.length == 0) {
			return "\n";
		}
		return "0x" + HexFormat.of().formatHex(id) + "\n" + Attr.KEY;
	}

	private static Node.Reader flag(Supplier<Boolean> value, boolean defaultValue) {
		return () -> Attr.keyed(value.get() ? 1 : 0, value.get() != defaultValue);
	}

	private static Node.Writer zeroOrOne(Consumer<Integer> setter) {
		return (data) -> {
			long value = KernelNumbers.parseLong(data);
			if (value != 0 && value != 1) {
				throw new SimErrno(Errno.EINVAL);
			}
			setter.accept((int) value);
		};
	}

	private String poolType() {
		if (this.device.threadsNum == 0) {
			return "Async\n";
		}
		return this.device.sharedPool ? Attr.keyed("shared", true) : "per_initiator\n";
	}

	private String filenameShow() {
		return (this.device.filename != null) ? this.device.filename + "\n" + Attr.KEY + "\n" : "none\n\n";
	}

}
