package io.scst.manager.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.scst.manager.sysfs.InvalidNameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link AuditLog}: JSON lines, paging newest first, rotation. */
class AuditLogTests {

	@TempDir
	Path dir;

	@Test
	void writesOneJsonLinePerEntry() throws IOException {
		Path file = this.dir.resolve("logs/audit.log");
		AuditLog log = new AuditLog(file, 1_000_000, 3, JsonMapper.builder().build());
		log.append(entry("r1"));
		log.append(entry("r2"));
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("{")
			.endsWith("}")
			.contains("\"requestId\":\"r1\"", "\"written\":\"add_device d1 filename=/x\"", "\"errno\":\"EINVAL\"");
	}

	@Test
	void pagesNewestFirst() {
		AuditLog log = new AuditLog(this.dir.resolve("audit.log"), 1_000_000, 3, JsonMapper.builder().build());
		for (int i = 1; i <= 5; i++) {
			log.append(entry("r" + i));
		}
		assertThat(log.page(0, 2).entries()).extracting(AuditEntry::requestId).containsExactly("r5", "r4");
		assertThat(log.page(2, 2).entries()).extracting(AuditEntry::requestId).containsExactly("r1");
		assertThat(log.page(3, 2).entries()).isEmpty();
		assertThat(log.page(0, 2).total()).isEqualTo(5);
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> log.page(-1, 2));
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> log.page(0, 1001));
	}

	@Test
	void rotatesBySizeKeepingTheConfiguredNumberOfFiles() throws IOException {
		Path file = this.dir.resolve("audit.log");
		long oneLine = JsonMapper.builder().build().writeValueAsString(entry("r0")).length() + 1;
		AuditLog log = new AuditLog(file, oneLine * 2, 2, JsonMapper.builder().build());
		for (int i = 1; i <= 8; i++) {
			log.append(entry("r" + i));
		}
		assertThat(Files.readAllLines(file)).hasSize(2);
		assertThat(this.dir.resolve("audit.log.1")).exists();
		assertThat(this.dir.resolve("audit.log.2")).exists();
		assertThat(this.dir.resolve("audit.log.3")).doesNotExist();
		AuditPage page = log.page(0, 100);
		assertThat(page.entries()).extracting(AuditEntry::requestId)
			.containsExactly("r8", "r7", "r6", "r5", "r4", "r3");
		assertThat(page.total()).isEqualTo(6);
		assertThat(log.page(1, 3).entries()).as("a page across two files")
			.extracting(AuditEntry::requestId)
			.containsExactly("r5", "r4", "r3");
		assertThat(log.page(0, 3).entries()).extracting(AuditEntry::requestId).containsExactly("r8", "r7", "r6");
		assertThat(log.page(1, 4).entries()).extracting(AuditEntry::requestId).containsExactly("r4", "r3");
		assertThat(log.page(1, 4).total()).isEqualTo(6);
	}

	private static AuditEntry entry(String requestId) {
		return new AuditEntry("2026-01-01T00:00:00Z", "ci", "127.0.0.1", requestId, "POST", "/api/v1/devices",
				"devices",
				List.of(new AuditEntry.Command("handlers/vdisk_fileio/mgmt", "add_device d1 filename=/x", "EINVAL")),
				422, "failed", "EINVAL");
	}

}
