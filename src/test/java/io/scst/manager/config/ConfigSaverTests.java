package io.scst.manager.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.scst.manager.FreshSimulator;
import io.scst.manager.change.ChangePipeline;
import io.scst.manager.sysfs.MgmtCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Background saves: complete, coalesced, ordered after changes, finished at shutdown. */
class ConfigSaverTests extends FreshSimulator {

	@TempDir
	Path dir;

	@Test
	void savesTheStateAfterAChange() throws Exception {
		ConfigService service = service();
		ConfigSaver saver = new ConfigSaver(service, Supplier::get);
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "saved1", Map.of()));
		saver.changed();
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(Files.readString(file())).contains("DEVICE saved1");
		assertThat(saver.pending()).isFalse();
		assertThat(saver.lastSaved()).isNotNull();
		assertThat(saver.lastError()).isNull();
		saver.destroy();
	}

	@Test
	void changesDuringASaveAreCoveredByOneMoreSave() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger saves = new AtomicInteger();
		ConfigService service = blockingAfterTheFirstRead(saves, firstStarted, release);
		ConfigSaver saver = new ConfigSaver(service, Supplier::get);
		saver.changed();
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 20; i++) {
			this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "burst" + i, Map.of()));
			saver.changed();
		}
		assertThat(saver.pending()).isTrue();
		release.countDown();
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(saves.get()).isEqualTo(2);
		assertThat(Files.readString(file())).contains("DEVICE burst19");
		saver.destroy();
	}

	@Test
	void requestsThatWaitForASaveShareTheNextOne() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger saves = new AtomicInteger();
		ConfigSaver saver = new ConfigSaver(blockingAfterTheFirstRead(saves, firstStarted, release), Supplier::get);
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "group0", Map.of()));
		saver.changed();
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<ConfigSaver.Saved>> requests = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "group" + i, Map.of()));
			saver.changed();
		}
		for (int i = 1; i <= 8; i++) {
			// eight requests save before their answers while the first save runs
			requests.add(CompletableFuture.supplyAsync(saver::flush, Executors.newSingleThreadExecutor()));
		}
		release.countDown();
		for (CompletableFuture<ConfigSaver.Saved> request : requests) {
			assertThat(request.get(10, TimeUnit.SECONDS)).isNotNull()
				.extracting(ConfigSaver.Saved::outcome)
				.isEqualTo(ConfigSaver.Saved.WRITTEN);
		}
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(saves.get()).as("the first save, then one for all eight requests").isEqualTo(2);
		assertThat(Files.readString(file())).contains("DEVICE group8");
		saver.destroy();
	}

	@Test
	void aSaveWaitsForAChangeInProgress() throws Exception {
		ConfigService service = service();
		ReentrantReadWriteLock order = new ReentrantReadWriteLock(true);
		ConfigSaver saver = new ConfigSaver(service, new ConfigSaver.Reader() {
			@Override
			public <T> T read(Supplier<T> reader) {
				order.readLock().lock();
				try {
					return reader.get();
				}
				finally {
					order.readLock().unlock();
				}
			}
		});
		order.writeLock().lock();
		try {
			this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "half1", Map.of()));
			saver.changed();
			assertThat(saver.awaitSaved(Duration.ofMillis(300))).isFalse();
			assertThat(file()).doesNotExist();
			this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "half2", Map.of()));
		}
		finally {
			order.writeLock().unlock();
		}
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(Files.readString(file())).contains("DEVICE half1").contains("DEVICE half2");
		saver.destroy();
	}

	@Test
	void shutdownFinishesThePendingSave() throws Exception {
		ConfigService service = service();
		CountDownLatch started = new CountDownLatch(1);
		ConfigSaver saver = new ConfigSaver(service, new ConfigSaver.Reader() {
			@Override
			public <T> T read(Supplier<T> reader) {
				started.countDown();
				sleep(200);
				return reader.get();
			}
		});
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "late1", Map.of()));
		saver.changed();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		saver.destroy();
		assertThat(Files.readString(file())).contains("DEVICE late1");
	}

	@Test
	void aFailedSaveIsReportedAndTheNextOneClearsIt() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		ConfigSaver saver = new ConfigSaver(service(), new ConfigSaver.Reader() {
			@Override
			public <T> T read(Supplier<T> reader) {
				if (calls.incrementAndGet() == 1) {
					throw new IllegalStateException("tree unreadable");
				}
				return reader.get();
			}
		});
		saver.changed();
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(saver.lastError()).isEqualTo("tree unreadable");
		assertThat(file()).doesNotExist();
		saver.changed();
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		assertThat(saver.lastError()).isNull();
		assertThat(file()).exists();
		saver.destroy();
	}

	/**
	 * A service whose first save waits for {@code release} after it read the tree, so
	 * that changes made meanwhile are not in it; {@code saves} counts the saves' reads.
	 */
	private ConfigService blockingAfterTheFirstRead(AtomicInteger saves, CountDownLatch firstStarted,
			CountDownLatch release) {
		return new ConfigService(this.sysfs, new ConfigStore(file(), 2), ChangePipeline.unrestricted(this.sysfs)) {
			@Override
			ScstConfig exportForSave() {
				ScstConfig read = super.exportForSave();
				if (saves.incrementAndGet() == 1) {
					firstStarted.countDown();
					await(release);
				}
				return read;
			}
		};
	}

	private ConfigService service() {
		return new ConfigService(this.sysfs, new ConfigStore(file(), 2), ChangePipeline.unrestricted(this.sysfs));
	}

	private Path file() {
		return this.dir.resolve("saved.conf");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
