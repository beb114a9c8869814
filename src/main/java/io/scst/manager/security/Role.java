package io.scst.manager.security;

import java.util.Locale;

/**
 * What a caller may do. {@code admin} includes {@code operator}, which includes
 * {@code viewer}; {@code scraper} may only read the Prometheus metrics.
 */
public enum Role {

	/** Every GET of the API and the metrics. */
	VIEWER,
	/**
	 * Viewer, and changes to sessions, LUNs, initiator groups, initiators and exports.
	 */
	OPERATOR,
	/**
	 * Everything: devices and their backing files, handlers, targets, target drivers,
	 * configuration apply, the audit log.
	 */
	ADMIN,
	/** Only {@code /actuator/prometheus}. */
	SCRAPER;

	/** The role hierarchy in Spring Security's notation. */
	static final String HIERARCHY = "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER";

	/**
	 * The Spring Security authority of this role.
	 * @return {@code ROLE_<NAME>}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The name used in token files, properties and the command line.
	 * @return the lower-case name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role with a name, ignoring case.
	 * @param id the name
	 * @return the role
	 * @throws IllegalArgumentException when there is no such role
	 */
	public static Role of(String id) {
		for (Role role : values()) {
			if (role.id().equalsIgnoreCase(id.strip())) {
				return role;
			}
		}
		throw new IllegalArgumentException("'" + id + "' is not a role; use viewer, operator, admin or scraper");
	}

}
