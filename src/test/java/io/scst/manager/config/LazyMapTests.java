package io.scst.manager.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lazy map knows its keys without reading, iterates them sorted, and reads each value
 * once, when first asked for.
 */
class LazyMapTests {

	private final List<String> read = new ArrayList<>();

	private LazyMap<String> map(String... keys) {
		return new LazyMap<>(List.of(keys), (key) -> {
			this.read.add(key);
			return key.equals("gone") ? null : key.toUpperCase();
		});
	}

	@Test
	void keysAreSortedAndEachOnceWithoutReading() {
		LazyMap<String> map = map("b", "c", "a", "b");
		assertThat(map.keySet()).containsExactly("a", "b", "c");
		assertThat(map).hasSize(3);
		assertThat(map.containsKey("c")).isTrue();
		assertThat(map.containsKey("d")).isFalse();
		assertThat(map.keySet().contains("a")).isTrue();
		assertThat(map.keySet().contains("d")).isFalse();
		assertThat(this.read).isEmpty();
	}

	@Test
	void aValueIsReadOnceWhenFirstAskedFor() {
		LazyMap<String> map = map("b", "a");
		assertThat(map.get("b")).isEqualTo("B");
		assertThat(map.get("b")).isEqualTo("B");
		assertThat(map.get("x")).isNull();
		assertThat(this.read).containsExactly("b");
		assertThat(map.entrySet()).extracting(Map.Entry::getKey).containsExactly("a", "b");
		assertThat(map.values()).containsExactly("A", "B");
		assertThat(this.read).containsExactly("b", "a");
	}

	@Test
	void aValueThatReadsAsMissingIsReadOnce() {
		LazyMap<String> map = map("gone");
		assertThat(map.get("gone")).isNull();
		assertThat(map.get("gone")).isNull();
		assertThat(map.containsKey("gone")).isTrue();
		assertThat(this.read).containsExactly("gone");
	}

	@Test
	void theKeySetCannotBeChanged() {
		Set<String> keys = map("a").keySet();
		assertThat(keys.iterator().hasNext()).isTrue();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
			var it = keys.iterator();
			it.next();
			it.remove();
		}).isInstanceOf(UnsupportedOperationException.class);
	}

}
