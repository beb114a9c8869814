package io.scst.manager.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.AttributeValue;
import io.scst.manager.sysfs.CountingSysfs;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.simulation.SimulatedScsiDevices;
import io.scst.manager.sysfs.simulation.WriteRecord;
import io.scst.manager.web.Page;
import io.scst.manager.web.Slice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link TargetService} on a fresh simulator. */
class TargetServiceTests extends FreshSimulator {

	private final TargetService service = new TargetService(this.sysfs,
			new TargetDriverService(this.sysfs, new SimulatedScsiDevices(this.simulator)));

	@Test
	void listsTargetsWithSessionAndLunCounts() {
		assertThat(this.service.list("scst_local")).containsExactly(new TargetSummary("scst_local_tgt", null, 1, 0));
		assertThat(this.service.list("copy_manager"))
			.containsExactly(new TargetSummary("copy_manager_tgt", null, 1, 0));
	}

	@Test
	void aPageReadsOnlyTheTargetsOnIt() {
		for (int i = 0; i < 5; i++) {
			this.service.create("scst_local", new CreateTargetRequest("pg" + i, List.of("pg" + i + "_s"), null));
		}
		CountingSysfs counting = new CountingSysfs(this.sysfs);
		TargetService counted = new TargetService(counting.sysfs,
				new TargetDriverService(counting.sysfs, new SimulatedScsiDevices(this.simulator)));
		Slice<TargetSummary> page = counted.list("scst_local", new Page(2, "pg0"));
		assertThat(page.items()).containsExactly(new TargetSummary("pg1", null, 1, 0),
				new TargetSummary("pg2", null, 1, 0));
		List<String> targetCalls = counting.take()
			.stream()
			.filter((call) -> call.contains(" targets/scst_local/"))
			.toList();
		// below the driver's directory, only the two targets of the page are read
		assertThat(targetCalls).isNotEmpty()
			.allMatch((call) -> call.contains(" targets/scst_local/pg1") || call.contains(" targets/scst_local/pg2"));
	}

	@Test
	void describesEveryAttributeOfATarget() {
		Target target = this.service.describe("scst_local", "scst_local_tgt");
		assertThat(target.name()).isEqualTo("scst_local_tgt");
		assertThat(target.driver()).isEqualTo("scst_local");
		assertThat(target.sessions()).containsExactly("scst_local_host");
		assertThat(target.lunCount()).isZero();
		assertThat(target.groups()).isEmpty();
		assertThat(target.attributes()).containsEntry("rel_tgt_id", new AttributeValue("0", false, true))
			.containsEntry("addr_method", new AttributeValue("PERIPHERAL", false, true))
			.containsEntry("io_grouping_type", new AttributeValue("auto", false, true))
			.containsEntry("scsi_transport_version", new AttributeValue("0xbe0", false, true))
			.containsEntry("phys_transport_version", new AttributeValue("0x0", false, true))
			.containsEntry("comment", new AttributeValue("", false, true))
			.containsEntry("sg_tablesize", new AttributeValue("65535", false, false))
			.containsKeys("cpu_mask", "read_cmd_count")
			.doesNotContainKey("enabled");
	}

	@Test
	void createsATargetWithItsSessionsInOneCommand() {
		long before = this.simulator.writeCount();
		Target target = this.service.create("scst_local",
				new CreateTargetRequest("svc_tgt", List.of("host_a", "host_b"), null));
		assertThat(target.sessions()).containsExactly("host_a", "host_b");
		assertThat(this.simulator.writeCount()).isEqualTo(before + 1);
		WriteRecord write = last();
		assertThat(write.path()).isEqualTo(ScstPath.of("targets", "scst_local", "mgmt"));
		assertThat(write.data()).isEqualTo("add_target svc_tgt session_name=host_a;session_name=host_b\n");
		assertThat(this.service.list("scst_local")).extracting(TargetSummary::name)
			.containsExactly("scst_local_tgt", "svc_tgt");
	}

	@Test
	void createsATargetWithoutSessions() {
		Target target = this.service.create("scst_local", new CreateTargetRequest("svc_bare", null, null));
		assertThat(target.sessions()).isEmpty();
		assertThat(last().data()).isEqualTo("add_target svc_bare\n");
	}

	@Test
	void creatingAnExistingTargetIsAConflictWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(TargetAlreadyExistsException.class)
			.isThrownBy(() -> this.service.create("scst_local", new CreateTargetRequest("scst_local_tgt", null, null)));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void theCopyManagerCannotCreateTargets() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(UnsupportedByDriverException.class)
			.isThrownBy(() -> this.service.create("copy_manager", new CreateTargetRequest("svc_cm", null, null)))
			.withMessageContaining("add_target");
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\nb", "a;b", "a/b", "..", "mgmt", "a=b", "" })
	void invalidTargetNamesAreRejectedWithoutWriting(String name) {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create("scst_local", new CreateTargetRequest(name, null, null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void invalidSessionNamesAreRejectedWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create("scst_local",
					new CreateTargetRequest("svc_t", List.of("ok", "bad;name"), null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("sessions[1]"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void onlyParametersTheDriverListsAreAccepted() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create("scst_local",
					new CreateTargetRequest("svc_t", null, Map.of("bogus_param", "1"))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.bogus_param"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create("scst_local",
					new CreateTargetRequest("svc_t", null, Map.of("session_name", "x"))))
			.withMessageContaining("sessions");
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void unknownDriverOrTargetIsNotFound() {
		assertThatExceptionOfType(TargetDriverNotFoundException.class).isThrownBy(() -> this.service.list("iscsi"));
		assertThatExceptionOfType(TargetNotFoundException.class)
			.isThrownBy(() -> this.service.describe("scst_local", "nosuch"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.describe("scst_local", "stats"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("target"));
	}

	@Test
	void updatesAttributesInOrder() {
		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("rel_tgt_id", "7");
		changes.put("comment", "test target");
		changes.put("addr_method", "FLAT");
		Target target = this.service.update("scst_local", "scst_local_tgt", new UpdateTargetRequest(changes));
		assertThat(target.attributes()).containsEntry("rel_tgt_id", new AttributeValue("7", true, true))
			.containsEntry("comment", new AttributeValue("test target", true, true))
			.containsEntry("addr_method", new AttributeValue("FLAT", true, true));
	}

	@Test
	void invalidAttributeNamesAndValuesAreRejectedWithoutWriting() {
		long before = this.simulator.writeCount();
		assertField(Map.of("nosuch", "1"), "attributes.nosuch");
		assertField(Map.of("sg_tablesize", "1"), "attributes.sg_tablesize");
		assertField(Map.of("luns", "1"), "attributes.luns");
		assertField(Map.of("comment", "two\nlines"), "attributes.comment");
		assertField(Map.of(), "attributes");
		Map<String, String> laterBad = new LinkedHashMap<>();
		laterBad.put("comment", "fine");
		laterBad.put("read_cmd_count", "0");
		assertField(laterBad, "attributes.read_cmd_count");
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void aDuplicateRelativeTargetIdIsRejectedByTheKernel() {
		this.service.create("scst_local", new CreateTargetRequest("svc_other", null, null));
		this.service.update("scst_local", "svc_other", new UpdateTargetRequest(Map.of("rel_tgt_id", "5")));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.update("scst_local", "scst_local_tgt",
					new UpdateTargetRequest(Map.of("rel_tgt_id", "5"))))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EBADSLT);
				assertThat(ex.path()).isEqualTo(ScstPath.of("targets", "scst_local", "scst_local_tgt", "rel_tgt_id"));
			});
	}

	@Test
	void earlierWritesAreUndoneWhenALaterOneFails() {
		ScstPath addrMethod = ScstPath.of("targets", "scst_local", "scst_local_tgt", "addr_method");
		this.simulator.faults().failWrites(addrMethod, Errno.EINVAL, 1);
		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("comment", "temporary");
		changes.put("io_grouping_type", "never");
		changes.put("addr_method", "FLAT");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.update("scst_local", "scst_local_tgt", new UpdateTargetRequest(changes)))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo(addrMethod));
		Map<String, AttributeValue> attributes = this.service.describe("scst_local", "scst_local_tgt").attributes();
		assertThat(attributes).containsEntry("comment", new AttributeValue("", false, true))
			.containsEntry("io_grouping_type", new AttributeValue("auto", false, true))
			.containsEntry("addr_method", new AttributeValue("PERIPHERAL", false, true));
	}

	@Test
	void deletesATarget() {
		this.service.create("scst_local", new CreateTargetRequest("svc_gone", List.of("h"), null));
		this.service.delete("scst_local", "svc_gone");
		assertThat(last().data()).isEqualTo("del_target svc_gone\n");
		assertThatExceptionOfType(TargetNotFoundException.class)
			.isThrownBy(() -> this.service.describe("scst_local", "svc_gone"));
	}

	@Test
	void deletingAnUnknownTargetIsNotFoundWithoutWriting() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(TargetNotFoundException.class)
			.isThrownBy(() -> this.service.delete("scst_local", "nosuch"));
		assertThatExceptionOfType(UnsupportedByDriverException.class)
			.isThrownBy(() -> this.service.delete("copy_manager", "copy_manager_tgt"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	private void assertField(Map<String, String> changes, String field) {
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.update("scst_local", "scst_local_tgt", new UpdateTargetRequest(changes)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	private WriteRecord last() {
		List<WriteRecord> log = this.simulator.writeLog();
		return log.get(log.size() - 1);
	}

}
