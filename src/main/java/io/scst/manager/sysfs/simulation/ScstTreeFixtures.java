package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/**
 * Named states built through ordinary management writes, used by the demo seed and by
 * tests. Every fixture works on any gateway (simulator or kernel).
 */
public final class ScstTreeFixtures {

	/** Size of the demo's sparse backing file. */
	public static final long DEMO_DISK_SIZE = 1L << 30;

	private ScstTreeFixtures() {
	}

	/**
	 * The seed walk-through: a {@code vdisk_fileio} device {@code vm_disk1} backed by a
	 * sparse file in {@code dataDir}, exported as LUN 0 of {@code scst_local_tgt} (whose
	 * session {@code scst_local_host} comes with the module's defaults).
	 * @param sysfs the gateway
	 * @param dataDir where the backing file lives (created when missing)
	 */
	public static void demo(ScstSysfs sysfs, Path dataDir) {
		Path image = sparseFile(dataDir.resolve("vm_disk1.img"), DEMO_DISK_SIZE);
		vdiskOnLocalTarget(sysfs, "vm_disk1", image);
	}

	/**
	 * A {@code vdisk_fileio} device on an existing backing file, exported as LUN 0 of
	 * {@code scst_local_tgt}.
	 * @param sysfs the gateway
	 * @param device the device name
	 * @param backingFile the backing file
	 */
	public static void vdiskOnLocalTarget(ScstSysfs sysfs, String device, Path backingFile) {
		sysfs.mgmt(ScstPath.of("handlers", "vdisk_fileio", "mgmt"),
				"add_device " + device + " filename=" + backingFile.toAbsolutePath());
		sysfs.mgmt(ScstPath.of("targets", "scst_local", "scst_local_tgt", "luns", "mgmt"), "add " + device + " 0");
	}

	/**
	 * Create a sparse file of the given size unless a file is already there.
	 * @param file the file
	 * @param size its size in bytes
	 * @return the file
	 */
	public static Path sparseFile(Path file, long size) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (!Files.exists(file)) {
				try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
					raf.setLength(size);
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create backing file " + file, ex);
		}
	}

}
