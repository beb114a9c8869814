package io.scst.manager.sysfs.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.scst.manager.sysfs.AbstractScstSysfs;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;

/**
 * The gateway over the embedded {@link ScstSimulator}: the same protocol as the kernel
 * gateway, answered by the in-memory model.
 */
public final class SimulatedScstSysfs extends AbstractScstSysfs implements AutoCloseable {

	private final ScstSimulator simulator;

	public SimulatedScstSysfs(ScstSimulator simulator, Duration timeout, GatewayListener listener) {
		super(timeout, listener);
		this.simulator = simulator;
	}

	public SimulatedScstSysfs(ScstSimulator simulator) {
		this(simulator, Duration.ofSeconds(10), GatewayListener.NONE);
	}

	/** The model behind this gateway (fault injection, write log). */
	public ScstSimulator simulator() {
		return this.simulator;
	}

	/** Stops the simulator's threads and closes its journal. */
	@Override
	public void close() {
		this.simulator.close();
	}

	@Override
	public Mode mode() {
		return Mode.SIMULATOR;
	}

	@Override
	public String location() {
		return "simulator";
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	protected List<Entry> rawList(ScstPath dir) {
		return this.simulator.list(dir);
	}

	@Override
	protected Optional<Entry> rawStat(ScstPath path) {
		return this.simulator.stat(path);
	}

	@Override
	protected byte[] rawRead(ScstPath path) {
		return this.simulator.read(path);
	}

	@Override
	protected void rawWrite(ScstPath path, byte[] data) {
		this.simulator.write(path, data);
	}

	@Override
	protected String rawReadLink(ScstPath path) {
		return this.simulator.readLink(path);
	}

}
