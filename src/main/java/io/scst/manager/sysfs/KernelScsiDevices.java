package io.scst.manager.sysfs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * {@link ScsiDevices} read from the kernel's sysfs ({@code /sys} or a copy of it): for
 * host {@code H}, every {@code H:0:0:L} directory below
 * {@code class/scsi_host/host<H>/device/target<H>:0:0/}, with its {@code type},
 * {@code vendor}, {@code model}, {@code rev}, {@code block/} and {@code scsi_generic/}
 * entries.
 */
public class KernelScsiDevices implements ScsiDevices {

	/** Peripheral device type names as {@code lsscsi} prints them, by SPC type code. */
	private static final Map<Integer, String> TYPES = Map.ofEntries(Map.entry(0, "disk"), Map.entry(1, "tape"),
			Map.entry(2, "printer"), Map.entry(3, "process"), Map.entry(4, "worm"), Map.entry(5, "cd/dvd"),
			Map.entry(6, "scanner"), Map.entry(7, "optical"), Map.entry(8, "mediumx"), Map.entry(9, "comms"),
			Map.entry(12, "storage"), Map.entry(13, "enclosu"), Map.entry(14, "sim dsk"), Map.entry(15, "opti rd"),
			Map.entry(16, "bridge"), Map.entry(17, "osd"), Map.entry(18, "adi"), Map.entry(20, "zbc"),
			Map.entry(30, "wlun"), Map.entry(31, "no dev"));

	private final Path sysRoot;

	/**
	 * Create the gateway.
	 * @param sysRoot the sysfs mount point, {@code /sys} on a live system
	 */
	public KernelScsiDevices(Path sysRoot) {
		this.sysRoot = sysRoot;
	}

	@Override
	public List<LinuxScsiDevice> ofHost(int host) {
		Path target = targetDir(host);
		String prefix = host + ":0:0:";
		List<LinuxScsiDevice> devices = new ArrayList<>();
		for (Path dir : entries(target)) {
			String name = dir.getFileName().toString();
			if (!name.startsWith(prefix) || !Files.isDirectory(dir)) {
				continue;
			}
			Integer lun = parseInt(name.substring(prefix.length()));
			if (lun != null) {
				devices.add(device(dir, name, lun));
			}
		}
		devices.sort(Comparator.comparingInt(LinuxScsiDevice::lun));
		return devices;
	}

	/** Device types sd takes (TYPE_DISK, TYPE_MOD, TYPE_RBC, TYPE_ZBC). */
	private static final Set<String> SD_TYPES = Set.of("disk", "optical", "sim dsk", "zbc");

	/** Device types sr takes (TYPE_ROM, TYPE_WORM). */
	private static final Set<String> SR_TYPES = Set.of("cd/dvd", "worm");

	/**
	 * {@inheritDoc} Seen on Linux 6.1 under load: a session's answer with a disk LUN
	 * whose {@code block/} was still missing while its {@code scsi_generic/} was there. A
	 * block node is waited for when sd (or sr) is loaded ({@code bus/scsi/drivers/sd})
	 * and takes the device's type, a generic node when sg is
	 * ({@code class/scsi_generic}).
	 */
	@Override
	public boolean settled(LinuxScsiDevice device) {
		return settled(device.blockDevice() != null, device.genericDevice() != null, device::type, new Drivers());
	}

	/**
	 * {@inheritDoc} One listing of the host's target directory and one of each device's
	 * directory ({@code block} and {@code scsi_generic} are entries of it); a device's
	 * {@code type} is read only while its block node is missing.
	 */
	@Override
	public HostLuns luns(int host) {
		File target = targetDir(host).toFile();
		String[] names = target.list();
		if (names == null) {
			return new HostLuns(Set.of(), Set.of());
		}
		String prefix = host + ":0:0:";
		Set<Integer> present = new TreeSet<>();
		Set<Integer> settled = new TreeSet<>();
		Drivers drivers = new Drivers();
		for (String name : names) {
			Integer lun = name.startsWith(prefix) ? parseInt(name.substring(prefix.length())) : null;
			File dir = new File(target, name);
			String[] entries = (lun != null) ? dir.list() : null;
			if (entries == null) {
				continue; // not a device, or gone
			}
			present.add(lun);
			List<String> nodes = Arrays.asList(entries);
			if (settled(nodes.contains("block"), nodes.contains("scsi_generic"), () -> type(dir.toPath()), drivers)) {
				settled.add(lun);
			}
		}
		return new HostLuns(present, settled);
	}

	private static boolean settled(boolean block, boolean generic, Supplier<String> type, Drivers drivers) {
		if (!generic && drivers.sg()) {
			return false;
		}
		if (block) {
			return true;
		}
		String kind = type.get();
		return !(SD_TYPES.contains(kind) && drivers.sd() || SR_TYPES.contains(kind) && drivers.sr());
	}

	/** Which upper-level drivers are loaded, each looked up once when first asked. */
	private final class Drivers {

		private @Nullable Boolean sg;

		private @Nullable Boolean sd;

		private @Nullable Boolean sr;

		boolean sg() {
			if (this.sg == null) {
				this.sg = Files.isDirectory(KernelScsiDevices.this.sysRoot.resolve("class/scsi_generic"));
			}
			return this.sg;
		}

		boolean sd() {
			if (this.sd == null) {
				this.sd = Files.isDirectory(KernelScsiDevices.this.sysRoot.resolve("bus/scsi/drivers/sd"));
			}
			return this.sd;
		}

		boolean sr() {
			if (this.sr == null) {
				this.sr = Files.isDirectory(KernelScsiDevices.this.sysRoot.resolve("bus/scsi/drivers/sr"));
			}
			return this.sr;
		}

	}

	@Override
	public Optional<Map<String, String>> moduleParameters(String module) {
		Path moduleDir = this.sysRoot.resolve("module").resolve(module);
		if (!Files.isDirectory(moduleDir)) {
			return Optional.empty();
		}
		Map<String, String> parameters = new TreeMap<>();
		for (Path file : entries(moduleDir.resolve("parameters"))) {
			String value = readLine(file);
			if (value != null) {
				parameters.put(file.getFileName().toString(), value);
			}
		}
		return Optional.of(parameters);
	}

	private Path targetDir(int host) {
		return this.sysRoot.resolve("class")
			.resolve("scsi_host")
			.resolve("host" + host)
			.resolve("device")
			.resolve("target" + host + ":0:0");
	}

	/** A device's type name, as {@code lsscsi} prints it. */
	private static String type(Path dir) {
		Integer typeCode = parseInt(orEmpty(readLine(dir.resolve("type"))));
		return (typeCode != null) ? TYPES.getOrDefault(typeCode, "type " + typeCode) : "unknown";
	}

	private LinuxScsiDevice device(Path dir, String address, int lun) {
		String type = type(dir);
		return new LinuxScsiDevice(address, lun, type, orEmpty(readLine(dir.resolve("vendor"))),
				orEmpty(readLine(dir.resolve("model"))), orEmpty(readLine(dir.resolve("rev"))),
				node(dir.resolve("block")), node(dir.resolve("scsi_generic")));
	}

	/**
	 * {@code /dev/<name>} of the one entry of a {@code block/} or {@code scsi_generic/}
	 * directory.
	 */
	private static @Nullable String node(Path dir) {
		List<Path> entries = entries(dir);
		return entries.isEmpty() ? null : "/dev/" + entries.get(0).getFileName();
	}

	private static List<Path> entries(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> stream = Files.list(dir)) {
			return stream.sorted().toList();
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + dir, ex);
		}
	}

	private static @Nullable String readLine(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			// unreadable parameters (mode 0200) and vanished devices read as absent
			return null;
		}
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static @Nullable Integer parseInt(String text) {
		if (text.isEmpty() || text.length() > 9) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return null;
			}
		}
		return Integer.valueOf(text);
	}

}
