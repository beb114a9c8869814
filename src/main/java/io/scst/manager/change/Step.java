package io.scst.manager.change;

import java.util.List;

import io.scst.manager.sysfs.AttributeFiles;

/**
 * One write of a change with the writes that take it back.
 *
 * @param kind {@link #CREATE}, {@link #UPDATE} or {@link #DELETE}
 * @param object the object, named like its API resource (e.g. {@code devices/disk1})
 * @param reason why the step is needed (empty when the request itself is the reason)
 * @param write the write
 * @param undo the writes that take it back, in order (empty when undoing a later step
 * takes it back anyway, as deleting a new device does for its attributes)
 */
public record Step(String kind, String object, String reason, Write write, List<Write> undo) {

	/** A step that creates an object. */
	public static final String CREATE = "create";

	/** A step that changes an object. */
	public static final String UPDATE = "update";

	/** A step that deletes an object. */
	public static final String DELETE = "delete";

	public Step {
		undo = List.copyOf(undo);
	}

	/**
	 * A step asked for by a request (no other reason).
	 * @param kind create, update or delete
	 * @param object the object
	 * @param write the write
	 * @param undo the writes that take it back
	 * @return the step
	 */
	public static Step of(String kind, String object, Write write, Write... undo) {
		return new Step(kind, object, "", write, List.of(undo));
	}

	/**
	 * Attribute updates of one object, each taken back by writing the value it replaced.
	 * @param object the object
	 * @param changes the planned writes
	 * @return the steps, in order
	 */
	public static List<Step> updates(String object, List<AttributeFiles.Change> changes) {
		return changes.stream()
			.map((change) -> of(UPDATE, object, new Write.Attribute(change.path(), change.value()),
					new Write.Attribute(change.path(), change.previous())))
			.toList();
	}

}
