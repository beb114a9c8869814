package io.scst.manager.sysfs.simulation;

import io.scst.manager.sysfs.Errno;

/** An errno raised inside the model; turned into the system call's result at the edge. */
final class SimErrno extends RuntimeException {

	private final transient Errno errno;

	SimErrno(Errno errno) {
		super(errno.symbol(), null, false, false);
		this.errno = errno;
	}

	Errno errno() {
		return this.errno;
	}

}
