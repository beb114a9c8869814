package io.scst.manager.group;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One initiator entry of a group.
 *
 * @param name the entry: an initiator name or an SCST pattern
 * @param group the group holding it
 * @param pattern whether the entry is a pattern ({@code *}, {@code ?} or a leading
 * {@code !}) rather than one name
 */
@Schema(description = "An initiator entry of an initiator group")
public record Initiator(
		@Schema(description = "Initiator name or pattern", example = "iqn.1994-05.com.redhat:*") String name,
		@Schema(description = "The group holding the entry", example = "hosts1") String group,
		@Schema(description = "Whether the entry is a pattern (*, ? or a leading !)",
				example = "true") boolean pattern) {

	static Initiator of(String name, String group) {
		return new Initiator(name, group, name.startsWith("!") || name.indexOf('*') >= 0 || name.indexOf('?') >= 0);
	}

}
