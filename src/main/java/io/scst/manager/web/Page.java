package io.scst.manager.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list a request asks for ({@code ?limit=&after=}): at most {@code limit}
 * items, starting after the item {@code after} in the list's order. Without a limit the
 * page is the rest of the list, so a request without either parameter gets the whole
 * list. A service selects the page from the items' names (one directory listing) before
 * it reads anything about the items themselves.
 *
 * @param limit the most items of the page, or {@code null} for all
 * @param after the name (for LUNs the number) of the last item of the previous page, or
 * {@code null} to start at the first item; the item need not exist any more
 */
public record Page(
		@Parameter(
				description = "The most items to answer (1 to " + Page.MAX_LIMIT
						+ "); without it, every item. When more items follow, the Link header has rel=\"next\"",
				example = "100") @Min(1) @Max(Page.MAX_LIMIT) @Nullable Integer limit,
		@Parameter(description = "Start after this item (the name, for LUNs the number, of the last item of the "
				+ "previous page); it need not exist any more") @Nullable String after) {

	/** The largest {@code limit}. */
	public static final int MAX_LIMIT = 1000;

	/** Every item. */
	public static Page all() {
		return new Page(null, null);
	}

	/**
	 * The first items.
	 * @param limit how many
	 * @return the page
	 */
	public static Page first(int limit) {
		return new Page(limit, null);
	}

	/**
	 * Select this page's keys.
	 * @param <K> the key type (names, LUN numbers)
	 * @param keys every key of the list, in any order
	 * @param order the list's order
	 * @param after checks and converts the {@code after} parameter (throwing
	 * {@link io.scst.manager.sysfs.InvalidNameException} with the field {@code after}
	 * when it is not a key of this kind)
	 * @return the keys of the page in order, and whether more follow
	 */
	public <K> Slice<K> select(Collection<K> keys, Comparator<? super K> order, Function<String, K> after) {
		K start = (this.after != null) ? after.apply(this.after) : null;
		List<K> rest = new ArrayList<>(keys.size());
		for (K key : keys) {
			if (start == null || order.compare(key, start) > 0) {
				rest.add(key);
			}
		}
		rest.sort(order);
		if (this.limit == null || rest.size() <= this.limit) {
			return new Slice<>(Collections.unmodifiableList(rest), null);
		}
		List<K> page = Collections.unmodifiableList(rest.subList(0, this.limit));
		return new Slice<>(page, String.valueOf(page.get(page.size() - 1)));
	}

}
