package io.scst.manager.sysfs.simulation;

import org.junit.jupiter.api.BeforeEach;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstSysfsContractTests;

/** The contract on a fresh simulator per test. */
class SimulatedScstSysfsContractTests extends ScstSysfsContractTests {

	private ScstSimulator simulator;

	private ScstSysfs sysfs;

	@BeforeEach
	void startSimulator() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults());
		this.sysfs = new SimulatedScstSysfs(this.simulator);
	}

	@Override
	protected void afterCleanup() {
		this.simulator.close();
	}

	@Override
	protected ScstSysfs sysfs() {
		return this.sysfs;
	}

}
