package io.scst.manager.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether anonymous requests are admin or must authenticate, decided once at start-up.
 * Anonymous requests are admin only when no credentials are configured, the server binds
 * to loopback only, and either the gateway is the simulator or (kernel mode) the admin
 * set {@code scst.security.allow-anonymous-on-loopback=true}. In kernel mode without
 * credentials the server otherwise refuses to start.
 *
 * @param anonymousAdmin whether requests without credentials get the admin role
 */
record AccessDecision(boolean anonymousAdmin) {

	private static final Logger logger = LoggerFactory.getLogger(AccessDecision.class);

	/**
	 * Decide.
	 * @param simulator whether the gateway is the simulator
	 * @param serverAddress {@code server.address}, or {@code null} (all interfaces)
	 * @param properties the security settings
	 * @return the decision
	 * @throws IllegalStateException when the server must not start (kernel mode without
	 * credentials)
	 */
	static AccessDecision decide(boolean simulator, @Nullable String serverAddress, ScstSecurityProperties properties) {
		if (properties.hasCredentials()) {
			return new AccessDecision(false);
		}
		boolean loopback = isLoopback(serverAddress);
		if (simulator) {
			if (loopback && !properties.requireCredentials()) {
				logger.warn("No credentials are configured (scst.security.token-file, scst.security.users): "
						+ "the simulator on loopback address {} gives every request without credentials the admin role",
						serverAddress);
				return new AccessDecision(true);
			}
			logger.warn("No credentials are configured (scst.security.token-file, scst.security.users): "
					+ "every request except /actuator/health will be refused with 401");
			return new AccessDecision(false);
		}
		if (properties.allowAnonymousOnLoopback() && loopback && !properties.requireCredentials()) {
			logger.warn("*****************************************************************************");
			logger.warn("SECURITY DISABLED: scst.security.allow-anonymous-on-loopback=true and no credentials.");
			logger.warn("Every local process that can reach {} may reconfigure the kernel's SCST as admin.",
					serverAddress);
			logger.warn("*****************************************************************************");
			return new AccessDecision(true);
		}
		throw new IllegalStateException("Refusing to start in kernel mode without credentials: configure "
				+ "scst.security.token-file or scst.security.users (see README, Security), or set "
				+ "scst.security.allow-anonymous-on-loopback=true with a loopback server.address"
				+ (loopback ? "" : " (server.address is '" + serverAddress + "', not a loopback address)"));
	}

	/** Whether the address is a loopback address; unset means all interfaces. */
	static boolean isLoopback(@Nullable String serverAddress) {
		if (serverAddress == null || serverAddress.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(serverAddress.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
