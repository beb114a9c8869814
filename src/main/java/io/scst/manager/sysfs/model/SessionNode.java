package io.scst.manager.sysfs.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * A handle on a session ({@code targets/<driver>/<target>/sessions/<session>/}). Sessions
 * are named by their directory: SCST adds {@code _N} to duplicate initiator names.
 */
public final class SessionNode extends TargetChildNode {

	SessionNode(ScstSysfs sysfs, TargetNode target, String name) {
		super(sysfs, target, name, ScstTree.session(target.driver(), target.name(), name));
	}

	/** {@code initiator_name}. */
	public AttributeFile initiatorNameFile() {
		return attribute(ScstTree.INITIATOR_NAME);
	}

	/** The initiator's name (one read). */
	public String initiatorName() {
		return initiatorNameFile().value();
	}

	/** scst_local's binary {@code transport_id}. */
	public AttributeFile transportIdFile() {
		return attribute(ScstTree.TRANSPORT_ID);
	}

	/**
	 * The bytes of its TransportID, or empty when it has no readable {@code transport_id}
	 * (an {@code lstat}, then a read).
	 */
	public Optional<byte[]> transportId() {
		AttributeFile file = transportIdFile();
		return file.isReadable() ? Optional.of(file.content().bytes()) : Optional.empty();
	}

	/**
	 * scst_local: the Linux SCSI host number, or empty when it has no readable
	 * {@code host_no} or the file holds no such number (an {@code lstat}, then a read).
	 */
	public Optional<Integer> hostNumber() {
		AttributeFile file = attribute(ScstTree.HOST_NO);
		if (!file.isReadable()) {
			return Optional.empty();
		}
		Long host = parseCounter(file.value());
		return (host != null && host <= Integer.MAX_VALUE) ? Optional.of(host.intValue()) : Optional.empty();
	}

	/** The link to the LUN set it sees. */
	public Link lunSetLink() {
		return link(ScstTree.SESSION_LUNS);
	}

	/** The LUN set it sees: its target's own or a group's (one {@code readlink}). */
	public LunSet lunSet() {
		return target().lunSet(ScstTree.sessionGroup(lunSetLink().target()));
	}

	/** The numbers of its {@code lun<N>} directories, ascending (one listing). */
	public List<Integer> lunNumbers() {
		List<Integer> luns = new ArrayList<>();
		for (String entry : listing().directories()) {
			Integer lun = ScstTree.sessionLunNumber(entry);
			if (lun != null) {
				luns.add(lun);
			}
		}
		luns.sort(null);
		return luns;
	}

	/**
	 * Its counters ({@link ScstTree#SESSION_COUNTERS}, in that order): one listing, then
	 * one read per readable counter file; a counter that does not hold a number is left
	 * out.
	 */
	public Map<String, Long> counters() {
		Set<String> files = Set.copyOf(listing().readableFiles());
		Map<String, Long> counters = new LinkedHashMap<>();
		for (String counter : ScstTree.SESSION_COUNTERS) {
			if (files.contains(counter)) {
				Long value = parseCounter(attribute(counter).value());
				if (value != null) {
					counters.put(counter, value);
				}
			}
		}
		return counters;
	}

	/** A counter or number file's value, or {@code null} when it holds none. */
	private static @Nullable Long parseCounter(String text) {
		String value = text.strip();
		if (value.isEmpty() || value.length() > 19) {
			return null;
		}
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
