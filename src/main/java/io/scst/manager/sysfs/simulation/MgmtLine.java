package io.scst.manager.sysfs.simulation;

/**
 * SCST's command-line lexer over one written buffer (as ISO-8859-1 text, so that every
 * char is one byte of what was written) over one written buffer. A lexeme skips blanks
 * and {@code =}, runs to the next blank or {@code =}, and consumes that one delimiter; a
 * parameter token runs to the next {@code ;} or newline, and an empty token ends the
 * list.
 */
final class MgmtLine {

	private final String text;

	private int pos;

	MgmtLine(String text) {
		this.text = text;
	}

	/**
	 * The kernel's {@code isspace()} over bytes (text here is ISO-8859-1, one char per
	 * byte).
	 */
	static boolean isSpace(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0';
	}

	private static boolean isDelimiter(char c) {
		return isSpace(c) || c == '=';
	}

	/** The next lexeme, or the empty string at the end. */
	String lexeme() {
		int p = this.pos;
		while (p < this.text.length() && isDelimiter(this.text.charAt(p))) {
			p++;
		}
		int q = p;
		while (q < this.text.length() && !isDelimiter(this.text.charAt(q))) {
			q++;
		}
		String lexeme = this.text.substring(p, q);
		this.pos = (q < this.text.length()) ? q + 1 : q;
		return lexeme;
	}

	/**
	 * The next parameter token (text up to {@code ;}, newline or end, consuming the
	 * delimiter), or {@code null} when the token would be empty.
	 */
	String token() {
		int i = this.pos;
		while (i < this.text.length() && this.text.charAt(i) != '\n' && this.text.charAt(i) != ';') {
			i++;
		}
		if (i == this.pos) {
			return null;
		}
		String token = this.text.substring(this.pos, i);
		this.pos = (i < this.text.length()) ? i + 1 : i;
		return token;
	}

	/** The unread rest of the buffer. */
	String rest() {
		return this.text.substring(this.pos);
	}

	/** A lexer over a parameter token. */
	static MgmtLine of(String token) {
		return new MgmtLine(token);
	}

}
