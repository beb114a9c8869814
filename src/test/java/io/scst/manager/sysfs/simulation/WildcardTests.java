package io.scst.manager.sysfs.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardTests {

	@Test
	void dosPatternsIgnoreCase() {
		assertThat(Wildcard.matches("iqn.2024-*", "IQN.2024-01.example:host")).isTrue();
		assertThat(Wildcard.matches("host?", "host1")).isTrue();
		assertThat(Wildcard.matches("host?", "host12")).isFalse();
		assertThat(Wildcard.matches("*b*", "abc")).isTrue();
		assertThat(Wildcard.matches("a*c", "abd")).isFalse();
		assertThat(Wildcard.matches("exact", "exact")).isTrue();
		assertThat(Wildcard.matches("exact", "exactly")).isFalse();
	}

	@Test
	void theFirstBangInvertsTheRest() {
		assertThat(Wildcard.matches("bl!?h.*", "blah.jpg")).isFalse();
		assertThat(Wildcard.matches("bl!?h.*", "blxx.jpg")).isTrue();
		assertThat(Wildcard.matches("!host1", "host2")).isTrue();
		assertThat(Wildcard.matches("!host1", "HOST1")).isFalse();
		assertThat(Wildcard.matches("a!b!c", "ab!c")).isFalse();
	}

}
