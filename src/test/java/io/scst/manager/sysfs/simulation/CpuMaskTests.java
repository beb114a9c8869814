package io.scst.manager.sysfs.simulation;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.Errno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CpuMaskTests {

	@Test
	void formatsLikeTheKernelBitmapPrinter() {
		assertThat(CpuMask.format(CpuMask.all(2), 2)).isEqualTo("3");
		assertThat(CpuMask.format(CpuMask.all(16), 16)).isEqualTo("ffff");
		assertThat(CpuMask.format(CpuMask.all(64), 64)).isEqualTo("ffffffff,ffffffff");
		BitSet first = new BitSet();
		first.set(0);
		assertThat(CpuMask.format(first, 16)).isEqualTo("0001");
	}

	@Test
	void parsesChunksFromTheEnd() {
		assertThat(CpuMask.parse("3\n", 2)).isEqualTo(CpuMask.all(2));
		assertThat(CpuMask.parse("ff,ffffffff", 40)).isEqualTo(CpuMask.all(40));
		assertThat(CpuMask.parse("1", 2).cardinality()).isEqualTo(1);
	}

	@Test
	void rejectsBadTextAndMasksWiderThanTheMachine() {
		assertThatExceptionOfType(SimErrno.class).isThrownBy(() -> CpuMask.parse("0x3", 2))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EINVAL));
		assertThatExceptionOfType(SimErrno.class).isThrownBy(() -> CpuMask.parse("7", 2))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EOVERFLOW));
		assertThatExceptionOfType(SimErrno.class).isThrownBy(() -> CpuMask.parse("1,3", 2))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EOVERFLOW));
	}

}
