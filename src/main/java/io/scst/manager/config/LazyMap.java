package io.scst.manager.config;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A sorted map whose keys are known and whose values are read on first access (then
 * kept); {@code containsKey} and {@code size} read nothing.
 */
final class LazyMap<V> extends AbstractMap<String, V> {

	private final Set<String> keys;

	private final Function<String, V> loader;

	private final Map<String, V> loaded = new HashMap<>();

	LazyMap(Set<String> keys, Function<String, V> loader) {
		this.keys = Collections.unmodifiableSet(new TreeSet<>(keys));
		this.loader = loader;
	}

	@Override
	public @Nullable V get(Object key) {
		if (!this.keys.contains(key)) {
			return null;
		}
		return this.loaded.computeIfAbsent((String) key, this.loader);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.keys.contains(key);
	}

	@Override
	public int size() {
		return this.keys.size();
	}

	@Override
	public Set<String> keySet() {
		return this.keys;
	}

	@Override
	public Set<Map.Entry<String, V>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, V>> iterator() {
				Iterator<String> names = LazyMap.this.keys.iterator();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						return names.hasNext();
					}

					@Override
					public Map.Entry<String, V> next() {
						String name = names.next();
						return new SimpleImmutableEntry<>(name, get(name));
					}

				};
			}

			@Override
			public int size() {
				return LazyMap.this.keys.size();
			}

		};
	}

}
