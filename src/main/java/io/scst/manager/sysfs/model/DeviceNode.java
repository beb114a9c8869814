package io.scst.manager.sysfs.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.scst.manager.sysfs.Attribute;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/** A handle on a device ({@code devices/<device>/}). */
public final class DeviceNode extends SysfsNode {

	private final String name;

	DeviceNode(ScstSysfs sysfs, String name) {
		super(sysfs, ScstTree.device(name));
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	/** The link to its handler. */
	public Link handlerLink() {
		return link(ScstTree.HANDLER_LINK);
	}

	/** Its handler's name, or empty when it has none (one {@code readlink}). */
	public Optional<String> handlerName() {
		return handlerLink().targetNameIfPresent();
	}

	/** Its handler, or empty when it has none (one {@code readlink}). */
	public Optional<HandlerNode> handler() {
		return handlerName().map((handler) -> new HandlerNode(sysfs(), handler));
	}

	/**
	 * Its size in bytes, or empty when it has no {@code size} file or the file does not
	 * hold a number (one read).
	 */
	public Optional<Long> size() {
		Optional<Attribute> size = attribute(ScstTree.SIZE).contentIfPresent();
		if (size.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.valueOf(size.get().value().strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Its {@code read_only} file. */
	public AttributeFile readOnly() {
		return attribute(ScstTree.READ_ONLY);
	}

	/** The directory of its {@code exportN} links. */
	private ScstPath exported() {
		return ScstTree.deviceExported(this.name);
	}

	/**
	 * How many entries its {@code exported} directory has (one listing).
	 * @throws io.scst.manager.sysfs.KernelRejectedException when the directory is missing
	 */
	public int exportedCount() {
		return sysfs().list(exported()).size();
	}

	/**
	 * The LUNs exporting it, from its {@code exported/exportN} links in the order of
	 * {@code N} (one listing, one {@code readlink} per link); links of another shape are
	 * left out.
	 */
	public List<LunAddress> exports() {
		ScstPath exported = exported();
		List<String> links = new ArrayList<>(exportLinks(exported));
		links.sort(Comparator.comparingLong(DeviceNode::exportNumber).thenComparing(Comparator.naturalOrder()));
		List<LunAddress> exports = new ArrayList<>();
		for (String link : links) {
			LunAddress export = LunAddress.parse(new Link(sysfs(), exported.resolve(link)).target());
			if (export != null) {
				exports.add(export);
			}
		}
		return exports;
	}

	/**
	 * Whether a LUN that matches exports it: its links are read in listing order, only up
	 * to the first match.
	 */
	public boolean anyExport(Predicate<LunAddress> matching) {
		ScstPath exported = exported();
		for (String link : exportLinks(exported)) {
			LunAddress export = LunAddress.parse(new Link(sysfs(), exported.resolve(link)).target());
			if (export != null && matching.test(export)) {
				return true;
			}
		}
		return false;
	}

	private List<String> exportLinks(ScstPath exported) {
		return new DirectoryNode(sysfs(), exported).listingIfPresent().map(Listing::links).orElse(List.of());
	}

	private static long exportNumber(String linkName) {
		int start = linkName.length();
		while (start > 0 && Character.isDigit(linkName.charAt(start - 1))) {
			start--;
		}
		return (start < linkName.length()) ? Long.parseLong(linkName.substring(start)) : Long.MAX_VALUE;
	}

}
