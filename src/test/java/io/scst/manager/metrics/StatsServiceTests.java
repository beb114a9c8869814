package io.scst.manager.metrics;

import java.time.Duration;

import io.scst.manager.FreshSimulator;
import io.scst.manager.scst.ScstService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link StatsService}'s snapshot cache and dropped totals. */
class StatsServiceTests extends FreshSimulator {

	private StatsService service(Duration maxAge, int maxSessions) {
		return new StatsService(this.sysfs, new ScstService(this.sysfs), new MetricsProperties(maxAge, 100, maxSessions,
				100, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(60)));
	}

	@Test
	void aSnapshotYoungerThanMaxAgeIsReused() {
		StatsService service = service(Duration.ofHours(1), 100);
		ScstSnapshot first = service.snapshot();
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", 1, 1, 0, 0);
		assertThat(service.snapshot()).isSameAs(first);
		assertThat(service.walks()).isEqualTo(1);
	}

	@Test
	void aSnapshotOlderThanMaxAgeIsNotServed() throws InterruptedException {
		StatsService service = service(Duration.ofMillis(200), 100);
		ScstSnapshot first = service.snapshot();
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", 4, 1, 0, 0);
		// time passing past max-age is the behaviour under test, not a wait for a
		// condition
		Thread.sleep(200);
		ScstSnapshot later = service.snapshot();
		assertThat(later).isNotSameAs(first);
		assertThat(later.takenAt()).isAfterOrEqualTo(first.takenAt().plusMillis(200));
		assertThat(hostCommands(later)).isEqualTo(4);
	}

	@Test
	void maxAgeZeroWalksEveryTime() {
		StatsService service = service(Duration.ZERO, 100);
		ScstSnapshot first = service.snapshot();
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", 1, 1, 0, 0);
		ScstSnapshot second = service.snapshot();
		assertThat(second).isNotSameAs(first);
		assertThat(service.walks()).isEqualTo(2);
		assertThat(hostCommands(second)).isEqualTo(1);
	}

	@Test
	void droppedObjectsAddUpOverSnapshots() {
		StatsService service = service(Duration.ZERO, 1);
		service.snapshot();
		service.snapshot();
		assertThat(service.droppedTotals().sessions()).isEqualTo(2);
	}

	/** The first direction's completed commands of the default session. */
	private static long hostCommands(ScstSnapshot snapshot) {
		return snapshot.sessions()
			.stream()
			.filter((s) -> s.session().equals("scst_local_host"))
			.findFirst()
			.orElseThrow()
			.directions()
			.get(0)
			.commands();
	}

}
