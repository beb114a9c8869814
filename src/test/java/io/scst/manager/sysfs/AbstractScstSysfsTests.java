package io.scst.manager.sysfs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.KernelRejectedException.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SCST's write protocol in {@link AbstractScstSysfs}, driven by scripted raw operations:
 * {@code EAGAIN} from a write is resolved through {@code last_sysfs_mgmt_res}, queued
 * reads are retried, and every other errno is passed on untouched.
 */
class AbstractScstSysfsTests {

	private static final ScstPath MGMT = ScstPath.of("handlers/vdisk_fileio/mgmt");

	private static final ScstPath ATTRIBUTE = ScstPath.of("devices/disk1/size");

	private final RecordingListener listener = new RecordingListener();

	private final ScriptedSysfs sysfs = new ScriptedSysfs(Duration.ofSeconds(5), this.listener);

	@Test
	void aWriteThatSucceedsIsWrittenOnceNewlineTerminated() {
		this.sysfs.writes(null);
		this.sysfs.write(MGMT, "add_device disk1 filename=/d");
		assertThat(this.sysfs.calls).containsExactly("write " + MGMT + " add_device disk1 filename=/d\\n");
		assertThat(this.listener.events).containsExactly("written " + MGMT + " 'add_device disk1 filename=/d' null");
	}

	@Test
	void everyFinishedWriteIsCountedWhetherItSucceededOrFailedAndReadsAreNot() {
		assertThat(this.sysfs.writes()).isZero();
		this.sysfs.writes(null);
		this.sysfs.writes(Errno.EINVAL);
		this.sysfs.write(MGMT, "add_device disk1 filename=/d");
		assertThat(this.sysfs.writes()).isOne();
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, "-22\n");
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.write(MGMT, "bogus"));
		this.sysfs.reads(ATTRIBUTE, "4096\n");
		this.sysfs.read(ATTRIBUTE);
		assertThat(this.sysfs.writes()).isEqualTo(2);
	}

	@Test
	void aValueAlreadyEndingInANewlineGetsNoSecondOne() {
		this.sysfs.writes(null);
		this.sysfs.write(MGMT, "x\n");
		assertThat(this.sysfs.calls).containsExactly("write " + MGMT + " x\\n");
	}

	@Test
	void anEagainWriteReportsTheErrnoThatLastSysfsMgmtResFinallyHolds() {
		this.sysfs.writes(Errno.EAGAIN);
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, Errno.EAGAIN, Errno.EAGAIN, "-17\n");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.sysfs.write(MGMT, "add_device disk1 filename=/d"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EEXIST);
				assertThat(ex.stage()).isEqualTo(Stage.RESULT);
				assertThat(ex.path()).isEqualTo(MGMT);
				assertThat(ex.written()).isEqualTo("add_device disk1 filename=/d");
			});
		assertThat(this.sysfs.calls).containsExactly("write " + MGMT + " add_device disk1 filename=/d\\n",
				"read last_sysfs_mgmt_res", "read last_sysfs_mgmt_res", "read last_sysfs_mgmt_res");
		assertThat(this.listener.events).containsExactly("eagain " + MGMT + " 3",
				"written " + MGMT + " 'add_device disk1 filename=/d' EEXIST");
	}

	@Test
	void anEagainWriteSucceedsWhenLastSysfsMgmtResReadsZero() {
		this.sysfs.writes(Errno.EAGAIN);
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, Errno.EAGAIN, "0\n");
		this.sysfs.write(MGMT, "del_device disk1");
		assertThat(this.sysfs.calls).hasSize(3);
		assertThat(this.listener.events).containsExactly("eagain " + MGMT + " 2",
				"written " + MGMT + " 'del_device disk1' null");
	}

	@Test
	void anEagainWriteThatNeverResolvesFailsAsBusyAfterTheTimeout() {
		ScriptedSysfs sysfs = new ScriptedSysfs(Duration.ofMillis(200), this.listener);
		sysfs.writes(Errno.EAGAIN);
		sysfs.reads(AbstractScstSysfs.LAST_RESULT, Errno.EAGAIN);
		long start = System.nanoTime();
		assertThatExceptionOfType(ScstBusyException.class).isThrownBy(() -> sysfs.write(MGMT, "add_device disk1"))
			.satisfies((ex) -> {
				assertThat(ex.path()).isEqualTo(MGMT);
				assertThat(ex.written()).isEqualTo("add_device disk1");
				assertThat(ex.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(sysfs.calls.size()).isGreaterThan(2);
		assertThat(this.listener.events).containsExactly("written " + MGMT + " 'add_device disk1' EAGAIN");
	}

	/**
	 * SCST 3.11 answers {@code EAGAIN} only after waiting 15 s for the work
	 * ({@code scst_sysfs_queue_wait_work()}), longer than the default 10 s timeout: the
	 * timeout counts from the {@code EAGAIN}, so the result is still polled for (seen on
	 * Linux 6.1: an {@code add_device} whose backing file is a FIFO nobody writes).
	 */
	@Test
	void aWriteThatAnswersEagainOnlyAfterTheTimeoutStillPollsForItsResult() {
		ScriptedSysfs sysfs = new ScriptedSysfs(Duration.ofMillis(300), this.listener) {

			@Override
			protected void rawWrite(ScstPath path, byte[] data) {
				try {
					Thread.sleep(400);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				super.rawWrite(path, data);
			}

		};
		sysfs.writes(Errno.EAGAIN);
		sysfs.reads(AbstractScstSysfs.LAST_RESULT, Errno.EAGAIN, Errno.EAGAIN, "-22\n");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs.write(MGMT, "add_device d1 filename=/fifo"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
				assertThat(ex.stage()).isEqualTo(Stage.RESULT);
				assertThat(ex.lastResult()).isEqualTo(-22);
			});
		assertThat(sysfs.calls).hasSize(4);
	}

	@Test
	void aReadThatAnswersEagainOnlyAfterTheTimeoutIsStillRetried() {
		ScriptedSysfs sysfs = new ScriptedSysfs(Duration.ofMillis(300), this.listener) {

			@Override
			protected byte[] rawRead(ScstPath path) {
				if (this.calls.isEmpty()) {
					try {
						Thread.sleep(400);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return super.rawRead(path);
			}

		};
		sysfs.reads(ATTRIBUTE, Errno.EAGAIN, "4096\n");
		assertThat(sysfs.read(ATTRIBUTE).value()).isEqualTo("4096");
	}

	@Test
	void aWriteErrnoOtherThanEagainIsThrownAsIsWithoutPolling() {
		this.sysfs.writes(Errno.EINVAL);
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, "-22\n");
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.write(MGMT, "bogus"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
				assertThat(ex.stage()).isEqualTo(Stage.WRITE);
				assertThat(ex.written()).isEqualTo("bogus");
				assertThat(ex.lastResult()).isEqualTo(-22);
			});
		assertThat(this.sysfs.calls).containsExactly("write " + MGMT + " bogus\\n",
				"read " + AbstractScstSysfs.LAST_RESULT);
		assertThat(this.listener.events).containsExactly("written " + MGMT + " 'bogus' EINVAL");
	}

	@Test
	void everyListenerHearsEvenWhenOneThrows() {
		RecordingListener second = new RecordingListener();
		AbstractScstSysfs.GatewayListener throwing = new AbstractScstSysfs.GatewayListener() {
			@Override
			public void written(ScstPath path, String written, @Nullable Errno errno, Duration took) {
				throw new IllegalStateException("broken listener");
			}
		};
		ScriptedSysfs sysfs = new ScriptedSysfs(Duration.ofSeconds(1),
				AbstractScstSysfs.GatewayListener.all(List.of(throwing, second)));
		sysfs.writes(null);
		sysfs.write(MGMT, "add_device d1");
		assertThat(second.events).containsExactly("written " + MGMT + " 'add_device d1' null");
	}

	@Test
	void aBusyResultFileLeavesTheLastResultOut() {
		this.sysfs.writes(Errno.EEXIST);
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, Errno.EAGAIN);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.write(MGMT, "dup"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EEXIST);
				assertThat(ex.lastResult()).isNull();
			});
		assertThat(this.sysfs.calls).hasSize(2);
	}

	@Test
	void attributeWritesDoNotReadTheLastResult() {
		this.sysfs.writes(Errno.EINVAL);
		ScstPath attribute = ScstPath.of("threads");
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.write(attribute, "x"))
			.satisfies((ex) -> assertThat(ex.lastResult()).isNull());
		assertThat(this.sysfs.calls).containsExactly("write threads x\\n");
	}

	@Test
	void anEagainAtOpenIsNotAQueuedCommand() {
		this.sysfs.writesFailingAtOpen(Errno.EAGAIN);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.write(MGMT, "x"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EAGAIN);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
		assertThat(this.sysfs.calls).containsExactly("write " + MGMT + " x\\n");
	}

	@Test
	void aFailureToReadTheResultIsThrownAsIs() {
		this.sysfs.writes(Errno.EAGAIN);
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, Errno.EAGAIN, Errno.EACCES);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.write(MGMT, "x"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EACCES);
				assertThat(ex.path()).isEqualTo(AbstractScstSysfs.LAST_RESULT);
			});
	}

	@Test
	void anUnparsableResultMakesTheTreeUnavailable() {
		this.sysfs.writes(Errno.EAGAIN);
		this.sysfs.reads(AbstractScstSysfs.LAST_RESULT, "garbage\n");
		assertThatExceptionOfType(ScstUnavailableException.class).isThrownBy(() -> this.sysfs.write(MGMT, "x"))
			.withMessageContaining("garbage");
	}

	@Test
	void aReadAnsweringEagainIsRetriedUntilItHasContent() {
		this.sysfs.reads(ATTRIBUTE, Errno.EAGAIN, Errno.EAGAIN, Errno.EAGAIN, "65536\n[key]\n");
		Attribute attribute = this.sysfs.read(ATTRIBUTE);
		assertThat(attribute.value()).isEqualTo("65536");
		assertThat(attribute.key()).isTrue();
		assertThat(this.sysfs.calls).hasSize(4);
		assertThat(this.listener.events).containsExactly("eagain " + ATTRIBUTE + " 3");
	}

	@Test
	void aReadThatStaysEagainFailsAsBusy() {
		ScriptedSysfs sysfs = new ScriptedSysfs(Duration.ofMillis(200), this.listener);
		sysfs.reads(ATTRIBUTE, Errno.EAGAIN);
		assertThatExceptionOfType(ScstBusyException.class).isThrownBy(() -> sysfs.read(ATTRIBUTE)).satisfies((ex) -> {
			assertThat(ex.written()).isNull();
			assertThat(ex.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		});
	}

	@Test
	void aReadErrnoOtherThanEagainIsThrownAsIs() {
		this.sysfs.reads(ATTRIBUTE, Errno.EIO);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.sysfs.read(ATTRIBUTE))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EIO));
		assertThat(this.sysfs.calls).hasSize(1);
	}

	@Test
	void writesAreNeverInFlightTogether() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxInFlight = new AtomicInteger();
		AbstractScstSysfs sysfs = new ScriptedSysfs(Duration.ofSeconds(5), AbstractScstSysfs.GatewayListener.NONE) {

			@Override
			protected void rawWrite(ScstPath path, byte[] data) {
				maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				inFlight.decrementAndGet();
			}

		};
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String command = "cmd" + i;
				futures.add(executor.submit(() -> sysfs.write(MGMT, command)));
			}
			for (Future<?> future : futures) {
				future.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(maxInFlight).hasValue(1);
	}

	/**
	 * Raw operations that answer from a script: each write takes the next answer (none
	 * for success), each read of a path the next answer for that path (an {@link Errno}
	 * or the content); the last answer is repeated.
	 */
	private static class ScriptedSysfs extends AbstractScstSysfs {

		final List<String> calls = Collections.synchronizedList(new ArrayList<>());

		private final Deque<Optional<Errno>> writeAnswers = new ArrayDeque<>();

		private final Map<ScstPath, Deque<Object>> readAnswers = new HashMap<>();

		private Stage writeStage = Stage.WRITE;

		ScriptedSysfs(Duration timeout, GatewayListener listener) {
			super(timeout, listener);
		}

		void writes(@Nullable Errno answer) {
			this.writeAnswers.add(Optional.ofNullable(answer));
		}

		void writesFailingAtOpen(Errno errno) {
			this.writeStage = Stage.OPEN;
			writes(errno);
		}

		void reads(ScstPath path, Object... answers) {
			this.readAnswers.computeIfAbsent(path, (key) -> new ArrayDeque<>()).addAll(List.of(answers));
		}

		@Override
		public Mode mode() {
			return Mode.SIMULATOR;
		}

		@Override
		public String location() {
			return "script";
		}

		@Override
		public boolean available() {
			return true;
		}

		@Override
		protected List<Entry> rawList(ScstPath dir) {
			throw new UnsupportedOperationException();
		}

		@Override
		protected Optional<Entry> rawStat(ScstPath path) {
			throw new UnsupportedOperationException();
		}

		@Override
		protected byte[] rawRead(ScstPath path) {
			this.calls.add("read " + path);
			Deque<Object> answers = this.readAnswers.get(path);
			assertThat(answers).as("script for reading " + path).isNotNull().isNotEmpty();
			Object answer = (answers.size() > 1) ? answers.removeFirst() : answers.getFirst();
			if (answer instanceof Errno errno) {
				throw new KernelRejectedException(errno, Stage.READ, path, null);
			}
			return ((String) answer).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void rawWrite(ScstPath path, byte[] data) {
			String text = new String(data, StandardCharsets.UTF_8);
			this.calls.add("write " + path + " " + text.replace("\n", "\\n"));
			Optional<Errno> answer = (this.writeAnswers.size() > 1) ? this.writeAnswers.removeFirst()
					: this.writeAnswers.getFirst();
			answer.ifPresent((errno) -> {
				throw new KernelRejectedException(errno, this.writeStage, path, text.stripTrailing());
			});
		}

		@Override
		protected String rawReadLink(ScstPath path) {
			throw new UnsupportedOperationException();
		}

	}

	private static final class RecordingListener implements AbstractScstSysfs.GatewayListener {

		final List<String> events = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void written(ScstPath path, String written, @Nullable Errno errno, Duration took) {
			this.events.add("written " + path + " '" + written + "' " + errno);
		}

		@Override
		public void eagainResolved(ScstPath path, int attempts, Duration waited) {
			this.events.add("eagain " + path + " " + attempts);
		}

	}

}
