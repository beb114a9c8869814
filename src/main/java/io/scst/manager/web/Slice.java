package io.scst.manager.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * One page of a list (see {@link Page}).
 *
 * @param <T> the item type
 * @param items the items of the page, in the list's order
 * @param next the {@code after} value of the next page, or {@code null} when this is the
 * last page
 */
public record Slice<T>(List<T> items, @Nullable String next) {

	/**
	 * Read each item of the page.
	 * @param <R> what is read
	 * @param reader reads one item
	 * @return the page of what was read; the same next page
	 */
	public <R> Slice<R> map(Function<? super T, ? extends R> reader) {
		List<R> read = new ArrayList<>(this.items.size());
		for (T item : this.items) {
			read.add(reader.apply(item));
		}
		return new Slice<>(read, this.next);
	}

	/**
	 * Read each item of the page, leaving out those that disappeared meanwhile.
	 * @param <R> what is read
	 * @param reader reads one item, or answers empty when it is gone
	 * @return the page of what was read; the same next page
	 */
	public <R> Slice<R> mapPresent(Function<? super T, Optional<R>> reader) {
		List<R> read = new ArrayList<>(this.items.size());
		for (T item : this.items) {
			reader.apply(item).ifPresent(read::add);
		}
		return new Slice<>(read, this.next);
	}

	/**
	 * The answer to the current request: the items as a JSON array and, when more items
	 * follow, an RFC 8288 {@code Link: <...>; rel="next"} header with the request's URL
	 * and {@code after} set to {@link #next()}.
	 * @return the response
	 */
	public ResponseEntity<List<T>> response() {
		if (this.next == null) {
			return ResponseEntity.ok(this.items);
		}
		String url = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("after", UriUtils.encodeQueryParam(this.next, StandardCharsets.UTF_8))
			.build(true)
			.toUriString();
		return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + url + ">; rel=\"next\"").body(this.items);
	}

}
