package io.scst.manager.sysfs.model;

import java.util.ArrayList;
import java.util.List;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/**
 * A handle on an initiator group ({@code targets/<driver>/<target>/ini_groups/<group>/}).
 */
public final class GroupNode extends TargetChildNode {

	GroupNode(ScstSysfs sysfs, TargetNode target, String name) {
		super(sysfs, target, name, ScstTree.iniGroup(target.driver(), target.name(), name));
	}

	/** Its LUN set. */
	public LunSet luns() {
		return new LunSet(sysfs(), target(), name());
	}

	private SysfsNode initiatorsDir() {
		return new DirectoryNode(sysfs(), ScstTree.initiators(target().driver(), target().name(), name()));
	}

	/**
	 * The entry names of its initiator files, in listing order (one listing; nothing is
	 * read).
	 */
	public List<String> initiatorEntries() {
		return initiatorsDir().listing().files().stream().map(AttributeFile::name).toList();
	}

	/**
	 * Its initiator entries as their files hold them (one listing, one read per entry).
	 */
	public List<String> initiators() {
		List<String> initiators = new ArrayList<>();
		for (AttributeFile file : initiatorsDir().listing().files()) {
			initiators.add(file.value());
		}
		return initiators;
	}

	/**
	 * The file of one initiator entry (nothing is read; ask
	 * {@link AttributeFile#isFile()}).
	 */
	public AttributeFile initiator(String entryName) {
		return initiatorsDir().attribute(entryName);
	}

}
