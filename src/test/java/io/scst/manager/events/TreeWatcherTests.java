package io.scst.manager.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.scst.manager.SimulatorTest;
import io.scst.manager.change.ChangePipeline;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher absorbs the API's own changes and reports the others: it looks before the
 * first write of a request that writes, so a change made outside before it is reported; a
 * request that wrote nothing through the gateway is not looked at, so a change made
 * outside meanwhile is still reported; a second request's writes do not make the first
 * one's objects changes behind the API's back; the periodic look waits while an API
 * change is in flight. The period is long: the test starts and ends the requests and the
 * periodic look itself (as the API-change filter and the schedule would); the API's
 * writes go through the change pipeline, as every route's do.
 */
@SimulatorTest(properties = { "scst.simulator.state=demo", "scst.metrics.watch-period=1h" })
class TreeWatcherTests {

	private static final String TARGET = "scst_local_tgt";

	@Autowired
	private TreeWatcher watcher;

	@Autowired
	private EventService events;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private ChangePipeline changes;

	private final List<String> frames = new CopyOnWriteArrayList<>();

	private final EventService.Subscriber subscriber = new EventService.Subscriber() {

		@Override
		public void close() {
		}

		@Override
		public boolean send(String frame) {
			TreeWatcherTests.this.frames.add(frame);
			return true;
		}

	};

	@BeforeEach
	void subscribe() {
		this.watcher.periodicCheck();
		this.events.subscribe(this.subscriber);
	}

	@AfterEach
	void unsubscribe() {
		this.events.unsubscribe(this.subscriber);
	}

	@Test
	void aChangeOutsideDuringARequestThatWroteNothingIsReported() {
		this.watcher.apiChangeStarts();
		// made outside this server (not through its gateway) while a request runs that
		// writes nothing
		writeOutside("watcher_outside");
		this.watcher.apiChangeEnded();
		this.watcher.periodicCheck();
		assertThat(treeChanges()).anyMatch((frame) -> frame.contains("watcher_outside"));
	}

	@Test
	void theApisOwnChangeIsAbsorbed() {
		this.watcher.apiChangeStarts();
		writeThroughApi("watcher_api");
		this.watcher.apiChangeEnded();
		this.watcher.periodicCheck();
		assertThat(treeChanges()).noneMatch((frame) -> frame.contains("watcher_api"));
	}

	@Test
	void aPeriodicLookDuringAnApiChangeDoesNotReportWhatItHasWrittenSoFar() {
		this.watcher.apiChangeStarts();
		writeThroughApi("watcher_midway");
		this.watcher.periodicCheck();
		writeThroughApi("watcher_midway2");
		this.watcher.apiChangeEnded();
		this.watcher.periodicCheck();
		assertThat(treeChanges()).noneMatch((frame) -> frame.contains("watcher_midway"));
	}

	@Test
	void aChangeOutsideBeforeAnApiChangeThatWritesIsReportedAndTheApisIsNot() {
		writeOutside("watcher_before");
		this.watcher.apiChangeStarts();
		writeThroughApi("watcher_after");
		this.watcher.apiChangeEnded();
		this.watcher.periodicCheck();
		assertThat(treeChanges()).anyMatch((frame) -> frame.contains("watcher_before"))
			.noneMatch((frame) -> frame.contains("watcher_after"));
	}

	@Test
	void aSecondRequestsWritesDoNotReportTheFirstRequestsObjects() {
		this.watcher.apiChangeStarts();
		writeThroughApi("watcher_first");
		this.watcher.apiChangeStarts();
		writeThroughApi("watcher_second");
		this.watcher.apiChangeEnded();
		writeThroughApi("watcher_first2");
		this.watcher.apiChangeEnded();
		this.watcher.periodicCheck();
		assertThat(treeChanges()).noneMatch((frame) -> frame.contains("watcher_"));
	}

	@Test
	void aPeriodicLookReportsAChangeOutsideWhenNoApiChangeIsInFlight() {
		writeOutside("watcher_idle");
		this.watcher.periodicCheck();
		assertThat(treeChanges()).anyMatch((frame) -> frame.contains("watcher_idle"));
	}

	private List<String> treeChanges() {
		return this.frames.stream().filter((frame) -> frame.contains("event:tree-change")).toList();
	}

	/** Add a session through the change pipeline, as every route writes. */
	private void writeThroughApi(String session) {
		this.changes.run(MgmtCommand.addSession("scst_local", TARGET, session));
	}

	/**
	 * Add a session outside this server: straight into the simulator, not its gateway.
	 */
	private void writeOutside(String session) {
		MgmtCommand command = MgmtCommand.addSession("scst_local", TARGET, session);
		((SimulatedScstSysfs) this.sysfs).simulator()
			.write(command.file(), command.line().getBytes(StandardCharsets.UTF_8));
	}

}
