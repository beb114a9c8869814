package io.scst.manager.sysfs.simulation;

import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.Errno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KernelNumbersTests {

	@Test
	void baseIsDetectedFromThePrefix() {
		assertThat(KernelNumbers.parseUnsignedLong("010")).isEqualTo(8);
		assertThat(KernelNumbers.parseUnsignedLong("0x0AE0")).isEqualTo(0xAE0);
		assertThat(KernelNumbers.parseUnsignedLong("42\n")).isEqualTo(42);
		assertThat(KernelNumbers.parseUnsignedLong("+7")).isEqualTo(7);
		assertThat(KernelNumbers.parseLong("-5")).isEqualTo(-5);
	}

	@Test
	void anythingElseIsEinvalAndOverflowIsErange() {
		for (String bad : new String[] { "", " 5", "5 ", "abc", "-1", "0x", "08", "1\n\n", "5\t" }) {
			assertThatExceptionOfType(SimErrno.class).as(bad)
				.isThrownBy(() -> KernelNumbers.parseUnsignedLong(bad))
				.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EINVAL));
		}
		assertThatExceptionOfType(SimErrno.class)
			.isThrownBy(() -> KernelNumbers.parseUnsignedLong("18446744073709551616"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.ERANGE));
		assertThatExceptionOfType(SimErrno.class).isThrownBy(() -> KernelNumbers.parseInt("2147483648"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.ERANGE));
	}

	@Test
	void boolAcceptsTheKernelSpellings() {
		assertThat(KernelNumbers.parseBool("y")).isTrue();
		assertThat(KernelNumbers.parseBool("on")).isTrue();
		assertThat(KernelNumbers.parseBool("off")).isFalse();
		assertThat(KernelNumbers.parseBool("0\n")).isFalse();
		assertThatExceptionOfType(SimErrno.class).isThrownBy(() -> KernelNumbers.parseBool("maybe"));
	}

}
