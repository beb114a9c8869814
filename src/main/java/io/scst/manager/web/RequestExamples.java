package io.scst.manager.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request body examples of the OpenAPI document: docs/api.md's walk-through (a
 * file-backed device, an scst_local target with a session, LUN 0, an initiator group for
 * one initiator) and an scst.conf that sets up the same.
 *
 * @param operationId the operation
 * @param mediaType the request body's media type
 * @param name the example's key
 * @param summary what the example does
 * @param value the body: a map for JSON, a string for text
 */
record RequestExamples(String operationId, String mediaType, String name, String summary, Object value) {

	private static final String JSON = "application/json";

	private static final String TEXT = "text/plain";

	/** The scst.conf of the walk-through, in scstadmin -write_config's layout. */
	static final String SCST_CONF = """
			HANDLER vdisk_fileio {
				DEVICE vm_disk1 {
					filename /var/lib/scst-manager/vm_disk1.img
				}
			}

			TARGET_DRIVER scst_local {
				TARGET local_tgt1 {
					session_name host1

					LUN 0 vm_disk1

					GROUP host2 {
						LUN 0 vm_disk1

						INITIATOR iqn.2026-11.io.example:host2
					}
				}
			}
			""";

	static final List<RequestExamples> ALL = List.of(
			new RequestExamples("createDevice", JSON, "vdisk_fileio", "A device on a backing file",
					map("name", "vm_disk1", "handler", "vdisk_fileio", "filename",
							"/var/lib/scst-manager/vm_disk1.img")),
			new RequestExamples("createDevice", JSON, "vdisk_nullio", "A device without storage, of a given size",
					map("name", "null_disk1", "handler", "vdisk_nullio", "size", 1073741824L)),
			new RequestExamples("createTarget", JSON, "scst_local", "An scst_local target", map("name", "local_tgt1")),
			new RequestExamples("createSession", JSON, "scst_local", "An scst_local session", map("name", "host1")),
			new RequestExamples("putLun", JSON, "read-write", "Map vm_disk1 read-write",
					map("device", "vm_disk1", "readOnly", false)),
			new RequestExamples("putGroupLun", JSON, "read-only", "Map vm_disk1 read-only",
					map("device", "vm_disk1", "readOnly", true)),
			new RequestExamples("createInitiatorGroup", JSON, "group", "An initiator group", map("name", "host2")),
			new RequestExamples("addInitiator", JSON, "iqn", "An iSCSI initiator name",
					map("name", "iqn.2026-11.io.example:host2")),
			new RequestExamples("addInitiator", JSON, "pattern", "Every initiator whose name starts with iqn.2026-11",
					map("name", "iqn.2026-11.*")),
			new RequestExamples("exportDevice", JSON, "initiator", "vm_disk1 as LUN 0 for one initiator",
					map("device", "vm_disk1", "driver", "scst_local", "target", "local_tgt1", "initiator",
							"iqn.2026-11.io.example:host2", "lun", 0)),
			new RequestExamples("applyConfig", TEXT, "scst.conf", "The walk-through as scst.conf", SCST_CONF),
			new RequestExamples("planConfig", TEXT, "scst.conf", "The walk-through as scst.conf", SCST_CONF));

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
