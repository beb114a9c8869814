package io.scst.manager.group;

import java.util.List;

import io.scst.manager.lun.Lun;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An initiator group with everything in it.
 *
 * @param name the group name
 * @param initiators its initiator entries (names or patterns), sorted
 * @param luns its LUNs by number
 * @param sessions the sessions of the target whose LUN set is this group's, sorted
 */
@Schema(description = "An initiator group: its initiator entries, its LUNs and the sessions attached to it")
public record InitiatorGroup(@Schema(description = "Group name", example = "hosts1") String name,
		@Schema(description = "Initiator entries: names or SCST patterns (*, ?, leading !)",
				example = "[\"iqn.1994-05.com.redhat:host1\"]") List<String> initiators,
		@Schema(description = "The group's LUNs") List<Lun> luns,
		@Schema(description = "Sessions (directory names) currently seeing this group's LUNs",
				example = "[\"iqn.1994-05.com.redhat:host1\"]") List<String> sessions) {

	public InitiatorGroup {
		initiators = List.copyOf(initiators);
		luns = List.copyOf(luns);
		sessions = List.copyOf(sessions);
	}

}
