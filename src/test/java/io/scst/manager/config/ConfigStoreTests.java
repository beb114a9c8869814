package io.scst.manager.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ConfigStore}: atomic saves with rotated backups. */
class ConfigStoreTests {

	@TempDir
	Path dir;

	@Test
	void savesWithOwnerOnlyModeAndNoTemporaryFileLeft() throws Exception {
		ConfigStore store = new ConfigStore(this.dir.resolve("sub/scst.conf"), 2);
		assertThat(store.load()).isEmpty();
		assertThat(store.save("one\n")).isTrue();
		assertThat(store.load()).contains("one\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
		try (var files = Files.list(store.file().getParent())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("scst.conf");
		}
	}

	@Test
	void rotatesBackupsAndSkipsIdenticalContent() throws Exception {
		ConfigStore store = new ConfigStore(this.dir.resolve("scst.conf"), 2);
		store.save("v1");
		store.save("v2");
		assertThat(store.save("v2")).isFalse();
		store.save("v3");
		store.save("v4");
		assertThat(Files.readString(store.file())).isEqualTo("v4");
		assertThat(Files.readString(store.backup(1))).isEqualTo("v3");
		assertThat(Files.readString(store.backup(2))).isEqualTo("v2");
		assertThat(store.backup(3)).doesNotExist();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.backup(2))))
			.isEqualTo("rw-------");
	}

	@Test
	void withoutBackupsOnlyTheFileIsKept() throws Exception {
		ConfigStore store = new ConfigStore(this.dir.resolve("scst.conf"), 0);
		store.save("a");
		store.save("b");
		try (var files = Files.list(this.dir)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("scst.conf");
		}
	}

}
