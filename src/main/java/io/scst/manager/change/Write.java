package io.scst.manager.change;

import java.util.Optional;

import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.slf4j.LoggerFactory;

/** One write to the tree: a management command, an attribute value or binary data. */
public sealed interface Write {

	/**
	 * Check the write's names and values against SCST's grammar (nothing is read or
	 * written).
	 * @throws InvalidNameException when something would be split, renamed or refused
	 */
	void validate();

	/**
	 * The backing file this write gives a device, if it gives one.
	 * @return the file as written
	 */
	Optional<String> backingFile();

	/** Do it. */
	void run(ScstSysfs sysfs);

	/** What is written where, for plans, reports and messages. */
	String describe();

	/** A management command. */
	record Mgmt(MgmtCommand command) implements Write {

		@Override
		public void validate() {
			this.command.validate();
		}

		@Override
		public Optional<String> backingFile() {
			return this.command.backingFile();
		}

		/**
		 * Run the command. A delete that fails while what it deletes is gone is done: the
		 * kernel restarts a management write interrupted by a signal, and the second run
		 * finds nothing to delete ("not found"), as does a delete racing another tool's.
		 */
		@Override
		public void run(ScstSysfs sysfs) {
			try {
				sysfs.mgmt(this.command);
			}
			catch (KernelRejectedException ex) {
				Optional<ScstPath> deleted = this.command.deletes();
				if (deleted.isEmpty() || sysfs.exists(deleted.get())) {
					throw ex;
				}
				LoggerFactory.getLogger(Write.class)
					.info("'{}' answered {} but {} is gone: done", this.command, ex.errno(), deleted.get());
			}
		}

		@Override
		public String describe() {
			return this.command.toString();
		}

	}

	/** A value written to an attribute file. */
	record Attribute(ScstPath path, String value) implements Write {

		@Override
		public void validate() {
			ScstNames.attributeValue(this.path.name(), this.value);
		}

		@Override
		public Optional<String> backingFile() {
			return ScstTree.isBackingFileAttribute(this.path) ? Optional.of(this.value) : Optional.empty();
		}

		@Override
		public void run(ScstSysfs sysfs) {
			sysfs.write(this.path, this.value);
		}

		@Override
		public String describe() {
			return this.path + ": " + this.value;
		}

	}

	/**
	 * Bytes written in one {@code write(2)} (binary attributes such as
	 * {@code transport_id}).
	 */
	record Bytes(ScstPath path, byte[] data) implements Write {

		/** What one sysfs write can take (a page). */
		static final int MAX_BYTES = 4096;

		public Bytes {
			data = data.clone();
		}

		@Override
		public byte[] data() {
			return this.data.clone();
		}

		@Override
		public void validate() {
			if (this.data.length == 0 || this.data.length > MAX_BYTES) {
				throw new InvalidNameException(this.path.name(), "must be 1 to " + MAX_BYTES + " bytes");
			}
		}

		@Override
		public Optional<String> backingFile() {
			return Optional.empty();
		}

		@Override
		public void run(ScstSysfs sysfs) {
			sysfs.writeBytes(this.path, this.data);
		}

		@Override
		public String describe() {
			return this.path + ": " + this.data.length + " bytes";
		}

	}

}
