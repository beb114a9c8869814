package io.scst.manager.config;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A sorted map whose keys are known and whose values are read on first access (then
 * kept); {@code containsKey} and {@code size} read nothing. Iteration is in the keys'
 * natural order, sorted at the first iteration; looking a key up hashes it (a save looks
 * up every device and target of a large state without iterating, where a sorted set's
 * comparisons cost more than the rest of the look). Not thread-safe: use it within one
 * request.
 */
final class LazyMap<V> extends AbstractMap<String, V> {

	/** Marks a key whose value was not read yet. */
	private static final Object UNREAD = new Object();

	/** The keys, each once; sorted before the first iteration. */
	private final List<String> keys;

	private boolean sorted;

	/** Every key, with its value or {@link #UNREAD}. */
	private final Map<String, Object> values;

	private final Function<String, V> loader;

	LazyMap(Collection<String> keys, Function<String, V> loader) {
		this.values = new HashMap<>(keys.size() * 4 / 3 + 1);
		this.keys = new ArrayList<>(keys.size());
		for (String key : keys) {
			if (this.values.putIfAbsent(key, UNREAD) == null) {
				this.keys.add(key);
			}
		}
		this.loader = loader;
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable V get(Object key) {
		Object value = this.values.get(key);
		if (value != UNREAD) {
			return (V) value;
		}
		V loaded = this.loader.apply((String) key);
		this.values.put((String) key, loaded);
		return loaded;
	}

	@Override
	public boolean containsKey(Object key) {
		return this.values.containsKey(key);
	}

	@Override
	public int size() {
		return this.keys.size();
	}

	/** The keys in order (sorted at the first call: a save only looks keys up). */
	private List<String> sorted() {
		if (!this.sorted) {
			this.keys.sort(null);
			this.sorted = true;
		}
		return this.keys;
	}

	@Override
	public Set<String> keySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<String> iterator() {
				return Collections.unmodifiableList(sorted()).iterator();
			}

			@Override
			public boolean contains(Object key) {
				return LazyMap.this.values.containsKey(key);
			}

			@Override
			public int size() {
				return LazyMap.this.keys.size();
			}

		};
	}

	@Override
	public Set<Map.Entry<String, V>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, V>> iterator() {
				Iterator<String> names = sorted().iterator();
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
