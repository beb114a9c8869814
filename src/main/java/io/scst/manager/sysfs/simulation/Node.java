package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.Errno;

/**
 * One entry of the simulated sysfs tree. Names are kernfs names in ISO-8859-1 (one char
 * per byte).
 */
abstract sealed class Node permits Node.Dir, Node.File, Node.Link {

	/** Path of the SCST root below {@code /sys}. */
	static final List<String> ROOT_FROM_SYS = List.of("kernel", "scst_tgt");

	final String name;

	@Nullable Dir parent;

	Node(String name) {
		this.name = name;
	}

	abstract Entry.Type type();

	abstract int mode();

	/** Path below {@code /sys}. */
	List<String> pathFromSys() {
		List<String> path = new ArrayList<>();
		for (Node n = this; n.parent != null; n = n.parent) {
			path.add(n.name);
		}
		Collections.reverse(path);
		List<String> full = new ArrayList<>(ROOT_FROM_SYS);
		full.addAll(path);
		return full;
	}

	/** A directory. */
	static final class Dir extends Node {

		final TreeMap<String, Node> children = new TreeMap<>();

		Dir(String name) {
			super(name);
		}

		@Override
		Entry.Type type() {
			return Entry.Type.DIRECTORY;
		}

		@Override
		int mode() {
			return 0755;
		}

		/** Add a child; a name already present is {@code EEXIST} as in kernfs. */
		<T extends Node> T add(T child) {
			if (this.children.containsKey(child.name)) {
				throw new SimErrno(Errno.EEXIST);
			}
			child.parent = this;
			this.children.put(child.name, child);
			return child;
		}

		Dir dir(String name) {
			return add(new Dir(name));
		}

		void remove(String name) {
			Node removed = this.children.remove(name);
			if (removed != null) {
				removed.parent = null;
			}
		}

		@Nullable Node get(String name) {
			return this.children.get(name);
		}

	}

	/** How a write to an attribute reaches SCST. */
	enum Queue {

		/** Handled in the writer's context; never touches {@code last_sysfs_mgmt_res}. */
		DIRECT,
		/** Handled by SCST's management work thread; sets {@code last_sysfs_mgmt_res}. */
		QUEUED

	}

	/** Reads an attribute's content. */
	@FunctionalInterface
	interface Reader {

		String read();

	}

	/** Stores a written buffer; throws {@link SimErrno} to fail. */
	@FunctionalInterface
	interface Writer {

		void write(String data);

	}

	/**
	 * Checks a write in the writer's context before anything is queued and decides
	 * whether the work is queued at all. Throws {@link SimErrno} to fail without touching
	 * the result slot.
	 */
	@FunctionalInterface
	interface Precheck {

		Precheck ALWAYS = (data) -> true;

		/**
		 * @return whether the write is queued (otherwise it succeeds without work)
		 */
		boolean queue(String data);

	}

	/** An attribute file. */
	static final class File extends Node {

		final int mode;

		final @Nullable Reader reader;

		final @Nullable Writer writer;

		final Queue queue;

		final Precheck precheck;

		final boolean queuedRead;

		File(String name, int mode, @Nullable Reader reader, @Nullable Writer writer, Queue queue, Precheck precheck,
				boolean queuedRead) {
			super(name);
			this.mode = mode;
			this.reader = reader;
			this.writer = writer;
			this.queue = queue;
			this.precheck = precheck;
			this.queuedRead = queuedRead;
		}

		@Override
		Entry.Type type() {
			return Entry.Type.FILE;
		}

		@Override
		int mode() {
			return this.mode;
		}

	}

	/** A symbolic link whose target is a path below {@code /sys}. */
	static final class Link extends Node {

		final Supplier<List<String>> target;

		Link(String name, Supplier<List<String>> target) {
			super(name);
			this.target = target;
		}

		@Override
		Entry.Type type() {
			return Entry.Type.LINK;
		}

		@Override
		int mode() {
			return 0777;
		}

		/** The target relative to the link's directory, as sysfs stores it. */
		String relativeTarget() {
			List<String> from = this.parent.pathFromSys();
			List<String> to = this.target.get();
			int common = 0;
			while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
				common++;
			}
			StringBuilder out = new StringBuilder();
			for (int i = common; i < from.size(); i++) {
				out.append("../");
			}
			out.append(String.join("/", to.subList(common, to.size())));
			return out.toString();
		}

	}

}
