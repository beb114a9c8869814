package io.scst.manager.group;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new initiator group.
 *
 * @param name its name
 */
@Schema(description = "A new initiator group")
record CreateInitiatorGroupRequest(@Schema(description = "Group name", example = "hosts1") String name) {

}
