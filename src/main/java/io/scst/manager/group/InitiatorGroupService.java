package io.scst.manager.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.lun.InitiatorGroupNotFoundException;
import io.scst.manager.lun.LunService;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.TargetNode;
import io.scst.manager.web.Page;
import io.scst.manager.web.Slice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The initiator groups of a target and their initiator entries. A session sees the LUN
 * set of the first group with an entry matching its initiator name, else the target's
 * default set; which set that is is read from the session's {@code luns} link. Every
 * change is one management command, written after every check passed.
 */
@Service
public class InitiatorGroupService {

	private final Scst scst;

	private final LunService luns;

	private final ChangePipeline changes;

	@Autowired
	public InitiatorGroupService(ScstSysfs sysfs, LunService luns, ChangePipeline changes) {
		this.scst = Scst.of(sysfs);
		this.luns = luns;
		this.changes = changes;
	}

	/** A service whose changes go through a pipeline without a backing-file policy. */
	public InitiatorGroupService(ScstSysfs sysfs, LunService luns) {
		this(sysfs, luns, ChangePipeline.unrestricted(sysfs));
	}

	/**
	 * List a target's initiator groups.
	 * @param driver the target driver
	 * @param target the target
	 * @return the groups by name
	 * @throws io.scst.manager.target.TargetNotFoundException when the driver or target
	 * does not exist
	 */
	public List<InitiatorGroupSummary> list(String driver, String target) {
		return list(driver, target, Page.all()).items();
	}

	/**
	 * List one page of the initiator groups of a target. Only the groups of the page are
	 * read (and the target's sessions, once).
	 * @param driver the target driver
	 * @param target the target
	 * @param page which groups, by name
	 * @return the groups of the page, sorted by name
	 * @throws io.scst.manager.sysfs.InvalidNameException when {@code after} is not a
	 * group name
	 */
	public Slice<InitiatorGroupSummary> list(String driver, String target, Page page) {
		this.luns.requireTarget(driver, target);
		Slice<String> names = page.select(groupNames(driver, target), Comparator.naturalOrder(),
				(after) -> ScstNames.group("after", after));
		Map<ScstPath, List<String>> sessions = names.items().isEmpty() ? Map.of() : sessionsByLunSet(driver, target);
		return names.map((group) -> new InitiatorGroupSummary(group, initiatorNames(driver, target, group),
				this.luns.lunNumbers(driver, target, group).size(),
				sessions.getOrDefault(target(driver, target).lunSet(group).path(), List.of())));
	}

	/**
	 * Read one initiator group.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 * @return the group with its entries, LUNs and attached sessions
	 * @throws InitiatorGroupNotFoundException when the target has no such group
	 */
	public InitiatorGroup get(String driver, String target, String group) {
		this.luns.requireLunSet(driver, target, group);
		return new InitiatorGroup(group, initiatorNames(driver, target, group), this.luns.luns(driver, target, group),
				sessionsOf(driver, target, group));
	}

	/**
	 * Create an initiator group.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the new group's name
	 * @return the new group
	 * @throws InitiatorGroupAlreadyExistsException when the target has the group already
	 */
	public InitiatorGroup create(String driver, String target, String group) {
		this.luns.requireTarget(driver, target);
		MgmtCommand create = MgmtCommand.createGroup(driver, target, group);
		if (this.luns.groupExists(driver, target, group)) {
			throw new InitiatorGroupAlreadyExistsException(
					"Target " + target + " already has an initiator group " + group);
		}
		this.changes.run(create);
		return get(driver, target, group);
	}

	/**
	 * Delete an initiator group with its LUNs and entries. SCST refuses while sessions
	 * are attached to it.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 * @throws InitiatorGroupInUseException when sessions are attached to the group
	 */
	public void delete(String driver, String target, String group) {
		this.luns.requireLunSet(driver, target, group);
		MgmtCommand del = MgmtCommand.delGroup(driver, target, group);
		List<String> sessions = sessionsOf(driver, target, group);
		if (!sessions.isEmpty()) {
			throw new InitiatorGroupInUseException("Initiator group " + group + " of target " + target
					+ " has sessions attached: " + String.join(", ", sessions)
					+ "; remove or move their initiator entries (or close the sessions) first");
		}
		this.changes.run(del);
	}

	/**
	 * List a group's initiator entries.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 * @return the entries, sorted
	 */
	public List<String> initiators(String driver, String target, String group) {
		this.luns.requireLunSet(driver, target, group);
		return initiatorNames(driver, target, group);
	}

	/**
	 * Read one initiator entry.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 * @param initiator the entry
	 * @return the entry
	 * @throws InitiatorNotFoundException when the group has no such entry
	 */
	public Initiator initiator(String driver, String target, String group, String initiator) {
		this.luns.requireLunSet(driver, target, group);
		requireInitiator(driver, target, group, initiator);
		return Initiator.of(initiator, group);
	}

	/**
	 * Add an initiator entry (a name or an SCST pattern) to a group.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 * @param initiator the entry
	 * @return the new entry
	 * @throws InitiatorAlreadyExistsException when the group has the entry already
	 */
	public Initiator addInitiator(String driver, String target, String group, String initiator) {
		this.luns.requireLunSet(driver, target, group);
		ScstNames.initiator("name", initiator);
		MgmtCommand add = MgmtCommand.addInitiator(driver, target, group, initiator);
		if (hasInitiator(driver, target, group, initiator)) {
			throw alreadyIn(group, initiator);
		}
		this.changes.run(add);
		return Initiator.of(initiator, group);
	}

	/**
	 * Remove an initiator entry from a group.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 * @param initiator the entry, spelled exactly as stored
	 * @throws InitiatorNotFoundException when the group has no such entry
	 */
	public void deleteInitiator(String driver, String target, String group, String initiator) {
		this.luns.requireLunSet(driver, target, group);
		requireInitiator(driver, target, group, initiator);
		this.changes.run(MgmtCommand.delInitiator(driver, target, group, initiator));
	}

	/**
	 * Move an initiator entry to another group of the same target.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group holding the entry
	 * @param initiator the entry
	 * @param destination the destination group
	 * @return the destination's entries after the move
	 * @throws InitiatorGroupNotFoundException when the destination does not exist
	 * @throws InitiatorAlreadyExistsException when the destination has the entry already
	 */
	public List<String> moveInitiator(String driver, String target, String group, String initiator,
			String destination) {
		this.luns.requireLunSet(driver, target, group);
		requireInitiator(driver, target, group, initiator);
		ScstNames.group("group", destination);
		MgmtCommand move = MgmtCommand.moveInitiator(driver, target, group, initiator, destination);
		this.luns.requireGroup(driver, target, destination);
		if (hasInitiator(driver, target, destination, initiator)) {
			throw alreadyIn(destination, initiator);
		}
		this.changes.run(move);
		return initiatorNames(driver, target, destination);
	}

	/**
	 * Remove every initiator entry of a group; idempotent.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the group
	 */
	public void clearInitiators(String driver, String target, String group) {
		this.luns.requireLunSet(driver, target, group);
		this.changes.run(MgmtCommand.clearInitiators(driver, target, group));
	}

	/** The names of a target's groups, sorted. */
	List<String> groupNames(String driver, String target) {
		return target(driver, target).groupEntryNames();
	}

	/** The entries of a group that is known to exist, sorted. */
	List<String> initiatorNames(String driver, String target, String group) {
		return target(driver, target).group(group).initiatorEntries();
	}

	public boolean hasInitiator(String driver, String target, String group, String initiator) {
		return ScstPath.isValidSegment(initiator) && target(driver, target).group(group).initiator(initiator).isFile();
	}

	/**
	 * The groups of the target other than {@code except} whose entries hold this
	 * initiator (compared as SCST matches names, ignoring case), sorted.
	 */
	public List<String> otherGroupsListing(String driver, String target, String initiator, String except) {
		List<String> groups = new ArrayList<>();
		for (String group : groupNames(driver, target)) {
			if (group.equals(except)) {
				continue;
			}
			for (String entry : initiatorNames(driver, target, group)) {
				if (entry.toLowerCase(Locale.ROOT).equals(initiator.toLowerCase(Locale.ROOT))) {
					groups.add(group);
					break;
				}
			}
		}
		return groups;
	}

	/** The sessions attached to a group, sorted. */
	List<String> sessionsOf(String driver, String target, String group) {
		return sessionsByLunSet(driver, target).getOrDefault(target(driver, target).lunSet(group).path(), List.of());
	}

	/** The target's sessions (directory names, sorted) by the LUN set they see. */
	private Map<ScstPath, List<String>> sessionsByLunSet(String driver, String target) {
		Map<ScstPath, List<String>> sessions = new HashMap<>();
		TargetNode node = target(driver, target);
		for (String session : node.sessionNames()) {
			ScstPath set = node.session(session).lunSetLink().resolve();
			sessions.computeIfAbsent(set, (key) -> new ArrayList<>()).add(session);
		}
		return sessions;
	}

	private TargetNode target(String driver, String target) {
		return this.scst.targetDriver(driver).target(target);
	}

	private void requireInitiator(String driver, String target, String group, String initiator) {
		if (!hasInitiator(driver, target, group, initiator)) {
			throw new InitiatorNotFoundException(
					"Initiator group " + group + " of target " + target + " has no entry " + initiator);
		}
	}

	private static InitiatorAlreadyExistsException alreadyIn(String group, String initiator) {
		return new InitiatorAlreadyExistsException("Initiator group " + group + " already has the entry " + initiator);
	}

}
