package io.scst.manager.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.scst.manager.security.BackingFilePolicy;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way the server writes to SCST. Every REST route, the config apply and the
 * restore at start hand their writes over as steps; for the whole list, before the first
 * write:
 * <ol>
 * <li>validate: every name and value against SCST's grammar
 * ({@link Write#validate()});</li>
 * <li>policy: every backing file against the {@link BackingFilePolicy} (resolved real
 * path);</li>
 * </ol>
 * then write the steps in order. When a write fails, the steps done are undone in reverse
 * order (as far as SCST lets them) and the failure is thrown. Roles are checked before a
 * request reaches a service (Spring Security); each request's writes are audited by the
 * gateway listener of {@code security.AuditFilter}.
 */
public class ChangePipeline {

	private static final Logger logger = LoggerFactory.getLogger(ChangePipeline.class);

	private final ScstSysfs sysfs;

	private final BackingFilePolicy backingFiles;

	private final List<Named> listeners = new CopyOnWriteArrayList<>();

	private final List<Runnable> beforeWrites = new CopyOnWriteArrayList<>();

	public ChangePipeline(ScstSysfs sysfs, BackingFilePolicy backingFiles) {
		this.sysfs = sysfs;
		this.backingFiles = backingFiles;
	}

	/**
	 * A pipeline without a backing-file policy (every file allowed), for tests and tools.
	 * @param sysfs the gateway
	 * @return the pipeline
	 */
	public static ChangePipeline unrestricted(ScstSysfs sysfs) {
		return new ChangePipeline(sysfs, BackingFilePolicy.unrestricted());
	}

	/**
	 * Have something told after every run that wrote (whether it completed or was
	 * undone), before the run returns: the configuration saver, so that a change is
	 * covered by a save before its answer is sent; the sessions, to wait for the SCSI
	 * scan a change starts.
	 * @param name what the listener does, as a run's {@link Timing} names it (a
	 * {@code Server-Timing} metric name: a token)
	 * @param listener what to tell
	 */
	public void onChange(String name, Listener listener) {
		this.listeners.add(new Named(name, listener));
	}

	/**
	 * Have something told before the first write of every run that has steps, after the
	 * steps were checked: the tree watcher, which looks at the tree before the API's
	 * writes so that what changed outside until then is not taken for the API's own
	 * change. A run refused by its checks tells nothing.
	 * @param hook what to run
	 */
	public void beforeWrites(Runnable hook) {
		this.beforeWrites.add(hook);
	}

	/**
	 * Check every step (validate, then policy) without writing anything.
	 * @param steps the steps
	 * @throws io.scst.manager.sysfs.InvalidNameException when a name or value is not
	 * acceptable
	 * @throws io.scst.manager.security.BackingFileForbiddenException when a backing file
	 * is outside the policy
	 */
	public void check(List<Step> steps) {
		for (Step step : steps) {
			step.write().validate();
		}
		for (Step step : steps) {
			Optional<String> file = step.write().backingFile();
			if (file.isPresent()) {
				this.backingFiles.check("filename", file.get());
			}
		}
	}

	/**
	 * Check and write one management command (a request that is one command).
	 * @param command the command
	 */
	public void run(MgmtCommand command) {
		String verb = command.line().split(" ", 2)[0];
		String kind = (verb.startsWith("add") || verb.equals("create")) ? Step.CREATE
				: (verb.startsWith("del") || verb.equals("clear")) ? Step.DELETE : Step.UPDATE;
		run(Step.of(kind, command.file().parent().toString(), new Write.Mgmt(command)));
	}

	/**
	 * Check and write one step.
	 * @param step the step
	 */
	public void run(Step step) {
		run(List.of(step));
	}

	/**
	 * Check all steps, then write them in order; all or nothing. When a write fails, the
	 * done steps are undone and the failure is rethrown (undo failures suppressed in it).
	 * @param steps the steps
	 */
	public void run(List<Step> steps) {
		run(steps, (failure) -> {
			failure.rollbackErrors().forEach(failure.cause()::addSuppressed);
			return failure.cause();
		});
	}

	/**
	 * Check all steps, then write them in order; all or nothing. When a write fails, the
	 * done steps are undone and what {@code onFailure} makes of it is thrown.
	 * @param steps the steps
	 * @param onFailure the exception to throw for a failed step
	 * @return how long the writes and then each listener took
	 */
	public Timing run(List<Step> steps, Function<Failure, RuntimeException> onFailure) {
		check(steps);
		aboutToWrite(steps);
		boolean completed = false;
		long start = System.nanoTime();
		long written;
		Map<String, Long> told;
		try {
			for (int i = 0; i < steps.size(); i++) {
				try {
					steps.get(i).write().run(this.sysfs);
				}
				catch (RuntimeException ex) {
					List<RuntimeException> rollbackErrors = new ArrayList<>();
					List<String> rollbackFailures = rollback(steps.subList(0, i), rollbackErrors);
					throw onFailure
						.apply(new Failure(i, steps.size(), steps.get(i), ex, rollbackFailures, rollbackErrors));
				}
			}
			completed = true;
		}
		finally {
			written = System.nanoTime();
			told = changed(steps, completed);
		}
		return new Timing(written - start, told);
	}

	/**
	 * Check all steps, then write each of them, going on after a failure (the restore at
	 * start): a step whose object already failed is skipped, nothing is undone.
	 * @param steps the steps
	 * @param objectOf the object a step is reported under
	 * @return per step, in order: {@code null} when written, else why it was not
	 */
	public List<String> runEach(List<Step> steps, Function<Step, String> objectOf) {
		check(steps);
		aboutToWrite(steps);
		List<String> outcomes = new ArrayList<>();
		try {
			runEach(steps, objectOf, outcomes);
		}
		finally {
			changed(steps, true);
		}
		return outcomes;
	}

	private void runEach(List<Step> steps, Function<Step, String> objectOf, List<String> outcomes) {
		List<String> failedObjects = new ArrayList<>();
		for (Step step : steps) {
			String object = objectOf.apply(step);
			if (failedObjects.contains(object)) {
				outcomes.add("skipped: an earlier step of " + object + " failed");
				continue;
			}
			try {
				step.write().run(this.sysfs);
				outcomes.add(null);
			}
			catch (RuntimeException ex) {
				logger.warn("{} failed: {}", step.write().describe(), ex.getMessage());
				failedObjects.add(object);
				outcomes.add(step.write().describe() + ": " + ex.getMessage());
			}
		}
	}

	private void aboutToWrite(List<Step> steps) {
		if (!steps.isEmpty()) {
			this.beforeWrites.forEach(Runnable::run);
		}
	}

	/** Tell the listeners; how long each took, in nanoseconds, by name. */
	private Map<String, Long> changed(List<Step> steps, boolean completed) {
		if (steps.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> took = new LinkedHashMap<>();
		for (Named named : this.listeners) {
			long start = System.nanoTime();
			named.listener().changed(steps, completed);
			took.merge(named.name(), System.nanoTime() - start, Long::sum);
		}
		return took;
	}

	/**
	 * Undo steps in reverse order; the failures, empty when everything was undone (the
	 * exceptions added to {@code errors}).
	 */
	private List<String> rollback(List<Step> done, List<RuntimeException> errors) {
		List<String> failures = new ArrayList<>();
		for (int i = done.size() - 1; i >= 0; i--) {
			for (Write undo : done.get(i).undo()) {
				try {
					undo.run(this.sysfs);
				}
				catch (RuntimeException ex) {
					errors.add(ex);
					logger.warn("Undoing step {} ({}) with '{}' failed: {}", i + 1, done.get(i).object(),
							undo.describe(), ex.getMessage());
					failures.add("undoing step " + (i + 1) + " (" + done.get(i).object() + ") with '" + undo.describe()
							+ "' failed: " + ex.getMessage());
				}
			}
		}
		return failures;
	}

	/** Told after a run that wrote. */
	@FunctionalInterface
	public interface Listener {

		/**
		 * A run wrote.
		 * @param steps the run's steps
		 * @param completed whether all were written ({@code false}: a write failed and
		 * the done ones were undone as far as possible, or the run was cut short)
		 */
		void changed(List<Step> steps, boolean completed);

	}

	private record Named(String name, Listener listener) {

	}

	/**
	 * How long a run took.
	 *
	 * @param writeNanos the writes
	 * @param listenerNanos each listener told afterwards, by name, in the order they were
	 * told (empty when nothing was written)
	 */
	public record Timing(long writeNanos, Map<String, Long> listenerNanos) {

		public Timing {
			listenerNanos = Collections.unmodifiableMap(new LinkedHashMap<>(listenerNanos));
		}

	}

	/**
	 * A failed write.
	 *
	 * @param index the failed step's index
	 * @param total how many steps there were
	 * @param step the failed step
	 * @param cause what the write threw
	 * @param rollbackFailures the undo writes that failed, described (empty: everything
	 * was undone)
	 * @param rollbackErrors what those undo writes threw
	 */
	public record Failure(int index, int total, Step step, RuntimeException cause, List<String> rollbackFailures,
			List<RuntimeException> rollbackErrors) {

	}

}
