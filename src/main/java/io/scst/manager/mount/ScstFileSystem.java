package io.scst.manager.mount;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import jnr.ffi.Pointer;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * FUSE operations answered by the simulator's raw operations, with sysfs semantics: modes
 * are enforced at {@code open} for everyone (root included), each {@code write(2)} is one
 * store whose failure is its errno, a read returns the content produced when the file was
 * read from offset 0, and nothing can be created, removed or renamed.
 */
final class ScstFileSystem extends FuseStubFS {

	private static final Logger logger = LoggerFactory.getLogger(ScstFileSystem.class);

	/** What sysfs reports as the size of every attribute file. */
	static final int ATTRIBUTE_SIZE = 4096;

	private static final int O_ACCMODE = 03;

	private static final int O_RDONLY = 0;

	private static final int O_WRONLY = 01;

	private final ScstSimulator simulator;

	private final long mountedAt = System.currentTimeMillis() / 1000;

	private final AtomicLong nextHandle = new AtomicLong();

	/** What each open file read at offset 0, as a seq_file keeps it per open file. */
	private final Map<Long, byte[]> contents = new ConcurrentHashMap<>();

	ScstFileSystem(ScstSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	protected String getFSName() {
		return "scst_tgt";
	}

	@Override
	public int getattr(String path, FileStat stat) {
		return guarded("getattr", path, (scstPath) -> {
			Optional<Entry> entry = this.simulator.stat(scstPath);
			if (entry.isEmpty()) {
				return -Errno.ENOENT.code();
			}
			fill(stat, scstPath, entry.get());
			return 0;
		});
	}

	private void fill(FileStat stat, ScstPath path, Entry entry) {
		switch (entry.type()) {
			case DIRECTORY -> {
				stat.st_mode.set(FileStat.S_IFDIR | entry.mode());
				stat.st_nlink.set(2 + subdirectories(path));
				stat.st_size.set(0);
			}
			case FILE -> {
				stat.st_mode.set(FileStat.S_IFREG | entry.mode());
				stat.st_nlink.set(1);
				stat.st_size.set(ATTRIBUTE_SIZE);
			}
			case LINK -> {
				stat.st_mode.set(FileStat.S_IFLNK | entry.mode());
				stat.st_nlink.set(1);
				stat.st_size.set(0);
			}
		}
		stat.st_uid.set(0);
		stat.st_gid.set(0);
		stat.st_blksize.set(ATTRIBUTE_SIZE);
		stat.st_blocks.set(0);
		for (Timespec time : List.of(stat.st_atim, stat.st_mtim, stat.st_ctim)) {
			time.tv_sec.set(this.mountedAt);
			time.tv_nsec.set(0);
		}
	}

	private long subdirectories(ScstPath dir) {
		return this.simulator.list(dir).stream().filter(Entry::isDirectory).count();
	}

	@Override
	public int readdir(String path, Pointer buf, FuseFillDir filler, @off_t long offset, FuseFileInfo fi) {
		return guarded("readdir", path, (dir) -> {
			List<String> names = kernfsOrder(this.simulator.list(dir).stream().map(Entry::name).toList());
			filler.apply(buf, ".", null, 0);
			filler.apply(buf, "..", null, 0);
			for (String name : names) {
				filler.apply(buf, name, null, 0);
			}
			return 0;
		});
	}

	/**
	 * Names in the order sysfs lists a directory: kernfs keeps a directory's children in
	 * a tree ordered by {@link #kernfsNameHash} and then by name, and readdir walks it
	 * (scstadmin lists initiators and closes devices in that order).
	 * @param names the directory's entries
	 * @return the same names in kernfs order
	 */
	static List<String> kernfsOrder(List<String> names) {
		return names.stream()
			.sorted(Comparator.comparingLong(ScstFileSystem::kernfsNameHash).thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * Linux 6.1's {@code kernfs_name_hash()} (fs/kernfs/dir.c) without a namespace:
	 * {@code partial_name_hash()} over the name's bytes (as C {@code char}, signed on
	 * x86), {@code end_name_hash()} ({@code hash_long(hash, 32)}: times
	 * {@code GOLDEN_RATIO_64}, the top 32 bits), then 31 bits and never 0, 1 or
	 * {@code INT_MAX}.
	 * @param name an entry's name
	 * @return its hash
	 */
	static long kernfsNameHash(String name) {
		long hash = 0;
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			long c = b;
			hash = (hash + (c << 4) + (c >>> 4)) * 11;
		}
		hash = (hash * 0x61C8864680B583EBL) >>> 32;
		hash &= 0x7fffffffL;
		if (hash < 2) {
			hash += 2;
		}
		if (hash >= Integer.MAX_VALUE) {
			hash = Integer.MAX_VALUE - 1;
		}
		return hash;
	}

	@Override
	public int open(String path, FuseFileInfo fi) {
		return guarded("open", path, (file) -> {
			Optional<Entry> entry = this.simulator.stat(file);
			if (entry.isEmpty()) {
				return -Errno.ENOENT.code();
			}
			int access = fi.flags.get() & O_ACCMODE;
			if (access != O_RDONLY && !entry.get().writable()) {
				return -Errno.EACCES.code();
			}
			if (access != O_WRONLY && !entry.get().readable()) {
				return -Errno.EACCES.code();
			}
			fi.fh.set(this.nextHandle.incrementAndGet());
			return 0;
		});
	}

	@Override
	public int read(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
		return guarded("read", path, (file) -> {
			long handle = fi.fh.get();
			byte[] content = this.contents.get(handle);
			if (offset == 0 || content == null) {
				content = this.simulator.read(file);
				this.contents.put(handle, content);
			}
			if (offset >= content.length) {
				return 0;
			}
			int count = (int) Math.min(size, content.length - offset);
			buf.put(0, content, (int) offset, count);
			return count;
		});
	}

	@Override
	public int write(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
		return guarded("write", path, (file) -> {
			if (size == 0) {
				return 0;
			}
			byte[] data = new byte[(int) size];
			buf.get(0, data, 0, data.length);
			this.simulator.write(file, data);
			return data.length;
		});
	}

	@Override
	public int release(String path, FuseFileInfo fi) {
		this.contents.remove(fi.fh.get());
		return 0;
	}

	@Override
	public int truncate(String path, @off_t long size) {
		return guarded("truncate", path, this::existingFile);
	}

	@Override
	public int ftruncate(String path, @off_t long size, FuseFileInfo fi) {
		return guarded("ftruncate", path, this::existingFile);
	}

	private int existingFile(ScstPath path) {
		Optional<Entry> entry = this.simulator.stat(path);
		if (entry.isEmpty()) {
			return -Errno.ENOENT.code();
		}
		return entry.get().isDirectory() ? -Errno.EISDIR.code() : 0;
	}

	@Override
	public int readlink(String path, Pointer buf, @size_t long size) {
		return guarded("readlink", path, (link) -> {
			byte[] target = this.simulator.readLink(link).getBytes(StandardCharsets.UTF_8);
			int count = (int) Math.min(target.length, size - 1);
			buf.put(0, target, 0, count);
			buf.putByte(count, (byte) 0);
			return 0;
		});
	}

	@Override
	public int access(String path, int mask) {
		return guarded("access", path, (entry) -> this.simulator.stat(entry).isPresent() ? 0 : -Errno.ENOENT.code());
	}

	@Override
	public int utimens(String path, Timespec[] timespec) {
		return guarded("utimens", path, this::existingFile);
	}

	@Override
	public int create(String path, @mode_t long mode, FuseFileInfo fi) {
		return -Errno.EACCES.code();
	}

	@Override
	public int mknod(String path, @mode_t long mode, long rdev) {
		return -Errno.EACCES.code();
	}

	@Override
	public int mkdir(String path, @mode_t long mode) {
		return -Errno.EPERM.code();
	}

	@Override
	public int rmdir(String path) {
		return -Errno.EPERM.code();
	}

	@Override
	public int unlink(String path) {
		return -Errno.EPERM.code();
	}

	@Override
	public int rename(String oldpath, String newpath) {
		return -Errno.EPERM.code();
	}

	@Override
	public int symlink(String oldpath, String newpath) {
		return -Errno.EPERM.code();
	}

	@Override
	public int link(String oldpath, String newpath) {
		return -Errno.EPERM.code();
	}

	@Override
	public int chmod(String path, @mode_t long mode) {
		return -Errno.EPERM.code();
	}

	@Override
	public int chown(String path, long uid, long gid) {
		return -Errno.EPERM.code();
	}

	/**
	 * Run an operation, turning the kernel's refusal into its negative errno and anything
	 * unexpected into {@code EIO} (an exception must not cross into libfuse).
	 */
	private int guarded(String operation, String path, Function<ScstPath, Integer> body) {
		ScstPath scstPath;
		try {
			scstPath = ScstPath.of(path);
		}
		catch (IllegalArgumentException ex) {
			return -Errno.ENOENT.code();
		}
		try {
			return body.apply(scstPath);
		}
		catch (KernelRejectedException ex) {
			return -ex.errno().code();
		}
		catch (RuntimeException ex) {
			logger.warn("FUSE {} of {} failed", operation, path, ex);
			return -Errno.EIO.code();
		}
	}

}
