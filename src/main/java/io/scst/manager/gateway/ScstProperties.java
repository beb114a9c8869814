package io.scst.manager.gateway;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of scst-manager, bound from the {@code scst.*} properties.
 *
 * @param sysfs where the SCST sysfs tree comes from ({@code scst.sysfs.*})
 * @param simulator how the embedded simulator behaves when it is used
 * ({@code scst.simulator.*})
 */
@ConfigurationProperties("scst")
@Validated
public record ScstProperties(@Valid @DefaultValue Sysfs sysfs, @Valid @DefaultValue Simulator simulator) {

	/**
	 * The sysfs gateway.
	 *
	 * @param mode which gateway to use: {@code auto} (the default) uses the kernel when
	 * {@code root} exists and the simulator otherwise; {@code kernel} and
	 * {@code simulator} force one
	 * @param root the SCST sysfs root directory, {@code /sys/kernel/scst_tgt} by default
	 * @param mgmtTimeout how long a write or read may keep answering {@code EAGAIN}
	 * before the request fails as busy; positive, 10 seconds by default
	 */
	public record Sysfs(@NotNull @DefaultValue("auto") Mode mode,
			@NotNull @DefaultValue("/sys/kernel/scst_tgt") Path root,
			@NotNull @DurationMin(nanos = 1, message = "must be positive") @DefaultValue("10s") Duration mgmtTimeout) {

	}

	/**
	 * The embedded simulator (used in {@code simulator} mode, or in {@code auto} mode
	 * when there is no kernel tree).
	 *
	 * @param state what the simulator starts with when it has no saved state:
	 * {@code demo} (the default) seeds a {@code vdisk_fileio} device exported as LUN 0 of
	 * {@code scst_local_tgt}; {@code fresh} starts with the modules just loaded
	 * @param cpus how many CPUs the simulated machine has; {@code 0} (the default) means
	 * as many as this machine, otherwise 1 to 4096
	 * @param dataDir where the simulator keeps its journal and the demo's backing file;
	 * {@code data} relative to the working directory by default
	 * @param persist whether to keep the simulator's state in
	 * {@code <dataDir>/simulator.journal} across restarts; {@code true} by default
	 * @param debugEagain behave like an SCST build with
	 * {@code CONFIG_SCST_DEBUG_SYSFS_EAGAIN}: every queued write answers {@code EAGAIN}
	 * and is resolved through {@code last_sysfs_mgmt_res}; {@code false} by default
	 * @param addDefaultTarget the {@code scst_local} module parameter
	 * {@code add_default_tgt}: whether loading the module creates target
	 * {@code scst_local_tgt} with session {@code scst_local_host}; {@code true} by
	 * default, {@code false} needs {@code state=fresh}
	 * @param mount a directory at which to mount this simulator as a FUSE filesystem
	 * while the server runs (the files and the API then share one state), or {@code null}
	 * (the default) not to mount it
	 * @param scanDelay how long after an scst_local session appears (or gets new LUNs)
	 * its Linux SCSI devices appear, as the kernel's asynchronous host scan makes them;
	 * {@code 50ms} by default, {@code 0} for at once
	 */
	public record Simulator(@NotNull @DefaultValue("demo") State state,
			@Min(0) @Max(MAX_CPUS) @DefaultValue("0") int cpus, @NotNull @DefaultValue("data") Path dataDir,
			@DefaultValue("true") boolean persist, @DefaultValue("false") boolean debugEagain,
			@DefaultValue("true") boolean addDefaultTarget, @Nullable Path mount,
			@NotNull @DefaultValue("50ms") Duration scanDelay) {

		/**
		 * The demo exports its disk on the default target, so it needs one.
		 * @return whether the settings fit together
		 */
		@AssertTrue(message = "scst.simulator.add-default-target=false needs scst.simulator.state=fresh "
				+ "(the demo exports its disk on the default target)")
		public boolean isDemoWithDefaultTarget() {
			return this.state != State.DEMO || this.addDefaultTarget;
		}

		/** The largest CPU count the simulator models. */
		public static final int MAX_CPUS = 4096;

		/**
		 * The CPU count to simulate: {@link #cpus()}, or this machine's count when it is
		 * {@code 0}.
		 * @return a number from 1 to {@value #MAX_CPUS}
		 */
		public int effectiveCpus() {
			return (this.cpus != 0) ? this.cpus : Math.min(Runtime.getRuntime().availableProcessors(), MAX_CPUS);
		}

	}

	/** How the sysfs gateway is chosen. */
	public enum Mode {

		/** The kernel when the root directory exists, the simulator otherwise. */
		AUTO,
		/** Always the kernel tree. */
		KERNEL,
		/** Always the embedded simulator. */
		SIMULATOR

	}

	/** What a simulator without saved state starts with. */
	public enum State {

		/** The demo walk-through: one file-backed disk exported as LUN 0. */
		DEMO,
		/** Nothing but what the modules create when they load. */
		FRESH

	}

}
