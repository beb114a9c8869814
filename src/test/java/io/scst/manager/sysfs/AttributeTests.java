package io.scst.manager.sysfs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values and the {@code [key]} marker as SCST writes them. */
class AttributeTests {

	@Test
	void aPlainValueLosesItsLineEnd() {
		Attribute attribute = Attribute.of("512\n");
		assertThat(attribute.value()).isEqualTo("512");
		assertThat(attribute.key()).isFalse();
		assertThat(attribute.text()).isEqualTo("512\n");
	}

	@Test
	void theKeyLineIsAMarkerNotPartOfTheValue() {
		Attribute attribute = Attribute.of("/var/lib/disk1.img\n[key]\n");
		assertThat(attribute.value()).isEqualTo("/var/lib/disk1.img");
		assertThat(attribute.key()).isTrue();
		assertThat(attribute.value()).isEqualTo("/var/lib/disk1.img");
	}

	@Test
	void onlyAWholeLineIsTheMarker() {
		Attribute attribute = Attribute.of("a [key] b\n");
		assertThat(attribute.key()).isFalse();
		assertThat(attribute.value()).isEqualTo("a [key] b");
	}

	@Test
	void multiLineValuesKeepTheirInnerLineEnds() {
		Attribute attribute = Attribute.of("line one\nline two\n\n\n");
		assertThat(attribute.value()).isEqualTo("line one\nline two");
		Attribute keyed = Attribute.of("line one\n[key]\nline two\n");
		assertThat(keyed.value()).isEqualTo("line one\nline two");
		assertThat(keyed.key()).isTrue();
	}

	@Test
	void emptyContentIsAnEmptyValue() {
		Attribute attribute = new Attribute(new byte[0]);
		assertThat(attribute.isEmpty()).isTrue();
		assertThat(attribute.value()).isEmpty();
		assertThat(attribute.key()).isFalse();
	}

}
