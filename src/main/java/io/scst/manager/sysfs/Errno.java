package io.scst.manager.sysfs;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Linux errno value as returned by a failed system call on a sysfs file, or by SCST
 * through {@code last_sysfs_mgmt_res}.
 *
 * @param code the positive errno number
 * @param symbol the symbolic name ({@code EINVAL}), or {@code E<code>} when unknown
 * @param message the C library's text for it
 */
public record Errno(int code, String symbol, String message) {

	private static final Map<Integer, Errno> KNOWN = new TreeMap<>();

	public static final Errno EPERM = known(1, "EPERM", "Operation not permitted");

	public static final Errno ENOENT = known(2, "ENOENT", "No such file or directory");

	public static final Errno EINTR = known(4, "EINTR", "Interrupted system call");

	public static final Errno EIO = known(5, "EIO", "Input/output error");

	public static final Errno ENXIO = known(6, "ENXIO", "No such device or address");

	public static final Errno EBADF = known(9, "EBADF", "Bad file descriptor");

	public static final Errno EAGAIN = known(11, "EAGAIN", "Resource temporarily unavailable");

	public static final Errno ENOMEM = known(12, "ENOMEM", "Cannot allocate memory");

	public static final Errno EACCES = known(13, "EACCES", "Permission denied");

	public static final Errno EFAULT = known(14, "EFAULT", "Bad address");

	public static final Errno ENOTBLK = known(15, "ENOTBLK", "Block device required");

	public static final Errno EBUSY = known(16, "EBUSY", "Device or resource busy");

	public static final Errno EEXIST = known(17, "EEXIST", "File exists");

	public static final Errno ENODEV = known(19, "ENODEV", "No such device");

	public static final Errno ENOTDIR = known(20, "ENOTDIR", "Not a directory");

	public static final Errno EISDIR = known(21, "EISDIR", "Is a directory");

	public static final Errno EINVAL = known(22, "EINVAL", "Invalid argument");

	public static final Errno ENOSPC = known(28, "ENOSPC", "No space left on device");

	public static final Errno EROFS = known(30, "EROFS", "Read-only file system");

	public static final Errno ERANGE = known(34, "ERANGE", "Numerical result out of range");

	public static final Errno ENAMETOOLONG = known(36, "ENAMETOOLONG", "File name too long");

	public static final Errno ENOTEMPTY = known(39, "ENOTEMPTY", "Directory not empty");

	public static final Errno ELOOP = known(40, "ELOOP", "Too many levels of symbolic links");

	public static final Errno EBADSLT = known(57, "EBADSLT", "Invalid slot");

	public static final Errno EOVERFLOW = known(75, "EOVERFLOW", "Value too large for defined data type");

	public static final Errno EMEDIUMTYPE = known(124, "EMEDIUMTYPE", "Wrong medium type");

	private static Errno known(int code, String symbol, String message) {
		Errno errno = new Errno(code, symbol, message);
		KNOWN.put(code, errno);
		return errno;
	}

	/**
	 * The errno for a number.
	 * @param code a positive errno number (a negative kernel return value is accepted
	 * too)
	 * @return the known errno, or one named {@code E<code>}
	 */
	public static Errno of(int code) {
		int positive = Math.abs(code);
		Errno errno = KNOWN.get(positive);
		return (errno != null) ? errno : new Errno(positive, "E" + positive, "Unknown error " + positive);
	}

	@Override
	public String toString() {
		return this.symbol;
	}

}
