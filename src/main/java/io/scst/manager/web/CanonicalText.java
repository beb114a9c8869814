package io.scst.manager.web;

/**
 * A resource with a text form that every representation of it (JSON, plain text) is
 * derived from. Its entity tag is computed from that text, so the same state has the same
 * {@code ETag} whatever the {@code Accept} header chose, and an {@code If-Match} taken
 * from one representation is good for a change sent in another (see {@link EntityTags}).
 */
public interface CanonicalText {

	/**
	 * The canonical text of this resource; a handler that answers with the text itself
	 * returns exactly this string.
	 * @return the text
	 */
	String canonicalText();

}
