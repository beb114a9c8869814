package io.scst.manager.sysfs.model;

import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstTree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link SessionNode}, {@link TargetNode}, {@link LunSet} and {@link GroupNode} on a
 * fresh simulator.
 */
class SessionNodeTests extends FreshSimulator {

	private final TargetNode target = Scst.of(this.sysfs).targetDriver("scst_local").target("scst_local_tgt");

	@Test
	void aTargetListsItsSessionsAndTheirInitiators() {
		assertThat(this.target.sessionNames()).containsExactly("scst_local_host");
		assertThat(this.target.sessionNamesIfPresent()).contains(this.target.sessionNames());
		SessionNode session = this.target.sessions().get(0);
		assertThat(session.exists()).isTrue();
		assertThat(session.initiatorName()).isEqualTo("scst_local_host");
		assertThat(session.target()).isEqualTo(this.target);
	}

	@Test
	void aSessionSeesItsTargetsLunsUntilAGroupHoldsItsInitiator() {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "s1", Map.of()));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", null, 2, "s1", false));
		SessionNode session = this.target.session("scst_local_host");
		LunSet set = session.lunSet();
		assertThat(set.group()).isEmpty();
		assertThat(set).isEqualTo(this.target.luns());
		assertThat(set.numbers()).contains(2);
		assertThat(set.lun(2).deviceName()).isEqualTo("s1");
		assertThat(set.lun(2).readOnly()).isFalse();
		assertThat(set.lun(7).deviceNameIfPresent()).isEmpty();
		assertThat(session.lunNumbers()).contains(2);
		this.sysfs.mgmt(MgmtCommand.createGroup("scst_local", "scst_local_tgt", "g1"));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", "g1", 0, "s1", true));
		this.sysfs.mgmt(MgmtCommand.addInitiator("scst_local", "scst_local_tgt", "g1", "scst_local_host"));
		assertThat(this.target.groupNames()).containsExactly("g1");
		GroupNode group = this.target.group("g1");
		assertThat(group.initiators()).containsExactly("scst_local_host");
		assertThat(group.initiatorEntries()).containsExactly("scst_local_host");
		assertThat(group.initiator("scst_local_host").isFile()).isTrue();
		assertThat(group.luns().luns()).extracting(LunNode::number, LunNode::deviceName, LunNode::readOnly)
			.containsExactly(tuple(0, "s1", true));
		assertThat(group.luns().count()).isEqualTo(1);
		assertThat(session.lunSet().group()).contains("g1");
	}

	@Test
	void aScstLocalSessionHasAHostNumberCountersAndATransportId() {
		SessionNode session = this.target.session("scst_local_host");
		assertThat(session.hostNumber()).isPresent();
		assertThat(session.counters()).containsKeys("read_cmd_count", "write_cmd_count")
			.containsKeys(ScstTree.SESSION_COUNTERS.get(0));
		assertThat(session.transportIdFile().isReadable()).isEqualTo(session.transportId().isPresent());
	}

	@Test
	void aTargetWithoutGroupsOrLunsAnswersEmpty() {
		this.sysfs.mgmt(MgmtCommand.addTarget("scst_local", "empty_tgt", Map.of()));
		TargetNode empty = Scst.of(this.sysfs).targetDriver("scst_local").target("empty_tgt");
		assertThat(empty.groupNamesIfPresent()).contains(List.of());
		assertThat(empty.luns().lunsIfPresent()).contains(List.of());
		assertThat(empty.luns().count()).isZero();
		TargetNode missing = Scst.of(this.sysfs).targetDriver("scst_local").target("no_such_tgt");
		assertThat(missing.exists()).isFalse();
		assertThat(missing.sessionNamesIfPresent()).isEmpty();
		assertThat(missing.groupNamesIfPresent()).isEmpty();
		assertThat(missing.luns().lunsIfPresent()).isEmpty();
	}

}
