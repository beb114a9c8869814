package io.scst.manager.target;

import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.AttributeValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A target as read now.
 *
 * @param name the target's name as SCST knows it
 * @param driver its driver
 * @param attributes every readable attribute file of the target directory by name
 * ({@code rel_tgt_id}, {@code addr_method}, {@code io_grouping_type}, {@code cpu_mask},
 * {@code comment}, scst_local's {@code phys_transport_version} and
 * {@code scsi_transport_version}, {@code enabled} where the driver has it, the I/O
 * counters, ...)
 * @param sessions the session directory names, sorted
 * @param lunCount how many LUNs its default LUN set has
 * @param groups its initiator group names, sorted
 */
@Schema(description = "A target with its attributes, sessions, LUN count and initiator groups")
public record Target(@Schema(example = "scst_local_tgt") String name, @Schema(example = "scst_local") String driver,
		Map<String, AttributeValue> attributes, List<String> sessions, int lunCount, List<String> groups) {

}
