package io.scst.manager.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.scst.manager.sysfs.InvalidNameException;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of objects an apply may remove when the desired configuration does not name
 * them. Nothing is removed unless its kind is named.
 */
public enum Prune {

	/** Devices (with the LUNs that use them). */
	DEVICES,
	/** Targets (with their groups and LUNs) of drivers that can delete targets. */
	TARGETS,
	/** LUNs of targets and groups (never the copy manager's). */
	LUNS,
	/** Initiator groups (with their LUNs and initiators). */
	GROUPS,
	/** Initiator entries of groups. */
	INITIATORS,
	/** scst_local sessions. */
	SESSIONS;

	/**
	 * Parse a comma-separated list such as {@code devices,luns}.
	 * @param text the list, or {@code null} for none
	 * @return the kinds
	 * @throws InvalidNameException when a word is not a kind
	 */
	public static Set<Prune> parse(@Nullable String text) {
		Set<Prune> kinds = EnumSet.noneOf(Prune.class);
		if (text == null) {
			return kinds;
		}
		for (String word : text.split(",")) {
			if (word.isBlank()) {
				continue;
			}
			try {
				kinds.add(valueOf(word.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidNameException("prune",
						"'" + word.strip() + "' is not one of devices, targets, luns, groups, initiators, sessions");
			}
		}
		return kinds;
	}

}
