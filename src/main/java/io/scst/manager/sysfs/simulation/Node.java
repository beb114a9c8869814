package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
		int depth = 0;
		for (Node n = this; n.parent != null; n = n.parent) {
			depth++;
		}
		String[] path = new String[ROOT_FROM_SYS.size() + depth];
		for (int i = 0; i < ROOT_FROM_SYS.size(); i++) {
			path[i] = ROOT_FROM_SYS.get(i);
		}
		int i = path.length;
		for (Node n = this; n.parent != null; n = n.parent) {
			path[--i] = n.name;
		}
		return Arrays.asList(path);
	}

	/**
	 * A directory. Its children are kept in one array sorted by name (binary search):
	 * large states have hundreds of thousands of small directories, and a sorted array
	 * costs one reference per child where a tree map costs an entry object.
	 */
	static final class Dir extends Node {

		private static final Node[] NONE = {};

		private Node[] children = NONE;

		private int size;

		/**
		 * Whether a child with a name beyond ASCII was ever added: only then does a
		 * listing convert names from their kernfs form (never reset; a later check is
		 * only slower).
		 */
		private boolean nonAsciiNames;

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
			int index = indexOf(child.name);
			if (index >= 0) {
				throw new SimErrno(Errno.EEXIST);
			}
			int at = -index - 1;
			if (this.size == this.children.length) {
				this.children = Arrays.copyOf(this.children, Math.max(4, this.size + (this.size >> 1)));
			}
			System.arraycopy(this.children, at, this.children, at + 1, this.size - at);
			this.children[at] = child;
			this.size++;
			child.parent = this;
			if (!this.nonAsciiNames && !SysfsFiles.isAscii(child.name)) {
				this.nonAsciiNames = true;
			}
			return child;
		}

		Dir dir(String name) {
			return add(new Dir(name));
		}

		void remove(String name) {
			int index = indexOf(name);
			if (index < 0) {
				return;
			}
			Node removed = this.children[index];
			System.arraycopy(this.children, index + 1, this.children, index, this.size - index - 1);
			this.children[--this.size] = null;
			removed.parent = null;
		}

		@Nullable Node get(String name) {
			int index = indexOf(name);
			return (index >= 0) ? this.children[index] : null;
		}

		/** The children sorted by name (a copy). */
		List<Node> children() {
			return Arrays.asList(Arrays.copyOf(this.children, this.size));
		}

		/**
		 * The entries of its children sorted by name, as a listing gives them: names in
		 * their Java form (see {@link SysfsFiles#fromKernfs}).
		 */
		List<Entry> entries() {
			List<Entry> entries = new ArrayList<>(this.size);
			for (int i = 0; i < this.size; i++) {
				Node child = this.children[i];
				entries.add(new Entry(this.nonAsciiNames ? SysfsFiles.fromKernfs(child.name) : child.name, child.type(),
						child.mode()));
			}
			return entries;
		}

		/** The index of {@code name}, or {@code -(insertion point) - 1}. */
		private int indexOf(String name) {
			int low = 0;
			int high = this.size - 1;
			while (low <= high) {
				int mid = (low + high) >>> 1;
				int cmp = this.children[mid].name.compareTo(name);
				if (cmp < 0) {
					low = mid + 1;
				}
				else if (cmp > 0) {
					high = mid - 1;
				}
				else {
					return mid;
				}
			}
			return -(low + 1);
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

	/**
	 * How a file behaves: its mode bits, how a write reaches SCST, the precheck of a
	 * queued write and whether a read goes through the management queue. One instance is
	 * shared by every file of the same kind.
	 *
	 * @param mode the mode bits
	 * @param queue how a write reaches SCST
	 * @param precheck the check before a write is queued
	 * @param queuedRead whether a read goes through the management queue
	 */
	record Kind(int mode, Queue queue, Precheck precheck, boolean queuedRead) {

	}

	/** An attribute file. */
	static final class File extends Node {

		final Kind kind;

		final @Nullable Reader reader;

		final @Nullable Writer writer;

		File(String name, Kind kind, @Nullable Reader reader, @Nullable Writer writer) {
			super(name);
			this.kind = kind;
			this.reader = reader;
			this.writer = writer;
		}

		@Override
		Entry.Type type() {
			return Entry.Type.FILE;
		}

		@Override
		int mode() {
			return this.kind.mode();
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
			StringBuilder out = new StringBuilder(64);
			for (int i = common; i < from.size(); i++) {
				out.append("../");
			}
			for (int i = common; i < to.size(); i++) {
				if (i > common) {
					out.append('/');
				}
				out.append(to.get(i));
			}
			return out.toString();
		}

	}

}
