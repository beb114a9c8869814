package io.scst.manager.group;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new initiator entry.
 *
 * @param name the initiator name or pattern
 */
@Schema(description = "A new initiator entry")
record AddInitiatorRequest(@Schema(
		description = "Initiator name, or an SCST pattern: * any run, ? one character, " + "a leading ! negates",
		example = "iqn.1994-05.com.redhat:host1") String name) {

}
