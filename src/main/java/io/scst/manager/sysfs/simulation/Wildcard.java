package io.scst.manager.sysfs.simulation;

/**
 * SCST's initiator-name patterns: DOS style, {@code ?} one character, {@code *} any run,
 * case-insensitive, and the first {@code !} met while matching inverts the match of the
 * rest of the pattern.
 */
final class Wildcard {

	private Wildcard() {
	}

	static boolean matches(String pattern, String name) {
		return match(pattern, 0, name, 0, false);
	}

	private static boolean same(char a, char b) {
		return Character.toLowerCase(a) == Character.toLowerCase(b);
	}

	private static boolean match(String w, int wi, String s, int si, boolean inverted) {
		while (si < s.length() && at(w, wi) != '*') {
			if (at(w, wi) == '!' && !inverted) {
				return !match(w, wi + 1, s, si, true);
			}
			if (!same(at(w, wi), s.charAt(si)) && at(w, wi) != '?') {
				return false;
			}
			wi++;
			si++;
		}
		int mark = -1;
		int resume = -1;
		while (si < s.length()) {
			char c = at(w, wi);
			if (c == '!' && !inverted) {
				return !match(w, wi + 1, s, si, true);
			}
			if (c == '*') {
				wi++;
				if (wi >= w.length()) {
					return true;
				}
				mark = wi;
				resume = si + 1;
			}
			else if (same(c, s.charAt(si)) || c == '?') {
				wi++;
				si++;
			}
			else {
				wi = mark;
				si = resume++;
			}
		}
		while (at(w, wi) == '*') {
			wi++;
		}
		return wi >= w.length();
	}

	/** The pattern character at {@code i}, or NUL past the end (C string semantics). */
	private static char at(String w, int i) {
		return (i < w.length()) ? w.charAt(i) : '\0';
	}

}
