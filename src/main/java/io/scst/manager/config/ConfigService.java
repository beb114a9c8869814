package io.scst.manager.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.security.BackingFileForbiddenException;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of SCST: export the live configuration (scst.conf or model), plan and
 * apply a desired one with rollback, save the live configuration after changes, report
 * drift from the saved one and restore it.
 */
public class ConfigService {

	private static final Log logger = LogFactory.getLog(ConfigService.class);

	private final ScstSysfs sysfs;

	private final ConfigStore store;

	private final ChangePipeline changes;

	private volatile RestoreReport restoreReport;

	private volatile @Nullable LastApply lastApply;

	/** What the last save read, for the next save (see {@link ExportCache}). */
	private final ExportCache saveCache = new ExportCache(SAVE_CACHE_MAX_AGE.toNanos());

	/**
	 * What the last save exported and wrote of each kept object (see {@link ExportMemo}).
	 */
	private final ExportMemo saveMemo = new ExportMemo();

	/**
	 * After how long a save reads a kept object again (counted from when it was read or
	 * created by a step), so that a change made by another tool to an object this server
	 * did not touch reaches the saved file.
	 */
	public static final Duration SAVE_CACHE_MAX_AGE = Duration.ofMinutes(1);

	public ConfigService(ScstSysfs sysfs, ConfigStore store, ChangePipeline changes) {
		this.sysfs = sysfs;
		this.store = store;
		this.changes = changes;
		changes.onChange("save-cache", (steps, completed) -> this.saveCache.changed(steps, completed, sysfs.writes()));
		this.restoreReport = new RestoreReport("disabled", store.file().toString(), List.of());
	}

	/**
	 * The live configuration as scstadmin's {@code -write_config} would save it.
	 * @return the configuration, sorted
	 */
	public ScstConfig export() {
		return LiveState.of(this.sysfs).export();
	}

	/**
	 * The live configuration in scst.conf format.
	 * @return the file's text
	 */
	public String exportText() {
		return ConfigFormat.write(export());
	}

	/**
	 * What applying a configuration would write, checked as the apply would check it
	 * (names, values, backing-file policy). Nothing is written.
	 * @param desired the configuration
	 * @param prune the kinds of objects to remove when the configuration lacks them
	 * @return the ordered steps
	 * @throws ConfigConflictException when the configuration cannot be reached
	 */
	public Plan plan(ScstConfig desired, Set<Prune> prune) {
		return plan(desired, prune, false);
	}

	/**
	 * {@link #plan(ScstConfig, Set)}, with SCST's I/O suspended around the writes when
	 * asked for (see {@link #apply(ScstConfig, Set, boolean)}).
	 * @param desired the configuration
	 * @param prune the kinds of objects to remove when the configuration lacks them
	 * @param suspend whether to suspend SCST's I/O around the writes
	 * @return the ordered steps
	 * @throws ConfigConflictException when the configuration cannot be reached, or cannot
	 * be reached while suspended
	 */
	public Plan plan(ScstConfig desired, Set<Prune> prune, boolean suspend) {
		ConfigPlanner.Result plan = planSteps(desired, prune, suspend);
		this.changes.check(plan.steps());
		return plan.view();
	}

	/**
	 * Apply a configuration: the plan's steps in order. When a step fails, the steps done
	 * are undone in reverse order and the failure is thrown.
	 * @param desired the configuration
	 * @param prune the kinds of objects to remove when the configuration lacks them
	 * @return what was done
	 * @throws ConfigConflictException when the configuration cannot be reached (nothing
	 * written)
	 * @throws ApplyFailedException when the kernel rejected a step (after the rollback)
	 */
	public ApplyResult apply(ScstConfig desired, Set<Prune> prune) {
		return apply(desired, prune, false);
	}

	/**
	 * {@link #apply(ScstConfig, Set)}, with SCST's I/O suspended around the writes when
	 * asked for: a first step writes SCST's {@code suspend} (waiting up to the gateway's
	 * timeout for the commands in flight), a last one resumes, and undoing the first
	 * resumes after a failed step. SCST's own management commands suspend and resume for
	 * each command; under one suspension they do not wait again. Refused for a change
	 * that removes anything: removing a session's SCSI host waits for commands that the
	 * suspension holds.
	 * @param desired the configuration
	 * @param prune the kinds of objects to remove when the configuration lacks them
	 * @param suspend whether to suspend SCST's I/O around the writes
	 * @return what was done
	 * @throws ConfigConflictException when the configuration cannot be reached, or cannot
	 * be reached while suspended (nothing written)
	 * @throws ApplyFailedException when the kernel rejected a step (after the rollback)
	 */
	public ApplyResult apply(ScstConfig desired, Set<Prune> prune, boolean suspend) {
		long start = System.nanoTime();
		ConfigPlanner.Result plan = planSteps(desired, prune, suspend);
		long planned = System.nanoTime();
		List<Step> steps = plan.steps();
		ChangePipeline.Timing run = this.changes.run(steps, (failure) -> {
			PlanStep step = PlanStep.of(failure.step());
			this.lastApply = LastApply.failed(steps.size(), failure.index(), step.command(),
					failure.cause().getMessage(), failure.rollbackFailures().isEmpty());
			if (failure.cause() instanceof KernelRejectedException rejected) {
				return new ApplyFailedException(step, failure.index(), steps.size(), rejected,
						failure.rollbackFailures());
			}
			for (String rollbackFailure : failure.rollbackFailures()) {
				failure.cause().addSuppressed(new IllegalStateException(rollbackFailure));
			}
			return failure.cause();
		});
		this.lastApply = LastApply.ok(steps.size());
		return new ApplyResult(steps.size(), plan.view().steps(), plan.notes())
			.withTiming(ApplyTiming.of(planned - start, run));
	}

	/**
	 * How the last apply of this server ended, or {@code null} when there was none since
	 * start-up.
	 * @return the outcome
	 */
	public @Nullable LastApply lastApply() {
		return this.lastApply;
	}

	/**
	 * {@link #plan(ScstConfig, Set)} for an scst.conf text and a prune list.
	 * @param text the configuration file's text
	 * @param prune comma-separated kinds to remove, or {@code null}
	 * @return the plan
	 */
	public Plan plan(String text, @Nullable String prune) {
		return plan(text, prune, false);
	}

	/**
	 * {@link #plan(ScstConfig, Set, boolean)} for an scst.conf text and a prune list.
	 * @param text the configuration file's text
	 * @param prune comma-separated kinds to remove, or {@code null}
	 * @param suspend whether to suspend SCST's I/O around the writes
	 * @return the plan
	 */
	public Plan plan(String text, @Nullable String prune, boolean suspend) {
		return plan(ConfigFormat.parse(text), Prune.parse(prune), suspend);
	}

	/**
	 * {@link #plan(ScstConfig, Set)} with a prune list.
	 * @param desired the configuration
	 * @param prune comma-separated kinds to remove, or {@code null}
	 * @return the plan
	 */
	public Plan plan(ScstConfig desired, @Nullable String prune) {
		return plan(desired, Prune.parse(prune));
	}

	/**
	 * {@link #apply(ScstConfig, Set)} for an scst.conf text and a prune list.
	 * @param text the configuration file's text
	 * @param prune comma-separated kinds to remove, or {@code null}
	 * @return what was done
	 */
	public ApplyResult apply(String text, @Nullable String prune) {
		return apply(text, prune, false);
	}

	/**
	 * {@link #apply(ScstConfig, Set, boolean)} for an scst.conf text and a prune list.
	 * @param text the configuration file's text
	 * @param prune comma-separated kinds to remove, or {@code null}
	 * @param suspend whether to suspend SCST's I/O around the writes
	 * @return what was done
	 */
	public ApplyResult apply(String text, @Nullable String prune, boolean suspend) {
		long start = System.nanoTime();
		ScstConfig desired = ConfigFormat.parse(text);
		long parsed = System.nanoTime();
		ApplyResult result = apply(desired, Prune.parse(prune), suspend);
		return (result.timing() != null) ? result.withTiming(result.timing().afterParse(parsed - start)) : result;
	}

	/**
	 * {@link #apply(ScstConfig, Set)} with a prune list.
	 * @param desired the configuration
	 * @param prune comma-separated kinds to remove, or {@code null}
	 * @return what was done
	 */
	public ApplyResult apply(ScstConfig desired, @Nullable String prune) {
		return apply(desired, Prune.parse(prune));
	}

	private ConfigPlanner.Result planSteps(ScstConfig desired, Set<Prune> prune, boolean suspend) {
		ConfigPlanner.Result plan = new ConfigPlanner(LiveState.of(this.sysfs), desired, prune).plan();
		if (!suspend || plan.steps().isEmpty()) {
			return plan;
		}
		return new ConfigPlanner.Result(Suspension.around(plan.steps(), this.sysfs.timeout()), plan.notes());
	}

	// ---------------------------------------------------------------- persistence

	/** Where the saved configuration is. */
	public String savedFile() {
		return this.store.file().toString();
	}

	/**
	 * Save the live configuration (atomically, rotating backups) unless it equals the
	 * saved one.
	 * @return whether a new version was written
	 */
	public boolean saveLive() {
		synchronized (this.saveMemo) {
			String text = ConfigFormat.write(exportForSave(), this.saveMemo);
			this.saveMemo.next();
			return this.store.save(text);
		}
	}

	/**
	 * The live configuration as a save sees it: devices and targets that no change of
	 * this server wrote below since the last save are taken from what that save read (see
	 * {@link ExportCache} for the bounds); the rest is read. Called by
	 * {@link #saveLive()}, under the lock of the memo it uses.
	 */
	ScstConfig exportForSave() {
		this.saveCache.beforeRead(this.sysfs.writes());
		LiveState state = LiveState.of(this.sysfs, this.saveCache);
		ScstConfig config = state.export(this.saveMemo);
		state.retainIn(this.saveCache);
		return config;
	}

	/** How many objects the save cache holds (for tests). */
	int saveCacheSize() {
		return this.saveCache.size();
	}

	/**
	 * The saved configuration.
	 * @return the model
	 * @throws SavedConfigNotFoundException when nothing was saved yet
	 */
	public ScstConfig saved() {
		return ConfigFormat.parse(this.store.load().orElseThrow(() -> new SavedConfigNotFoundException(savedFile())));
	}

	/**
	 * The differences between the live configuration and the saved one, both ways.
	 * @return the drift
	 * @throws SavedConfigNotFoundException when nothing was saved yet
	 */
	public Drift drift() {
		Map<String, Map<String, String>> saved = flatten(saved().canonical());
		Map<String, Map<String, String>> live = flatten(export());
		List<Drift.Difference> differences = new ArrayList<>();
		Set<String> objects = new TreeSet<>(saved.keySet());
		objects.addAll(live.keySet());
		for (String object : objects) {
			Map<String, String> a = live.get(object);
			Map<String, String> b = saved.get(object);
			if (a == null || b == null) {
				differences.add(new Drift.Difference(object, null, (a != null) ? "present" : null,
						(b != null) ? "present" : null));
				continue;
			}
			Set<String> attributes = new TreeSet<>(a.keySet());
			attributes.addAll(b.keySet());
			for (String attribute : attributes) {
				if (!Values.equivalent(attribute, a.get(attribute), b.get(attribute))) {
					differences.add(new Drift.Difference(object, attribute, a.get(attribute), b.get(attribute)));
				}
			}
		}
		return new Drift(savedFile(), differences.isEmpty(), differences);
	}

	/**
	 * A configuration as objects named like API resources, each with its attributes (a
	 * device's handler, a LUN's device, a target's session names as attributes too).
	 */
	static Map<String, Map<String, String>> flatten(ScstConfig config) {
		Map<String, Map<String, String>> objects = new TreeMap<>();
		objects.put("scst", new TreeMap<>(config.attributes()));
		for (ScstConfig.Handler handler : config.handlers()) {
			objects.put("handlers/" + handler.name(), new TreeMap<>(handler.attributes()));
			for (ScstConfig.Device device : handler.devices()) {
				Map<String, String> attributes = new TreeMap<>(Values.normaliseDevice(device.attributes()));
				attributes.put(ScstTree.HANDLER_LINK, handler.name());
				objects.put("devices/" + device.name(), attributes);
			}
		}
		for (ScstConfig.Driver driver : config.drivers()) {
			String driverObject = "target-drivers/" + driver.name();
			objects.put(driverObject, new TreeMap<>(driver.attributes()));
			for (ScstConfig.Target target : driver.targets()) {
				String targetObject = driverObject + "/targets/" + target.name();
				Map<String, String> attributes = new TreeMap<>(target.attributes());
				if (!target.sessions().isEmpty()) {
					attributes.put(MgmtCommand.SESSION_NAME,
							String.join(" ", target.sessions().stream().sorted().toList()));
				}
				objects.put(targetObject, attributes);
				if (!driver.name().equals(ScstTree.COPY_MANAGER)) {
					luns(objects, targetObject, target.luns());
				}
				for (ScstConfig.Group group : target.groups()) {
					String groupObject = targetObject + "/ini-groups/" + group.name();
					objects.put(groupObject, new TreeMap<>(group.attributes()));
					luns(objects, groupObject, group.luns());
					for (String initiator : group.initiators()) {
						objects.put(groupObject + "/initiators/" + initiator, new TreeMap<>());
					}
				}
			}
		}
		return objects;
	}

	private static void luns(Map<String, Map<String, String>> objects, String owner, List<ScstConfig.Lun> luns) {
		for (ScstConfig.Lun lun : luns) {
			Map<String, String> attributes = new TreeMap<>();
			attributes.put(ScstTree.DEVICE_LINK, lun.device());
			attributes.put(ScstTree.READ_ONLY, lun.readOnly() ? "1" : "0");
			objects.put(owner + "/luns/" + lun.number(), attributes);
		}
	}

	// ---------------------------------------------------------------- restore

	/**
	 * Apply the saved configuration without removing anything, step by step: a failed
	 * step is reported and the others still run. Nothing is saved afterwards, so objects
	 * that failed stay in the saved configuration.
	 * @return the per-object report (also kept for {@link #restoreReport()})
	 */
	public RestoreReport restore() {
		RestoreReport report;
		try {
			report = restoreSaved();
		}
		catch (RuntimeException ex) {
			logger.warn("Restoring the saved configuration failed: " + ex.getMessage(), ex);
			report = new RestoreReport("failed", savedFile(),
					List.of(new RestoreReport.ObjectReport("configuration", "failed", ex.getMessage())));
		}
		this.restoreReport = report;
		return report;
	}

	private RestoreReport restoreSaved() {
		String text = this.store.load().orElse(null);
		if (text == null) {
			return new RestoreReport("nothing-saved", savedFile(), List.of());
		}
		ScstConfig saved = ConfigFormat.parse(text);
		List<Step> steps = planSteps(saved, Set.of(), false).steps();
		List<String> outcomes;
		try {
			outcomes = this.changes.runEach(steps, (step) -> owner(step.object()));
		}
		catch (InvalidNameException | BackingFileForbiddenException ex) {
			logger.error("Not restoring the saved configuration " + savedFile() + ": " + ex.getMessage());
			return new RestoreReport("refused", savedFile(), List.of(new RestoreReport.ObjectReport("configuration",
					"refused", "nothing was applied: " + ex.getMessage())));
		}
		Map<String, List<String>> applied = new LinkedHashMap<>();
		Map<String, String> failed = new LinkedHashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			String object = owner(steps.get(i).object());
			String outcome = outcomes.get(i);
			if (outcome == null) {
				applied.computeIfAbsent(object, (key) -> new ArrayList<>()).add(steps.get(i).write().describe());
			}
			else {
				failed.putIfAbsent(object, outcome);
			}
		}
		Set<String> objects = new TreeSet<>(flatten(saved.canonical()).keySet());
		objects.addAll(applied.keySet());
		objects.addAll(failed.keySet());
		List<RestoreReport.ObjectReport> reports = new ArrayList<>();
		for (String object : objects) {
			if (failed.containsKey(object)) {
				reports.add(new RestoreReport.ObjectReport(object, "failed", failed.get(object)));
			}
			else if (applied.containsKey(object)) {
				reports.add(new RestoreReport.ObjectReport(object, "applied", String.join("; ", applied.get(object))));
			}
			else {
				reports.add(new RestoreReport.ObjectReport(object, "present", null));
			}
		}
		return new RestoreReport(failed.isEmpty() ? "done" : "failed", savedFile(), reports);
	}

	/** Sessions are reported with their target (session names are target attributes). */
	private static String owner(String object) {
		int sessions = object.indexOf("/sessions/");
		return (sessions >= 0) ? object.substring(0, sessions) : object;
	}

	/**
	 * What the restore at start did.
	 * @return the report ({@code disabled} when restore-on-start is off)
	 */
	public RestoreReport restoreReport() {
		return this.restoreReport;
	}

	@Nullable String savedText() {
		return this.store.load().orElse(null);
	}

}
