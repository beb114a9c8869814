package io.scst.manager.web;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The order of this server's work on SCST: changes run one at a time, reads run together
 * but never see a change half done. API requests take it through
 * {@link RequestOrderInterceptor}; background readers (the configuration saver) through
 * {@link #read(Supplier)}. Fair, so a stream of reads never starves a change.
 */
@Component
public class RequestOrder {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	/**
	 * Run a reader while no change of this server is in progress.
	 * @param reader what reads
	 * @param <T> its result
	 * @return the result
	 */
	public <T> T read(Supplier<T> reader) {
		this.lock.readLock().lock();
		try {
			return reader.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	Lock readLock() {
		return this.lock.readLock();
	}

	Lock writeLock() {
		return this.lock.writeLock();
	}

}
