package io.scst.manager.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ConfigFormat}: the grammar of scstadmin -config and the layout of -write_config.
 */
class ConfigFormatTests {

	@Test
	void commentsRemoveTheCharacterBeforeThemUnlessEscaped() {
		assertThat(ConfigFormat.stripComment("abc#x")).isEqualTo("ab");
		assertThat(ConfigFormat.stripComment("threads 8 # eight")).isEqualTo("threads 8");
		assertThat(ConfigFormat.stripComment("# whole line")).isEmpty();
		assertThat(ConfigFormat.stripComment("comment a\\#b")).isEqualTo("comment a\\#b");
		assertThat(ConfigFormat.unescape("comment a\\#b \\\\c")).isEqualTo("comment a#b \\c");
	}

	@Test
	void tokensAreQuotedStringsOrRunsOfNonBlanks() {
		assertThat(ConfigFormat.tokens("  prod_id \"My Disk\"  x")).containsExactly("prod_id", "My Disk", "x");
		assertThat(ConfigFormat.tokens("LUN 0 disk1")).containsExactly("LUN", "0", "disk1");
	}

	@Test
	void parsesEveryBlockKind() {
		ScstConfig config = ConfigFormat.parse("""
				# header
				setup_id 0x1234
				HANDLER vdisk_nullio {
					DEVICE n1 {
						size_mb 128   # MiB
					}
					DEVICE n2
				}
				TARGET_DRIVER scst_local {
					TARGET t1 {
						session_name a
						session_name b
						comment "two words"
						LUN 0 n1
						LUN 0x10 n2 {
							read_only 1
						}
						GROUP g1 {
							LUN 1 n1
							INITIATOR h*
							INITIATOR "!x y"
							addr_method FLAT
						}
					}
					TARGET t2
				}
				DEVICE_GROUP dg1 {
					DEVICE n1
				}
				""");
		assertThat(config.attributes()).containsExactly(Map.entry("setup_id", "0x1234"));
		assertThat(config.handlers()).singleElement().satisfies((handler) -> {
			assertThat(handler.devices()).extracting(ScstConfig.Device::name).containsExactly("n1", "n2");
			assertThat(handler.devices().get(0).attributes()).containsExactly(Map.entry("size_mb", "128"));
		});
		ScstConfig.Target t1 = config.drivers().get(0).targets().get(0);
		assertThat(t1.sessions()).containsExactly("a", "b");
		assertThat(t1.attributes()).containsExactly(Map.entry("comment", "two words"));
		assertThat(t1.luns()).extracting(ScstConfig.Lun::number).containsExactly(0, 16);
		assertThat(t1.luns().get(1).readOnly()).isTrue();
		ScstConfig.Group g1 = t1.groups().get(0);
		assertThat(g1.initiators()).containsExactly("h*", "!x y");
		assertThat(g1.attributes()).containsExactly(Map.entry("addr_method", "FLAT"));
		assertThat(g1.luns()).singleElement().extracting(ScstConfig.Lun::device).isEqualTo("n1");
		assertThat(config.drivers().get(0).targets().get(1).name()).isEqualTo("t2");
		assertThat(config.other()).singleElement()
			.isEqualTo(new ConfigNode(List.of("DEVICE_GROUP", "dg1"), true,
					List.of(new ConfigNode(List.of("DEVICE", "n1"), false, List.of()))));
	}

	@Test
	void unknownBlocksAndAttributesSurviveAWriteAndRead() {
		String text = """
				HANDLER vdisk_fileio {
					future_attr "a b"
					DEVICE d1 {
						filename /x/y#z
						SOMETHING_NEW {
							k v
						}
					}
				}
				TARGET_DRIVER iscsi {
					enabled 1
					TARGET iqn.2024-01.x:t {
						HW_TARGET
						enabled 1
						PORTAL 10.0.0.1
						rel_tgt_id 3
					}
				}
				ALUA {
					attr 1
				}
				""".replace("/x/y#z", "/x/y\\#z");
		ScstConfig parsed = ConfigFormat.parse(text);
		assertThat(parsed.handlers().get(0).devices().get(0).attributes()).containsEntry("filename", "/x/y#z");
		String written = ConfigFormat.write(parsed);
		assertThat(written).contains("\t\tfilename /x/y\\#z\n").contains("\tfuture_attr \"a b\"\n");
		assertThat(ConfigFormat.parse(written)).isEqualTo(parsed);
		assertThat(parsed.drivers().get(0).targets().get(0).hardware()).isTrue();
		assertThat(parsed.drivers().get(0).targets().get(0).attributes()).containsEntry("PORTAL", "10.0.0.1");
		assertThat(parsed.handlers().get(0).devices().get(0).other()).singleElement()
			.extracting(ConfigNode::tokens)
			.isEqualTo(List.of("SOMETHING_NEW"));
		assertThat(parsed.other()).singleElement().extracting(ConfigNode::keyword).isEqualTo("ALUA");
	}

	@Test
	void aLoneNameIsTheEmptyValueAsScstadminReadsIt() {
		// lines of scstadmin -write_config -nonkey (SCST 3.11.0-pre's scstadmin against
		// the
		// mounted simulator): an attribute whose value is empty is written as its name
		// and
		// a blank; scstadmin's own configToAttr() reads such a line as the empty value
		String text = """
				max_tasklet_cmd 20
				# Non-key attributes
				async_lun_replace 0
				cluster_name\s
				HANDLER vcdrom {
					DEVICE cd1 {
						filename /mnt/scstadmin-rt/cd1.iso

						# Non-key attributes
						eui64_id\s
						prod_id cd1
					}
					# Non-key attributes
					cd1\s
				}
				""";
		ScstConfig parsed = ConfigFormat.parse(text);
		assertThat(parsed.attributes()).containsEntry("cluster_name", "").containsEntry("max_tasklet_cmd", "20");
		assertThat(parsed.handlers().get(0).attributes()).containsExactly(Map.entry("cd1", ""));
		assertThat(parsed.handlers().get(0).devices().get(0).attributes()).containsEntry("eui64_id", "")
			.containsEntry("prod_id", "cd1");
		String written = ConfigFormat.write(parsed);
		assertThat(written).contains("cluster_name \"\"\n").contains("\t\teui64_id \"\"\n");
		assertThat(ConfigFormat.parse(written)).isEqualTo(parsed);
		// a keyword alone is still not an attribute
		assertThatExceptionOfType(ConfigSyntaxException.class)
			.isThrownBy(() -> ConfigFormat.parse("TARGET_DRIVER d {\n TARGET\n}\n"));
	}

	@Test
	void unbalancedBracesAreASyntaxError() {
		assertThatExceptionOfType(ConfigSyntaxException.class)
			.isThrownBy(() -> ConfigFormat.parse("HANDLER x {\n DEVICE y\n"))
			.withMessageContaining("not closed");
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> ConfigFormat.parse("}\n"))
			.withMessageContaining("without an open block");
		assertThatExceptionOfType(ConfigSyntaxException.class)
			.isThrownBy(() -> ConfigFormat.parse("TARGET_DRIVER d {\n TARGET t {\n LUN x dev\n }\n}\n"))
			.withMessageContaining("not a number");
	}

	@Test
	void canonicalFormConvertsSizeMbToBytesAndSorts() {
		ScstConfig config = ConfigFormat.parse("""
				HANDLER vdisk_nullio {
					DEVICE b {
						size_mb 2
					}
					DEVICE a
				}
				""");
		ScstConfig canonical = config.canonical();
		assertThat(canonical.handlers().get(0).devices()).extracting(ScstConfig.Device::name).containsExactly("a", "b");
		assertThat(canonical.handlers().get(0).devices().get(1).attributes())
			.containsExactly(Map.entry("size", "2097152"));
	}

}
