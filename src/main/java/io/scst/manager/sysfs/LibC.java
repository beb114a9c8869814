package io.scst.manager.sysfs;

import java.nio.charset.StandardCharsets;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The C library calls the kernel gateway needs, bound with jnr-ffi so that a failed call
 * reports its exact {@code errno}. The library is loaded once, on first use.
 */
final class LibC {

	/** {@code O_RDONLY}. */
	static final int O_RDONLY = 0;

	/** {@code O_WRONLY}. */
	static final int O_WRONLY = 01;

	/** {@code O_CLOEXEC} (Linux on x86, ARM, RISC-V, PowerPC and s390). */
	static final int O_CLOEXEC = 02000000;

	private LibC() {
	}

	/**
	 * The bound functions.
	 * @return the functions
	 * @throws LinkageError when the C library cannot be loaded
	 */
	static Calls calls() {
		return Holder.CALLS;
	}

	/**
	 * The {@code errno} saved by the last failed call of this thread.
	 * @return the errno
	 */
	static int lastErrno() {
		return LastError.getLastError(Holder.RUNTIME);
	}

	/**
	 * A NUL-terminated path for {@code open(2)}.
	 * @param path the path
	 * @return its bytes
	 */
	static byte[] cPath(String path) {
		byte[] text = path.getBytes(StandardCharsets.UTF_8);
		byte[] terminated = new byte[text.length + 1];
		System.arraycopy(text, 0, terminated, 0, text.length);
		return terminated;
	}

	/**
	 * The functions; public because jnr-ffi generates the implementation in its own class
	 * loader.
	 */
	public interface Calls {

		@SaveError
		int open(@In byte[] path, int flags);

		@SaveError
		@ssize_t
		long read(int fd, @Out byte[] buffer, @size_t long count);

		@SaveError
		@ssize_t
		long write(int fd, @In byte[] buffer, @size_t long count);

		@SaveError
		int close(int fd);

	}

	private static final class Holder {

		static final Calls CALLS = LibraryLoader.create(Calls.class).load("c");

		static final Runtime RUNTIME = Runtime.getRuntime(CALLS);

	}

}
