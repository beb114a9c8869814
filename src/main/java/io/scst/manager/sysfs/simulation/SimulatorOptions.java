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
 */
public record SimulatorOptions(int cpus, boolean addDefaultTarget, boolean debugEagain, Duration sessionCloseDelay,
		@Nullable Path journal) {

	public SimulatorOptions {
		if (cpus < 1 || cpus > 4096) {
			throw new IllegalArgumentException("cpus must be between 1 and 4096");
		}
	}

	/**
	 * Two CPUs, the default target, a normal build, synchronous session removal, no
	 * journal.
	 */
	public static SimulatorOptions defaults() {
		return new SimulatorOptions(2, true, false, Duration.ZERO, null);
	}

	public SimulatorOptions withCpus(int cpus) {
		return new SimulatorOptions(cpus, this.addDefaultTarget, this.debugEagain, this.sessionCloseDelay,
				this.journal);
	}

	public SimulatorOptions withAddDefaultTarget(boolean addDefaultTarget) {
		return new SimulatorOptions(this.cpus, addDefaultTarget, this.debugEagain, this.sessionCloseDelay,
				this.journal);
	}

	public SimulatorOptions withDebugEagain(boolean debugEagain) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, debugEagain, this.sessionCloseDelay,
				this.journal);
	}

	public SimulatorOptions withSessionCloseDelay(Duration sessionCloseDelay) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, this.debugEagain, sessionCloseDelay,
				this.journal);
	}

	public SimulatorOptions withJournal(@Nullable Path journal) {
		return new SimulatorOptions(this.cpus, this.addDefaultTarget, this.debugEagain, this.sessionCloseDelay,
				journal);
	}

}
