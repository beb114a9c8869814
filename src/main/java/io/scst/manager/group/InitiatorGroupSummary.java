package io.scst.manager.group;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An initiator group as listed.
 *
 * @param name the group name
 * @param initiators its initiator entries, sorted
 * @param lunCount how many LUNs it has
 * @param sessions the sessions attached to it, sorted
 */
@Schema(description = "An initiator group in a listing")
public record InitiatorGroupSummary(@Schema(description = "Group name", example = "hosts1") String name,
		@Schema(description = "Initiator entries: names or SCST patterns",
				example = "[\"iqn.1994-05.com.redhat:host1\"]") List<String> initiators,
		@Schema(description = "Number of LUNs in the group", example = "1") int lunCount,
		@Schema(description = "Sessions (directory names) currently attached to the group") List<String> sessions) {

	public InitiatorGroupSummary {
		initiators = List.copyOf(initiators);
		sessions = List.copyOf(sessions);
	}

}
