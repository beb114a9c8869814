package io.scst.manager.scst;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.KernelScstSysfs;
import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstUnavailableException;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/** {@link ScstService} on a fresh simulator. */
class ScstServiceTests extends FreshSimulator {

	private static final ScstPath NULLIO_MGMT = ScstPath.of("handlers", "vdisk_nullio", "mgmt");

	private final ScstService service = new ScstService(this.sysfs);

	@Test
	void describesAFreshlyLoadedScst() {
		ScstInfo info = this.service.describe();
		assertThat(info.version()).isEqualTo("3.11.0-pre");
		assertThat(info.mode()).isEqualTo("simulator");
		assertThat(info.location()).isEqualTo("simulator");
		assertThat(info.setupId()).isEqualTo("0x0");
		assertThat(info.threads()).isEqualTo(2);
		assertThat(info.suspendCount()).isZero();
		assertThat(info.lastManagementResult()).isZero();
		assertThat(info.targetDrivers()).containsExactly("copy_manager", "scst_local");
		assertThat(info.handlers()).contains("vdisk_fileio", "vdisk_blockio", "vdisk_nullio", "vcdrom");
	}

	@Test
	void buildHoldsEveryLineOfTheVersionFile() {
		assertThat(this.service.describe().build()).containsEntry("SCST version", "3.11.0-pre")
			.containsKeys("SCST build date", "SCST kver", "SCST arch type");
	}

	@Test
	void versionIsTheScstVersionLine() {
		assertThat(this.service.version()).isEqualTo("3.11.0-pre");
	}

	@Test
	void readsTheTreeOnEveryCall() {
		this.sysfs.write(ScstPath.of("setup_id"), "1234");
		this.sysfs.write(ScstPath.of("threads"), "5");
		ScstInfo info = this.service.describe();
		assertThat(info.setupId()).isEqualTo("0x4d2");
		assertThat(info.threads()).isEqualTo(5);
	}

	@Test
	void suspendCountFollowsNestedSuspensions() {
		this.sysfs.write(ScstPath.of("suspend"), "1");
		this.sysfs.write(ScstPath.of("suspend"), "1");
		assertThat(this.service.describe().suspendCount()).isEqualTo(2);
		this.sysfs.write(ScstPath.of("suspend"), "-1");
		assertThat(this.service.describe().suspendCount()).isEqualTo(1);
	}

	@Test
	void lastManagementResultIsTheNegativeErrnoOfTheLastFailedCommand() {
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.sysfs.mgmt(NULLIO_MGMT, "del_device nosuch"));
		assertThat(this.service.describe().lastManagementResult()).isNegative();
		this.sysfs.mgmt(NULLIO_MGMT, "add_device svc1 dummy=1");
		assertThat(this.service.describe().lastManagementResult()).isZero();
	}

	@Test
	void lastManagementResultIsNullWhileWorkIsInFlight() throws Exception {
		SimulatedScstSysfs impatient = new SimulatedScstSysfs(this.simulator, Duration.ofMillis(100),
				GatewayListener.NONE);
		this.simulator.faults().delay(NULLIO_MGMT, Duration.ofSeconds(2)).eagainThreshold(Duration.ofMillis(10));
		CompletableFuture<Void> slowWrite = CompletableFuture
			.runAsync(() -> impatient.mgmt(NULLIO_MGMT, "add_device slow1 dummy=1"));
		assertThat(slowWrite).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(ScstBusyException.class);
		ScstInfo info = new ScstService(impatient).describe();
		assertThat(info.lastManagementResult()).isNull();
		assertThat(info.version()).isEqualTo("3.11.0-pre");
	}

	@Test
	void describingAMissingKernelTreeIsUnavailable(@TempDir Path temp) {
		ScstService kernel = new ScstService(
				new KernelScstSysfs(temp.resolve("scst_tgt"), Duration.ofSeconds(1), GatewayListener.NONE));
		assertThatExceptionOfType(ScstUnavailableException.class).isThrownBy(kernel::describe)
			.withMessageContaining("scst_tgt");
		assertThatExceptionOfType(ScstUnavailableException.class).isThrownBy(kernel::version);
	}

	@Test
	void versionFileParsingAcceptsEmptyValuesAndKeepsOrder() {
		String text = """
				SCST version: 3.11.0-pre
				SCST build date:
				SCST build number:\s
				SCST git commit sha1: aa5cc2dd70f9
				SCST kver: 6.1.0-47-amd64
				SCST arch type:
				SCST config: EXTRACHECKS, TRACING
				""";
		Map<String, String> build = ScstService.parseVersionFile(text);
		assertThat(build).containsExactly(entry("SCST version", "3.11.0-pre"), entry("SCST build date", ""),
				entry("SCST build number", ""), entry("SCST git commit sha1", "aa5cc2dd70f9"),
				entry("SCST kver", "6.1.0-47-amd64"), entry("SCST arch type", ""),
				entry("SCST config", "EXTRACHECKS, TRACING"));
	}

	@Test
	void versionFileParsingKeepsColonsInValues() {
		assertThat(ScstService.parseVersionFile("SCST build date: 2026/11/23-23:03:51-UTC+00:00\n"))
			.containsExactly(entry("SCST build date", "2026/11/23-23:03:51-UTC+00:00"));
	}

}
