package io.scst.manager.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo of a save reuses what it made only for the same instance in an equal context,
 * and keeps only what the last save used.
 */
class ExportMemoTests {

	private final List<String> made = new ArrayList<>();

	private final Function<StringBuilder, String> make = (source) -> {
		this.made.add(source.toString());
		return source.toString().toUpperCase();
	};

	@Test
	void theSameInstanceInTheSameContextIsMadeOnce() {
		ExportMemo memo = new ExportMemo();
		StringBuilder a = new StringBuilder("a");
		assertThat(memo.get(a, "ctx", this.make)).isEqualTo("A");
		memo.next();
		assertThat(memo.get(a, "ctx", this.make)).isEqualTo("A");
		assertThat(this.made).containsExactly("a");
	}

	@Test
	void anEqualButOtherInstanceOrAnotherContextIsMadeAgain() {
		ExportMemo memo = new ExportMemo();
		StringBuilder a = new StringBuilder("a");
		memo.get(a, "ctx", this.make);
		memo.next();
		memo.get(new StringBuilder("a"), "ctx", this.make);
		memo.get(a, "other", this.make);
		assertThat(this.made).containsExactly("a", "a", "a");
	}

	@Test
	void onlyWhatTheLastSaveUsedIsKept() {
		ExportMemo memo = new ExportMemo();
		StringBuilder a = new StringBuilder("a");
		StringBuilder b = new StringBuilder("b");
		memo.get(a, null, this.make);
		memo.get(b, null, this.make);
		memo.next();
		assertThat(memo.size()).isEqualTo(2);
		memo.get(a, null, this.make);
		memo.next();
		assertThat(memo.size()).isEqualTo(1);
		memo.get(b, null, this.make);
		assertThat(this.made).containsExactly("a", "b", "b");
	}

	@Test
	void anEqualContextIsTheKeptInstance() {
		ExportMemo memo = new ExportMemo();
		Object first = memo.context(new ArrayList<>(List.of("size", "blocksize")));
		Object again = memo.context(new ArrayList<>(List.of("size", "blocksize")));
		assertThat(again).isSameAs(first);
		assertThat(memo.context(List.of("size"))).isNotSameAs(first);
	}

}
