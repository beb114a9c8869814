package io.scst.manager.sysfs.simulation;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the simulated machine looks.
 *
 * @param cpus the number of CPUs ({@code threads} and every {@code cpu_mask} follow it)
 * @param addDefaultTarget the {@code scst_local} module parameter {@code add_default_tgt}
 * @param debugEagain behave like a {@code CONFIG_SCST_DEBUG_SYSFS_EAGAIN} build: every
 * queued write answers {@code EAGAIN} at once while its work runs in the background, and
 * three of four queued reads answer {@code EAGAIN}
 * @param sessionCloseDelay how long after {@code del_session}/{@code force_close} the
 * session directory disappears ({@code 0}: before the write returns)
 * @param journal a file in which successful state-changing writes are kept so that the
 * state survives restarts, or {@code null} to keep nothing
 * @param scanDelay how long after an {@code scst_local} session appears, or gets new
 * LUNs, the simulated SCSI midlayer needs to bring up their {@code /dev/sdX},
 * {@code /dev/srN} and {@code /dev/sgN} ({@code 0}: before the write returns). On the
 * kernel the scan is asynchronous: the session and its {@code host} link exist when
 * {@code add_session} returns, its devices come a moment later.
 * @param removeStaleDevices the {@code scst_local} module parameter
 * {@code remove_stale_devices} of our scst_local (kernel-module/): when a session loses a
 * LUN, its rescan removes the LUN's Linux devices ({@code false}: they stay, as with
 * SCST's upstream scst_local, which has no such parameter)
 */
public record SimulatorOptions(int cpus, boolean addDefaultTarget, boolean debugEagain, Duration sessionCloseDelay,
		@Nullable Path journal, Duration scanDelay, boolean removeStaleDevices) {

	/**
	 * A scan delay of the order the kernel shows: the first LUN added to a live session
	 * appeared on it "within tens of milliseconds" (SCST-SYSFS.md 11.5).
	 */
	public static final Duration KERNEL_SCAN_DELAY = Duration.ofMillis(50);

	public SimulatorOptions {
		if (cpus < 1 || cpus > 4096) {
			throw new IllegalArgumentException("cpus must be between 1 and 4096");
		}
		if (scanDelay.isNegative()) {
			throw new IllegalArgumentException("scanDelay must not be negative");
		}
	}

	/**
	 * Two CPUs, the default target, a normal build, synchronous session removal, no
	 * journal, SCSI devices at once (no scan delay), our scst_local's removal of the
	 * devices of LUNs a session lost.
	 */
	public static SimulatorOptions defaults() {
		return new SimulatorOptions(2, true, false, Duration.ZERO, null, Duration.ZERO, true);
	}

	public SimulatorOptions withCpus(int cpus) {
		return new SimulatorOptions(cpus, this.addDefaultTarget, this.debugEagain, this.sessionCloseDelay, this.journal,
				this.scanDelay, this.removeStaleDevices);
	}

	public SimulatorOptions withAddDefaultTarget(boolean addDefaultTarget) {
		return new SimulatorOptions(this.cpus, addDefaultTarget, this.debugEagain, this.sessionCloseDelay, this.journal,
				this.scanDelay, this.removeStaleDevices);
	}

	public SimulatorOptions withDebugEagain(boolean debugEagain) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, debugEagain, this.sessionCloseDelay, this.journal,
				this.scanDelay, this.removeStaleDevices);
	}

	public SimulatorOptions withSessionCloseDelay(Duration sessionCloseDelay) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, this.debugEagain, sessionCloseDelay, this.journal,
				this.scanDelay, this.removeStaleDevices);
	}

	public SimulatorOptions withJournal(@Nullable Path journal) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, this.debugEagain, this.sessionCloseDelay, journal,
				this.scanDelay, this.removeStaleDevices);
	}

	public SimulatorOptions withScanDelay(Duration scanDelay) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, this.debugEagain, this.sessionCloseDelay,
				this.journal, scanDelay, this.removeStaleDevices);
	}

	public SimulatorOptions withRemoveStaleDevices(boolean removeStaleDevices) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, this.debugEagain, this.sessionCloseDelay,
				this.journal, this.scanDelay, removeStaleDevices);
	}

}
