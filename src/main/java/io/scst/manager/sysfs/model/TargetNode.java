package io.scst.manager.sysfs.model;

import java.util.List;
import java.util.Optional;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/** A handle on a target ({@code targets/<driver>/<target>/}). */
public final class TargetNode extends SysfsNode {

	private final String driver;

	private final String name;

	TargetNode(ScstSysfs sysfs, String driver, String name) {
		super(sysfs, ScstTree.target(driver, name));
		this.driver = driver;
		this.name = name;
	}

	/** The target driver's name. */
	public String driver() {
		return this.driver;
	}

	/** The target's name (the object name, {@code /} as such). */
	public String name() {
		return this.name;
	}

	/** Its driver. */
	public TargetDriverNode targetDriver() {
		return new TargetDriverNode(sysfs(), this.driver);
	}

	private SysfsNode sessionsDir() {
		return new DirectoryNode(sysfs(), ScstTree.sessions(this.driver, this.name));
	}

	/**
	 * The names of its sessions (their directory names), in listing order (one listing).
	 * @throws io.scst.manager.sysfs.KernelRejectedException when it has no
	 * {@code sessions} directory
	 */
	public List<String> sessionNames() {
		return sessionsDir().listing().directories();
	}

	/** The names of its sessions, or empty when it has no {@code sessions} directory. */
	public Optional<List<String>> sessionNamesIfPresent() {
		return sessionsDir().listingIfPresent().map(Listing::directories);
	}

	/** Its sessions (one listing). */
	public List<SessionNode> sessions() {
		return sessionNames().stream().map(this::session).toList();
	}

	/**
	 * A session by directory name (nothing is read; ask {@link SessionNode#exists()}).
	 */
	public SessionNode session(String entryName) {
		return new SessionNode(sysfs(), this, entryName);
	}

	/** Its own LUN set ({@code luns/}). */
	public LunSet luns() {
		return new LunSet(sysfs(), this, null);
	}

	/**
	 * Its own LUN set or that of one of its groups.
	 * @param group the group, or {@code null} for its own set
	 */
	public LunSet lunSet(@Nullable String group) {
		return new LunSet(sysfs(), this, group);
	}

	private SysfsNode groupsDir() {
		return new DirectoryNode(sysfs(), ScstTree.iniGroups(this.driver, this.name));
	}

	/**
	 * The names of its initiator groups (object names), in listing order (one listing).
	 * @throws io.scst.manager.sysfs.KernelRejectedException when it has no
	 * {@code ini_groups} directory
	 */
	public List<String> groupNames() {
		return groupsDir().listing().directories().stream().map(ScstTree::objectName).toList();
	}

	/**
	 * The directory names of its initiator groups ({@code /} shown as {@code !}), in
	 * listing order (one listing).
	 */
	public List<String> groupEntryNames() {
		return groupsDir().listing().directories();
	}

	/** The names of its groups, or empty when it has no {@code ini_groups} directory. */
	public Optional<List<String>> groupNamesIfPresent() {
		return groupsDir().listingIfPresent()
			.map((listing) -> listing.directories().stream().map(ScstTree::objectName).toList());
	}

	/** Its initiator groups (one listing). */
	public List<GroupNode> groups() {
		return groupNames().stream().map(this::group).toList();
	}

	/** An initiator group by name (nothing is read; ask {@link GroupNode#exists()}). */
	public GroupNode group(String name) {
		return new GroupNode(sysfs(), this, name);
	}

	/** {@code enabled}: the switch of drivers with hardware targets. */
	public AttributeFile enabled() {
		return attribute(ScstTree.ENABLED);
	}

}
