package io.scst.manager.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.scst.manager.mount.SimulatorMount;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;

/**
 * {@code mount-simulator DIR [--state=fresh|demo] [--cpus=N] [--data-dir=D]
 * [--add-default-target=true|false]}: mount a new simulator at {@code DIR} in the
 * foreground, without the web server, until {@code SIGINT} or {@code SIGTERM}. The state
 * is kept in memory only.
 */
public final class MountSimulatorCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "mount-simulator";

	static final String USAGE = "Usage: java -jar scst-manager.jar " + NAME
			+ " DIR [--state=fresh|demo] [--cpus=N] [--data-dir=D] [--add-default-target=true|false]";

	private MountSimulatorCommand() {
	}

	/**
	 * Mount and wait for a signal; the shutdown hook unmounts.
	 * @param args the arguments after the command name
	 * @return the exit status when the command could not mount ({@code 2}: bad usage,
	 * {@code 1}: mounting failed)
	 */
	public static int run(String... args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		Mounted mounted;
		try {
			mounted = start(options);
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
		CountDownLatch unmounted = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mounted.close();
			unmounted.countDown();
		}, "scst-sim-unmount"));
		report(System.out, options);
		try {
			unmounted.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private static void report(PrintStream out, Options options) {
		out.println("SCST simulator (" + options.state().name().toLowerCase(Locale.ROOT) + ", " + options.cpus()
				+ " CPUs) mounted at " + options.directory().toAbsolutePath() + "; Ctrl+C or SIGTERM unmounts");
	}

	/**
	 * Build the simulator the options describe and mount it.
	 * @param options the parsed arguments
	 * @return the mount and its simulator, to be closed together
	 */
	static Mounted start(Options options) {
		if (!Files.isDirectory(options.directory())) {
			throw new IllegalArgumentException("Not a directory: " + options.directory());
		}
		ScstSimulator simulator = new ScstSimulator(
				SimulatorOptions.defaults().withCpus(options.cpus()).withAddDefaultTarget(options.addDefaultTarget()));
		try {
			if (options.state() == State.DEMO) {
				ScstTreeFixtures.demo(new SimulatedScstSysfs(simulator), options.dataDir());
			}
			return new Mounted(simulator, SimulatorMount.mount(simulator, options.directory()));
		}
		catch (RuntimeException ex) {
			simulator.close();
			throw ex;
		}
	}

	/** What the simulator starts with. */
	enum State {

		/** The modules just loaded. */
		FRESH,
		/** The seed walk-through: {@code vm_disk1} as LUN 0 of {@code scst_local_tgt}. */
		DEMO

	}

	/**
	 * The command's arguments.
	 *
	 * @param directory the mount point
	 * @param state the starting state ({@code demo} by default, as the server's)
	 * @param cpus the simulated CPU count (this machine's by default)
	 * @param dataDir where the demo's backing file lives ({@code data} by default)
	 * @param addDefaultTarget {@code scst_local}'s {@code add_default_tgt}
	 */
	record Options(Path directory, State state, int cpus, Path dataDir, boolean addDefaultTarget) {

		static Options parse(String... args) {
			Path directory = null;
			State state = State.DEMO;
			int cpus = Math.min(Runtime.getRuntime().availableProcessors(), 4096);
			Path dataDir = Path.of("data");
			boolean addDefaultTarget = true;
			for (String arg : args) {
				if (!arg.startsWith("--")) {
					if (directory != null) {
						throw new IllegalArgumentException("Only one directory, please: " + arg);
					}
					directory = Path.of(arg);
					continue;
				}
				int equals = arg.indexOf('=');
				if (equals < 0) {
					throw new IllegalArgumentException("Expected --name=value: " + arg);
				}
				String name = arg.substring(2, equals);
				String value = arg.substring(equals + 1);
				switch (name) {
					case "state" -> state = state(value);
					case "cpus" -> cpus = cpus(value);
					case "data-dir" -> dataDir = Path.of(value);
					case "add-default-target" -> addDefaultTarget = bool(arg, value);
					default -> throw new IllegalArgumentException("Unknown option: " + arg);
				}
			}
			if (directory == null) {
				throw new IllegalArgumentException("Missing the directory to mount on");
			}
			if (state == State.DEMO && !addDefaultTarget) {
				throw new IllegalArgumentException("--add-default-target=false needs --state=fresh "
						+ "(the demo exports its disk on the default target)");
			}
			return new Options(directory, state, cpus, dataDir, addDefaultTarget);
		}

		private static State state(String value) {
			return switch (value) {
				case "fresh" -> State.FRESH;
				case "demo" -> State.DEMO;
				default -> throw new IllegalArgumentException("--state must be fresh or demo: " + value);
			};
		}

		private static int cpus(String value) {
			try {
				int cpus = Integer.parseInt(value);
				if (cpus >= 1 && cpus <= 4096) {
					return cpus;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--cpus must be a number from 1 to 4096: " + value);
		}

		private static boolean bool(String arg, String value) {
			return switch (value) {
				case "true" -> true;
				case "false" -> false;
				default -> throw new IllegalArgumentException("Expected true or false: " + arg);
			};
		}

	}

	/**
	 * A simulator and its mount.
	 *
	 * @param simulator the simulator
	 * @param mount where it is mounted
	 */
	record Mounted(ScstSimulator simulator, SimulatorMount mount) implements AutoCloseable {

		/** Unmount, then stop the simulator. */
		@Override
		public void close() {
			this.mount.close();
			this.simulator.close();
		}

	}

}
