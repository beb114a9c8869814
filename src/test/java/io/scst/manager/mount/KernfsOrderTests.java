package io.scst.manager.mount;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScstFileSystem#kernfsOrder}: a mounted directory lists in the order of sysfs.
 */
class KernfsOrderTests {

	@Test
	void listsInTheOrderTheKernelListed() {
		// orders seen on Linux 6.1 with SCST 3.11 (the scstadmin round trip in the VM):
		// scstadmin -list_group listed the initiators rt_host before
		// iqn.2026-12.io.example:rt1, and -clear_config closed vdisk_nullio's null2
		// before null1 (both in readdir order); the simulator listed them the other way
		assertThat(ScstFileSystem.kernfsOrder(List.of("iqn.2026-12.io.example:rt1", "mgmt", "rt_host")))
			.containsSubsequence("rt_host", "iqn.2026-12.io.example:rt1");
		assertThat(ScstFileSystem.kernfsOrder(List.of("mgmt", "null1", "null2", "trace_level", "type")))
			.containsSubsequence("null2", "null1");
	}

	@Test
	void hashesAreThirtyOneBitsAndNeverTheReservedPositions() {
		for (String name : List.of("", "a", "mgmt", "rt_host", "\u00e9t\u00e9", "x".repeat(300))) {
			assertThat(ScstFileSystem.kernfsNameHash(name)).isBetween(2L, (long) Integer.MAX_VALUE - 1);
		}
	}

}
