package io.scst.manager.config;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What the last save made of each object, by the identity of what it was made from: a
 * device or target that the {@link ExportCache} hands out unchanged (the same instance)
 * is exported and formatted once, not at every save, so a save after a change costs the
 * changed objects plus copying the text of the others. An entry is reused only for the
 * same instance and an equal context (what else the result depends on, e.g. the handler's
 * creation parameters).
 * <p>
 * Bounded: it holds only what the last save used ({@link #next()} drops the rest). Not
 * thread-safe: the save holds its lock.
 */
final class ExportMemo {

	private Map<Object, Made> previous = new IdentityHashMap<>();

	private Map<Object, Made> current = new IdentityHashMap<>();

	/** The contexts seen, each once (handlers' parameter lists, drivers). */
	private final Map<Object, Object> contexts = new HashMap<>();

	private int textLength;

	/**
	 * What was made of {@code source} in the same context at the last save, or made now.
	 * @param source what it is made from
	 * @param context what else it depends on, or {@code null}
	 * @param make makes it
	 * @return what was made
	 */
	@SuppressWarnings("unchecked")
	<K, V> V get(K source, @Nullable Object context, Function<K, V> make) {
		Made made = this.current.get(source);
		if (made == null || !Objects.equals(made.context(), context)) {
			made = this.previous.get(source);
			if (made == null || !Objects.equals(made.context(), context)) {
				made = new Made(context, make.apply(source));
			}
			this.current.put(source, made);
		}
		return (V) made.value();
	}

	/**
	 * What a context equal to this one was the last time it was given, so that the
	 * context of every object made in it is compared by reference.
	 * @param context a context
	 * @return the kept equal context, or this one (now kept)
	 */
	Object context(Object context) {
		Object kept = this.contexts.putIfAbsent(context, context);
		return (kept != null) ? kept : context;
	}

	/** How long the last text was (a capacity hint for the next). */
	int textLength() {
		return this.textLength;
	}

	/**
	 * @param length how long the text just written is
	 */
	void textLength(int length) {
		this.textLength = length;
	}

	/** A save is done: keep what it used, drop the rest. */
	void next() {
		this.previous = this.current;
		this.current = new IdentityHashMap<>(this.previous.size());
	}

	/** How many objects the last save kept (for tests). */
	int size() {
		return this.previous.size();
	}

	private record Made(@Nullable Object context, Object value) {

	}

}
