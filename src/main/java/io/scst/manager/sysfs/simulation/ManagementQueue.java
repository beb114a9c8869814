package io.scst.manager.sysfs.simulation;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.scst.manager.sysfs.Errno;

/**
 * SCST's asynchronous management: queued stores and reads run one at a time on the sysfs
 * work thread, the result of the last queued store is the global
 * {@code last_sysfs_mgmt_res}, which answers {@code EAGAIN} while work is pending, and
 * delayed actions (scans, session closes) run later under the simulator's lock.
 */
final class ManagementQueue implements AutoCloseable {

	private final ExecutorService workThread;

	private final ScheduledExecutorService timers;

	private final ReentrantLock lock;

	private final Object workState = new Object();

	private int pendingWorks;

	private int lastResult;

	private long queuedReads;

	/**
	 * @param lock the simulator's lock ({@code scst_mutex}), taken by delayed actions
	 */
	ManagementQueue(ReentrantLock lock) {
		this.lock = lock;
		this.workThread = Executors.newSingleThreadExecutor((r) -> daemon(r, "scst-sim-sysfs-work"));
		this.timers = Executors.newSingleThreadScheduledExecutor((r) -> daemon(r, "scst-sim-timers"));
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * The result of the last queued store (0 or a negative errno), as the file shows it.
	 */
	int lastResult() {
		return this.lastResult;
	}

	/**
	 * A read of {@code last_sysfs_mgmt_res}: its line, or {@code EAGAIN} while work is
	 * pending.
	 */
	String readLastResult() {
		synchronized (this.workState) {
			if (this.pendingWorks > 0) {
				throw new SimErrno(Errno.EAGAIN);
			}
			return this.lastResult + "\n";
		}
	}

	/**
	 * With {@code debug-eagain}: whether this queued read answers {@code EAGAIN} (three
	 * of every four do).
	 */
	boolean debugReadEagain() {
		synchronized (this.workState) {
			return ++this.queuedReads % 4 != 0;
		}
	}

	/**
	 * Queue work on the work thread.
	 * @param task the work
	 * @param updatesResult whether its value (an {@link Integer}) becomes
	 * {@code last_sysfs_mgmt_res}
	 * @return the work's outcome
	 */
	<T> CompletableFuture<T> submit(Callable<T> task, boolean updatesResult) {
		synchronized (this.workState) {
			this.pendingWorks++;
		}
		CompletableFuture<T> future = new CompletableFuture<>();
		this.workThread.execute(() -> {
			try {
				T value = task.call();
				synchronized (this.workState) {
					if (updatesResult) {
						this.lastResult = (Integer) value;
					}
					this.pendingWorks--;
				}
				future.complete(value);
			}
			catch (Throwable ex) {
				synchronized (this.workState) {
					this.pendingWorks--;
				}
				future.completeExceptionally(ex);
			}
		});
		return future;
	}

	/**
	 * Run an action after a delay under the lock; at once (the caller holds it) for 0.
	 */
	void schedule(Runnable action, Duration delay) {
		if (delay.isZero()) {
			action.run();
			return;
		}
		this.timers.schedule(() -> {
			this.lock.lock();
			try {
				action.run();
			}
			finally {
				this.lock.unlock();
			}
		}, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Sleep for an injected delay. */
	static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.workThread.shutdownNow();
		this.timers.shutdownNow();
	}

}
