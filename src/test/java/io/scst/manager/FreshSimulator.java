package io.scst.manager;

import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;

/**
 * The set-up of plain JUnit tests on the simulator: a new default simulator for every
 * test ({@link #simulator}) behind its gateway ({@link #sysfs}), closed after the test.
 */
public abstract class FreshSimulator {

	/** The simulator of this test. */
	protected final ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults());

	/** Its gateway. */
	protected final SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator);

	@AfterEach
	void closeSimulator() {
		this.simulator.close();
	}

}
