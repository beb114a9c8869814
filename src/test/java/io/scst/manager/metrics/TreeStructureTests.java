package io.scst.manager.metrics;

import java.util.Set;

import io.scst.manager.metrics.TreeStructure.TreeChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TreeStructure} diffing. */
class TreeStructureTests {

	@Test
	void reportsAppearedAndDisappearedObjectsTargetsFirst() {
		TreeStructure before = new TreeStructure(Set.of("scst_local/t1", "scst_local/t2"),
				Set.of("scst_local/t1/a", "scst_local/t2/b"), Set.of("d1"));
		TreeStructure after = new TreeStructure(Set.of("scst_local/t1", "scst_local/t3"),
				Set.of("scst_local/t1/a", "scst_local/t1/c"), Set.of("d1", "d2"));
		assertThat(after.changesSince(before)).containsExactly(new TreeChange("target", "scst_local/t3", "appeared"),
				new TreeChange("target", "scst_local/t2", "disappeared"),
				new TreeChange("session", "scst_local/t1/c", "appeared"),
				new TreeChange("session", "scst_local/t2/b", "disappeared"),
				new TreeChange("device", "d2", "appeared"));
	}

	@Test
	void sameStructureHasNoChanges() {
		TreeStructure one = new TreeStructure(Set.of("x/t"), Set.of("x/t/s"), Set.of("d"));
		assertThat(one.changesSince(new TreeStructure(Set.of("x/t"), Set.of("x/t/s"), Set.of("d")))).isEmpty();
		assertThat(TreeStructure.EMPTY.changesSince(one)).hasSize(3);
	}

}
