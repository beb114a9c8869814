package io.scst.manager.sysfs.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Crc32cTests {

	@Test
	void matchesTheIdentifiersSeenOnALiveKernel() {
		assertThat(Long.toHexString(Crc32c.raw("disk1"))).isEqualTo("b8fdbd32");
		assertThat(Long.toHexString(Crc32c.raw("null1"))).isEqualTo("dba7df64");
		assertThat(Long.toHexString(Crc32c.raw("disk9"))).isEqualTo("25e97e8a");
		assertThat(Long.toHexString(Crc32c.raw("nd0"))).isEqualTo("b633f7ac");
	}

}
