package io.scst.manager.sysfs.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * A handle on a LUN set: the {@code luns/} directory of a target or of one of its
 * initiator groups.
 */
public final class LunSet extends SysfsNode {

	private final TargetNode target;

	private final @Nullable String group;

	LunSet(ScstSysfs sysfs, TargetNode target, @Nullable String group) {
		super(sysfs, ScstTree.luns(target.driver(), target.name(), group));
		this.target = target;
		this.group = group;
	}

	/** The target. */
	public TargetNode target() {
		return this.target;
	}

	/** The group whose set this is, or empty for the target's own. */
	public Optional<String> group() {
		return Optional.ofNullable(this.group);
	}

	/**
	 * How many subdirectories it has (one listing).
	 * @throws io.scst.manager.sysfs.KernelRejectedException when it is missing
	 */
	public int count() {
		return listing().directories().size();
	}

	/**
	 * The numbers of its LUNs, in listing order (one listing; nothing of the LUNs is
	 * read).
	 */
	public List<Integer> numbers() {
		return numbers(listing());
	}

	/** Its LUNs, in listing order (one listing). */
	public List<LunNode> luns() {
		return numbers().stream().map(this::lun).toList();
	}

	/** Its LUNs, or empty when the set is missing (one listing). */
	public Optional<List<LunNode>> lunsIfPresent() {
		return listingIfPresent().map((listing) -> numbers(listing).stream().map(this::lun).toList());
	}

	/** A LUN by number (nothing is read; ask {@link LunNode#exists()}). */
	public LunNode lun(int number) {
		return new LunNode(sysfs(), this, number);
	}

	private static List<Integer> numbers(Listing listing) {
		List<Integer> numbers = new ArrayList<>();
		for (String name : listing.directories()) {
			Integer number = lunNumber(name);
			if (number != null) {
				numbers.add(number);
			}
		}
		return numbers;
	}

	/** The number a LUN directory is named by, or {@code null} for another entry. */
	static @Nullable Integer lunNumber(String name) {
		if (name.isEmpty() || name.length() > 5 || !name.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Integer.valueOf(name);
	}

}
