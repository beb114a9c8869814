package io.scst.manager.sysfs;

/**
 * One entry of a sysfs directory.
 *
 * @param name the entry name
 * @param type what the entry is
 * @param mode the permission bits as the kernel reports them (for example {@code 0644};
 * links report {@code 0777})
 */
public record Entry(String name, Type type, int mode) {

	public boolean isDirectory() {
		return this.type == Type.DIRECTORY;
	}

	public boolean isFile() {
		return this.type == Type.FILE;
	}

	public boolean isLink() {
		return this.type == Type.LINK;
	}

	/** Whether the owner may read the entry (sysfs enforces this even for root). */
	public boolean readable() {
		return (this.mode & 0400) != 0;
	}

	/** Whether the owner may write the entry (sysfs enforces this even for root). */
	public boolean writable() {
		return (this.mode & 0200) != 0;
	}

	/** The kinds of sysfs entries. */
	public enum Type {

		/** A directory (kobject). */
		DIRECTORY,
		/** An attribute file. */
		FILE,
		/** A symbolic link with a relative target. */
		LINK

	}

}
