package io.scst.manager.device;

import java.util.List;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.ScstPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link HandlerService} on a fresh simulator. */
class HandlerServiceTests extends FreshSimulator {

	private static final ScstPath NULLIO_MGMT = ScstPath.of("handlers", "vdisk_nullio", "mgmt");

	private final HandlerService service = new HandlerService(this.sysfs);

	@Test
	void listsTheVdiskHandlersWithTheirScsiTypes() {
		List<HandlerSummary> handlers = this.service.list();
		assertThat(handlers).extracting(HandlerSummary::name)
			.containsExactly("vcdrom", "vdisk_blockio", "vdisk_fileio", "vdisk_nullio");
		assertThat(handlers).filteredOn((handler) -> handler.name().equals("vdisk_fileio"))
			.singleElement()
			.satisfies((fileio) -> {
				assertThat(fileio.type()).isEqualTo(new ScsiType(0, "Direct-access device (e.g., magnetic disk)"));
				assertThat(fileio.devices()).isEmpty();
			});
		assertThat(handlers).filteredOn((handler) -> handler.name().equals("vcdrom"))
			.singleElement()
			.extracting(HandlerSummary::type)
			.isEqualTo(new ScsiType(5, "CD-ROM device"));
	}

	@Test
	void listsTheDevicesOfEachHandler() {
		this.sysfs.mgmt(NULLIO_MGMT, "add_device null2 dummy=1");
		this.sysfs.mgmt(NULLIO_MGMT, "add_device null1 dummy=1");
		assertThat(this.service.list()).filteredOn((handler) -> handler.name().equals("vdisk_nullio"))
			.singleElement()
			.extracting(HandlerSummary::devices)
			.isEqualTo(List.of("null1", "null2"));
		assertThat(this.service.get("vdisk_nullio").devices()).containsExactly("null1", "null2");
		assertThat(this.service.get("vdisk_fileio").devices()).isEmpty();
	}

	@Test
	void parametersAreTheOnesTheHandlersHelpTextLists() {
		Handler nullio = this.service.get("vdisk_nullio");
		assertThat(nullio.name()).isEqualTo("vdisk_nullio");
		assertThat(nullio.type().code()).isZero();
		assertThat(nullio.parameters()).containsExactly("blocksize", "cluster_mode", "dif_mode", "dif_static_app_tag",
				"dif_type", "dummy", "numa_node_id", "read_only", "removable", "rotational", "size", "size_mb", "tst",
				"t10_dev_id");
		assertThat(this.service.get("vcdrom").parameters()).containsExactly("tst");
		assertThat(this.service.acceptedParameters("vdisk_fileio")).contains("filename", "nv_cache", "o_direct")
			.doesNotContain("size");
	}

	@Test
	void unknownHandlerIsNotFound() {
		assertThatExceptionOfType(HandlerNotFoundException.class).isThrownBy(() -> this.service.get("vdisk_nosuch"))
			.withMessageContaining("vdisk_nosuch")
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("handler"));
		assertThatExceptionOfType(HandlerNotFoundException.class)
			.isThrownBy(() -> this.service.acceptedParameters("nosuch"));
	}

	@Test
	void handlerNamesAreCheckedBeforeLookingThemUp() {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> this.service.get(".."))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("handler"));
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> this.service.get("a b"));
	}

	@Test
	void parsingTakesTheCommaSeparatedNamesAfterTheSentence() {
		String help = """
				Usage: echo "add_device device_name [parameters]" >mgmt
				       echo "del_device device_name" >mgmt

				where parameters are one or more param_name=value pairs separated by ';'

				The following parameters available: filename,  nv_cache , read_only

				""";
		assertThat(HandlerService.parseParameters(help)).containsExactly("filename", "nv_cache", "read_only");
	}

	@Test
	void parsingAHelpTextWithoutParametersGivesNone() {
		String passThrough = """
				Usage: echo "add_device H:C:I:L" >mgmt
				       echo "del_device H:C:I:L" >mgmt
				""";
		assertThat(HandlerService.parseParameters(passThrough)).isEmpty();
		assertThat(HandlerService.parseParameters("The following parameters available: \n")).isEmpty();
	}

}
