package io.scst.manager.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.scst.manager.sysfs.InvalidNameException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link Page}: which keys a page selects. */
class PageTests {

	private static final List<String> NAMES = List.of("c", "a", "d", "b");

	@Test
	void withoutLimitOrAfterEveryKeyInOrderAndNoNextPage() {
		Slice<String> slice = Page.all().select(NAMES, Comparator.naturalOrder(), Function.identity());
		assertThat(slice.items()).containsExactly("a", "b", "c", "d");
		assertThat(slice.next()).isNull();
	}

	@Test
	void aLimitCutsThePageAndNamesItsLastKeyAsNext() {
		Slice<String> slice = Page.first(3).select(NAMES, Comparator.naturalOrder(), Function.identity());
		assertThat(slice.items()).containsExactly("a", "b", "c");
		assertThat(slice.next()).isEqualTo("c");
	}

	@Test
	void aPageThatTakesTheRestExactlyHasNoNext() {
		Slice<String> slice = new Page(2, "b").select(NAMES, Comparator.naturalOrder(), Function.identity());
		assertThat(slice.items()).containsExactly("c", "d");
		assertThat(slice.next()).isNull();
	}

	@Test
	void afterAKeyThatIsNotThereStartsAtTheNextKeyInOrder() {
		Slice<String> slice = new Page(1, "bb").select(NAMES, Comparator.naturalOrder(), Function.identity());
		assertThat(slice.items()).containsExactly("c");
		assertThat(slice.next()).isEqualTo("c");
		assertThat(new Page(null, "z").select(NAMES, Comparator.naturalOrder(), Function.identity()).items()).isEmpty();
	}

	@Test
	void numbersAreOrderedAsNumbers() {
		Slice<Integer> slice = new Page(2, "2").select(List.of(10, 2, 1, 9), Comparator.naturalOrder(),
				Integer::valueOf);
		assertThat(slice.items()).containsExactly(9, 10);
		assertThat(slice.next()).isNull();
	}

	@Test
	void afterIsCheckedByTheList() {
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> new Page(1, "x").select(NAMES, Comparator.naturalOrder(), (after) -> {
				throw new InvalidNameException("after", "is not a name");
			}))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("after"));
	}

	@Test
	void mappingAPageKeepsItsNextPage() {
		Slice<String> slice = Page.first(2).select(NAMES, Comparator.naturalOrder(), Function.identity());
		assertThat(slice.map(String::toUpperCase)).isEqualTo(new Slice<>(List.of("A", "B"), "b"));
		assertThat(slice.mapPresent((name) -> name.equals("a") ? Optional.<String>empty() : Optional.of(name)))
			.isEqualTo(new Slice<>(List.of("b"), "b"));
	}

}
