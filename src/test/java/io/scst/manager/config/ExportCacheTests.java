package io.scst.manager.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.MgmtCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The save's cache reads an object again once it was read (or created by a step) longer
 * ago than its bound, each object by its own age, with a clock the test moves.
 */
class ExportCacheTests {

	private static final long MINUTE = 60_000_000_000L;

	private final AtomicLong clock = new AtomicLong(1_000);

	private final ExportCache cache = new ExportCache(MINUTE, this.clock::get);

	private final List<String> reads = new ArrayList<>();

	@Test
	void anObjectIsReadAgainOnceItIsOlderThanTheBoundAndNotBefore() {
		this.cache.beforeRead(0);
		device("old");
		this.clock.addAndGet(MINUTE / 2);
		this.cache.beforeRead(0);
		device("old");
		assertThat(this.reads).containsExactly("old");
		this.clock.addAndGet(MINUTE / 2 + 1);
		this.cache.beforeRead(0);
		device("old");
		assertThat(this.reads).containsExactly("old", "old");
	}

	@Test
	void anObjectCreatedByAStepIsAsFreshAsARead() {
		this.cache.beforeRead(0);
		device("old");
		target("t-old");
		this.clock.addAndGet(MINUTE - 10);
		// a change of one step: a new device, taken from the step
		this.cache.changed(List.of(step(MgmtCommand.addDevice("vdisk_nullio", "new", Map.of("size", "1048576")))), true,
				1);
		this.cache.changed(List.of(step(MgmtCommand.addTarget("scst_local", "t-new", Map.of()))), true, 2);
		this.clock.addAndGet(20);
		this.cache.beforeRead(2);
		assertThat(device("new").attributes()).containsOnlyKeys("size");
		assertThat(target("t-new").luns()).isEmpty();
		device("old");
		target("t-old");
		assertThat(this.reads).as("the old ones read again, the new ones kept")
			.containsExactly("old", "t-old", "old", "t-old");
		this.clock.addAndGet(MINUTE);
		this.cache.beforeRead(2);
		device("new");
		target("t-new");
		assertThat(this.reads).endsWith("new", "t-new");
	}

	@Test
	void aWriteThatWasNotAnnouncedDropsEverything() {
		this.cache.beforeRead(0);
		device("a");
		this.cache.beforeRead(1);
		device("a");
		assertThat(this.reads).containsExactly("a", "a");
	}

	@Test
	void objectsThatAreGoneAreDroppedAndTheOthersKept() {
		this.cache.beforeRead(0);
		device("gone");
		device("kept");
		target("t-gone");
		target("iqn/kept");
		this.cache.retain(Set.of("kept"), Map.of("scst_local", Set.of("iqn/kept")));
		assertThat(this.cache.size()).isEqualTo(2);
		this.cache.beforeRead(0);
		device("kept");
		target("iqn/kept");
		device("gone");
		target("t-gone");
		assertThat(this.reads).as("kept ones not read again, gone ones read again")
			.containsExactly("gone", "kept", "t-gone", "iqn/kept", "gone", "t-gone");
		this.cache.retain(Set.of(), Map.of());
		assertThat(this.cache.size()).isZero();
	}

	private LiveState.LiveDevice device(String name) {
		return this.cache.device(name, () -> {
			this.reads.add(name);
			return new LiveState.LiveDevice(name, "vdisk_nullio", Map.of());
		});
	}

	private LiveState.LiveTarget target(String name) {
		return this.cache.target("scst_local", name, () -> {
			this.reads.add(name);
			return new LiveState.LiveTarget("scst_local", name, Map.of(), List.of(), Map.of(), Map.of());
		});
	}

	private static Step step(MgmtCommand command) {
		return Step.of(Step.CREATE, command.file().toString(), new Write.Mgmt(command));
	}

}
