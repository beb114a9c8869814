package io.scst.manager.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore at start passes the same checks as every change: a saved configuration that
 * names a backing file outside the policy is refused as a whole (nothing of it is
 * applied, not even its harmless objects), and health says so.
 */
@SpringBootTest(properties = { "scst.sysfs.mode=simulator", "scst.simulator.persist=false",
		"scst.simulator.state=fresh", "scst.config.restore-on-start=true" })
class RestoreOnStartPolicyTests {

	static Path root;

	@DynamicPropertySource
	static void savedConfiguration(DynamicPropertyRegistry registry) throws IOException {
		root = Files.createTempDirectory("scst-restore-policy-").toRealPath();
		Path allowed = Files.createDirectories(root.resolve("allowed"));
		Path saved = root.resolve("saved.conf");
		Files.writeString(saved, """
				HANDLER vdisk_nullio {
					DEVICE rp_harmless {
						size 1048576
					}
				}
				HANDLER vdisk_fileio {
					DEVICE rp_shadow {
						filename /etc/shadow
					}
				}
				TARGET_DRIVER scst_local {
					TARGET rp_tgt {
						LUN 0 rp_harmless
					}
				}
				""");
		registry.add("scst.config.path", saved::toString);
		registry.add("scst.simulator.data-dir", () -> root.resolve("data").toString());
		registry.add("scst.security.audit-file", () -> root.resolve("audit.log").toString());
		registry.add("scst.security.backing-files.allowed-dirs", allowed::toString);
	}

	@Autowired
	private ConfigService config;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	@Qualifier("scstConfig")
	private HealthIndicator health;

	@Test
	void aSavedConfigurationNamingAFileOutsideTheAllowlistIsRefusedWhole() {
		RestoreReport report = this.config.restoreReport();
		assertThat(report.status()).isEqualTo("refused");
		assertThat(report.objects()).singleElement().satisfies((object) -> {
			assertThat(object.status()).isEqualTo("refused");
			assertThat(object.detail()).contains("/etc/shadow").contains("nothing was applied");
		});
		for (ScstPath path : List.of(ScstPath.of("devices", "rp_shadow"), ScstPath.of("devices", "rp_harmless"),
				ScstPath.of("targets", "scst_local", "rp_tgt"))) {
			assertThat(this.sysfs.exists(path)).as(path.toString()).isFalse();
		}
	}

	@Test
	void theRefusedRestoreIsAuditedAsTheSystems() throws IOException {
		String audit = Files.readString(root.resolve("audit.log"));
		assertThat(audit).contains("\"principal\":\"system\"")
			.contains("\"method\":\"RESTORE\"")
			.contains("\"result\":\"denied\"")
			.contains("\"commands\":[]");
	}

	@Test
	void healthShowsTheRefusedRestore() {
		var details = this.health.health().getDetails();
		assertThat(details).containsEntry("restore", "refused");
		assertThat(details.get("restoreProblems")).asString().contains("/etc/shadow");
	}

}
