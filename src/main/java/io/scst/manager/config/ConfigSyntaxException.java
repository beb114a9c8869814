package io.scst.manager.config;

/**
 * An {@code scst.conf} text that cannot be read: unbalanced braces, a LUN number that is
 * not a number. Answered with {@code 400}.
 */
public class ConfigSyntaxException extends IllegalArgumentException {

	public ConfigSyntaxException(String message) {
		super(message);
	}

}
