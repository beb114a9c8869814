package io.scst.manager.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.config.ApplyResult;
import io.scst.manager.config.ConfigFormat;
import io.scst.manager.config.ConfigService;
import io.scst.manager.config.ConfigStore;
import io.scst.manager.config.Plan;
import io.scst.manager.config.ScstConfig;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the configuration paths in-process (no HTTP, no JSON) against their floors on the
 * simulator holding the large state at 1/16, 1/4 and full size: export (the model of
 * every object) against replaying the distinct gateway reads it makes, and apply of 100
 * devices, 100 targets, 400 LUNs on top of the state against issuing the same 600
 * management commands directly. Run through {@link JmhBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigPathsBenchmark {

	@Param({ "16", "4", "1" })
	public int divisor;

	private ScstSimulator simulator;

	private ScstSysfs sysfs;

	private ConfigService service;

	private List<Bench.Read> exportReads;

	private ScstConfig applied;

	private List<MgmtCommand> commands;

	private Path dir;

	@Setup(Level.Trial)
	public void buildState() throws Exception {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withAddDefaultTarget(false));
		this.sysfs = new SimulatedScstSysfs(this.simulator);
		LargeState.build(this.sysfs, this.divisor);
		this.dir = Files.createTempDirectory("jmh-config");
		this.service = new ConfigService(this.sysfs, new ConfigStore(this.dir.resolve("c.conf"), 0),
				ChangePipeline.unrestricted(this.sysfs));
		Bench.Recorder recorder = new Bench.Recorder(this.sysfs);
		new ConfigService(recorder.sysfs, new ConfigStore(this.dir.resolve("r.conf"), 0),
				ChangePipeline.unrestricted(recorder.sysfs))
			.export();
		this.exportReads = recorder.distinct();
		StringBuilder text = new StringBuilder("HANDLER vdisk_nullio {\n");
		this.commands = new ArrayList<>();
		for (int d = 0; d < 100; d++) {
			text.append("\tDEVICE ").append(device(d)).append(" {\n\t\tsize 1048576\n\t}\n");
			this.commands.add(MgmtCommand.addDevice("vdisk_nullio", device(d), Map.of("size", "1048576")));
		}
		text.append("}\nTARGET_DRIVER scst_local {\n");
		for (int t = 0; t < 100; t++) {
			text.append("\tTARGET ").append(target(t)).append(" {\n");
			this.commands.add(MgmtCommand.addTarget("scst_local", target(t), Map.of()));
			for (int l = 0; l < 4; l++) {
				text.append("\t\tLUN ").append(l).append(' ').append(device((t * 4 + l) % 100)).append('\n');
				this.commands
					.add(MgmtCommand.addLun("scst_local", target(t), null, l, device((t * 4 + l) % 100), false));
			}
			text.append("\t}\n");
		}
		text.append("}\n");
		this.applied = ConfigFormat.parse(text.toString());
	}

	@TearDown(Level.Trial)
	public void close() {
		this.simulator.close();
	}

	/** Before each apply (ours or floor): none of the applied objects exist. */
	@Setup(Level.Invocation)
	public void removeApplied() {
		for (int t = 0; t < 100; t++) {
			if (this.sysfs.exists(ScstTree.target("scst_local", target(t)))) {
				this.sysfs.mgmt(MgmtCommand.delTarget("scst_local", target(t)));
			}
		}
		for (int d = 0; d < 100; d++) {
			if (this.sysfs.exists(ScstTree.device(device(d)))) {
				this.sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", device(d)));
			}
		}
	}

	@Benchmark
	public ScstConfig export() {
		return this.service.export();
	}

	@Benchmark
	public void exportFloor() {
		for (Bench.Read read : this.exportReads) {
			read.replay(this.sysfs);
		}
	}

	@Benchmark
	public ApplyResult apply() {
		return this.service.apply(this.applied, Set.of());
	}

	@Benchmark
	public Plan plan() {
		return this.service.plan(this.applied, Set.of());
	}

	@Benchmark
	public void applyFloor() {
		for (MgmtCommand command : this.commands) {
			this.sysfs.mgmt(command);
		}
	}

	private static String device(int d) {
		return String.format("jd%03d", d);
	}

	private static String target(int t) {
		return String.format("jt%03d", t);
	}

}
