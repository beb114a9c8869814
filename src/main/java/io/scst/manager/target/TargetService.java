package io.scst.manager.target;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.AttributeFiles;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.TargetNode;
import io.scst.manager.web.Page;
import io.scst.manager.web.Slice;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The targets of a target driver ({@code targets/<driver>/<target>/}). Every request is
 * checked completely (names, values, existence, what the driver offers) before the first
 * write.
 */
@Service
public class TargetService {

	/** The {@code add_target} parameter that creates a session (scst_local). */
	static final String SESSION_NAME_PARAMETER = MgmtCommand.SESSION_NAME;

	private final ScstSysfs sysfs;

	private final Scst scst;

	private final TargetDriverService drivers;

	private final ChangePipeline changes;

	@Autowired
	public TargetService(ScstSysfs sysfs, TargetDriverService drivers, ChangePipeline changes) {
		this.sysfs = sysfs;
		this.scst = Scst.of(sysfs);
		this.drivers = drivers;
		this.changes = changes;
	}

	/** A service whose changes go through a pipeline without a backing-file policy. */
	public TargetService(ScstSysfs sysfs, TargetDriverService drivers) {
		this(sysfs, drivers, ChangePipeline.unrestricted(sysfs));
	}

	/**
	 * List a driver's targets.
	 * @param driver the driver
	 * @return its targets, sorted by name
	 */
	public List<TargetSummary> list(String driver) {
		return list(driver, Page.all()).items();
	}

	/**
	 * List one page of a driver's targets. Only the targets of the page are read.
	 * @param driver the driver
	 * @param page which targets, by name
	 * @return the targets of the page, sorted by name
	 * @throws InvalidNameException when {@code after} is not a target name
	 */
	public Slice<TargetSummary> list(String driver, Page page) {
		this.drivers.requireDriver(driver);
		return page
			.select(this.drivers.targetNames(driver), Comparator.naturalOrder(),
					(after) -> ScstNames.target("after", after))
			.map((target) -> new TargetSummary(target, enabled(driver, target),
					node(driver, target).sessionNames().size(), lunCount(driver, target)));
	}

	/**
	 * Describe a target.
	 * @param driver the driver
	 * @param target the target name
	 * @return the target as read now
	 */
	public Target describe(String driver, String target) {
		requireTarget(driver, target);
		TargetNode node = node(driver, target);
		return new Target(target, driver, node.attributes(), sessionNames(driver, target), lunCount(driver, target),
				node.groupNames().stream().sorted().toList());
	}

	/**
	 * Create a target with {@code add_target}, its sessions in the same command.
	 * @param driver the driver
	 * @param request the target
	 * @return the new target
	 */
	public Target create(String driver, CreateTargetRequest request) {
		this.drivers.requireDriver(driver);
		String name = ScstNames.target("name", request.name());
		List<String> sessions = (request.sessions() != null) ? request.sessions() : List.of();
		for (int i = 0; i < sessions.size(); i++) {
			ScstNames.session("sessions[" + i + "]", sessions.get(i));
		}
		Map<String, String> parameters = (request.parameters() != null) ? request.parameters() : Map.of();
		DriverCapabilities capabilities = this.drivers.capabilities(driver);
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			String field = "parameters." + parameter.getKey();
			ScstNames.parameter(field, parameter.getKey());
			if (parameter.getKey().equalsIgnoreCase(SESSION_NAME_PARAMETER)
					|| !capabilities.targetParameters().contains(parameter.getKey())) {
				throw new InvalidNameException(field,
						"'" + parameter.getKey() + "' is not an add_target parameter of " + driver
								+ ((parameter.getKey().equalsIgnoreCase(SESSION_NAME_PARAMETER)) ? " (use 'sessions')"
										: " (accepted: " + capabilities.targetParameters() + ")"));
			}
			ScstNames.value(field, parameter.getValue());
		}
		if (!capabilities.addTarget()) {
			throw new UnsupportedByDriverException(driver, "create targets (its management file has no add_target)");
		}
		if (!sessions.isEmpty() && !capabilities.targetParameters().contains(SESSION_NAME_PARAMETER)) {
			throw new UnsupportedByDriverException(driver, "create sessions with a target");
		}
		if (node(driver, name).present()) {
			throw new TargetAlreadyExistsException(driver, name);
		}
		for (String session : sessions) {
			requireUnusedSessionName(driver, session, null);
		}
		this.changes.run(Step.of(Step.CREATE, object(driver, name),
				new Write.Mgmt(MgmtCommand.addTarget(driver, name, parameters, sessions))));
		return describe(driver, name);
	}

	/**
	 * Write attributes of a target in the order given; when one write fails, the ones
	 * already written get their earlier values back and the failure is rethrown.
	 * @param driver the driver
	 * @param target the target
	 * @param request the new values
	 * @return the target as read afterwards
	 */
	public Target update(String driver, String target, UpdateTargetRequest request) {
		requireTarget(driver, target);
		Map<String, String> changes = request.attributes();
		if (changes == null || changes.isEmpty()) {
			throw new InvalidNameException("attributes", "must name at least one attribute");
		}
		this.changes.run(Step.updates(object(driver, target),
				AttributeFiles.plan(this.sysfs, ScstTree.target(driver, target), changes, "target " + target)));
		return describe(driver, target);
	}

	/**
	 * Delete a target with {@code del_target} (its sessions, groups and LUNs go with it).
	 * @param driver the driver
	 * @param target the target
	 */
	public void delete(String driver, String target) {
		requireTarget(driver, target);
		if (!this.drivers.capabilities(driver).delTarget()) {
			throw new UnsupportedByDriverException(driver, "delete targets (its management file has no del_target)");
		}
		this.changes
			.run(Step.of(Step.DELETE, object(driver, target), new Write.Mgmt(MgmtCommand.delTarget(driver, target))));
	}

	/**
	 * Refuse a session name that a session of any target of the driver has as its
	 * directory already: scst_local names the Linux device of a session after it, so the
	 * kernel refuses a second one (EEXIST) or, on the same target, creates
	 * {@code <name>_1}; a retried request must not create a second session.
	 * @param driver the driver
	 * @param session the session name (validated)
	 * @param except the target whose sessions may have the name (a duplicate asked for),
	 * or {@code null}
	 * @throws SessionNameInUseException when the name is in use
	 */
	public void requireUnusedSessionName(String driver, String session, @Nullable String except) {
		String entry = ScstPath.entryName(session);
		for (String target : this.drivers.targetNames(driver)) {
			if (!target.equals(except) && node(driver, target).session(entry).present()) {
				throw new SessionNameInUseException(driver, target, session);
			}
		}
	}

	private static String object(String driver, String target) {
		return "target-drivers/" + driver + "/targets/" + target;
	}

	/**
	 * Check that a target exists.
	 * @param driver the driver (validated, must exist)
	 * @param target the target name (validated)
	 * @throws TargetNotFoundException when it does not exist
	 */
	public void requireTarget(String driver, String target) {
		this.drivers.requireDriver(driver);
		ScstNames.target("target", target);
		if (!node(driver, target).exists()) {
			throw new TargetNotFoundException(driver, target);
		}
	}

	private TargetNode node(String driver, String target) {
		return this.scst.targetDriver(driver).target(target);
	}

	private @Nullable Boolean enabled(String driver, String target) {
		AttributeFile enabled = node(driver, target).enabled();
		if (!enabled.isReadable()) {
			return null;
		}
		return enabled.value().strip().equals("1");
	}

	private List<String> sessionNames(String driver, String target) {
		return node(driver, target).sessionNames().stream().sorted().toList();
	}

	private int lunCount(String driver, String target) {
		return node(driver, target).luns().count();
	}

}
