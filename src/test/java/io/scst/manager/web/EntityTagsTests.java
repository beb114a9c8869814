package io.scst.manager.web;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Entity tags: a hash of the JSON of the body; If-Match parsing. */
class EntityTagsTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final EntityTags tags = new EntityTags(this.mapper);

	@Test
	void theTagIsTheFirstHalfOfTheSha256OfTheJson() throws Exception {
		Map<String, Object> body = Map.of("name", "disk1", "size", 1073741824L, "luns", List.of(0, 1));
		byte[] json = this.mapper.writeValueAsBytes(body);
		String expected = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16)
				+ '"';
		assertThat(this.tags.of(body)).isEqualTo(expected);
	}

	@Test
	void differentBodiesHaveDifferentTags() {
		assertThat(this.tags.of(Map.of("size", 1))).isNotEqualTo(this.tags.of(Map.of("size", 2)))
			.isEqualTo(this.tags.of(Map.of("size", 1)));
	}

	@Test
	void parsesIfMatch() {
		assertThat(EntityTags.parseIfMatch("*")).containsExactly("*");
		assertThat(EntityTags.parseIfMatch("\"a1\", \"b2\"")).containsExactly("\"a1\"", "\"b2\"");
		assertThatIllegalArgumentException().isThrownBy(() -> EntityTags.parseIfMatch("\"open"));
	}

	@Test
	void ifNoneMatchComparesWeaklyAndTakesTheWildcard() {
		String tag = "\"a1\"";
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("\"a1\""))).isTrue();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("W/\"a1\""))).isTrue();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("\"b2\", W/\"a1\""))).isTrue();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("\"b2\"", "\"a1\""))).isTrue();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("*"))).isTrue();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("\"b2\""))).isFalse();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("a1"))).isFalse();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of("\"a1"))).isFalse();
		assertThat(EntityTags.matchesIfNoneMatch(tag, List.of())).isFalse();
	}

}
