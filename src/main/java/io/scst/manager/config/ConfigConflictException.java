package io.scst.manager.config;

import java.util.List;

import io.scst.manager.web.ConflictException;

/**
 * A desired configuration that cannot be reached by changing the live state: a device on
 * another handler, a creation-only attribute that differs, a missing handler or a
 * hardware target that does not exist. Nothing has been written. Answered with
 * {@code 409}.
 */
public class ConfigConflictException extends ConflictException {

	private final List<String> conflicts;

	public ConfigConflictException(List<String> conflicts) {
		super("configuration", "Configuration conflicts with the live state", String.join("; ", conflicts));
		this.conflicts = List.copyOf(conflicts);
	}

	/** Every conflict found, one sentence each. */
	public List<String> conflicts() {
		return this.conflicts;
	}

}
