package io.scst.manager.target;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a target driver's management file offers, read from its help text rather than
 * known per driver: a driver without {@code mgmt} (the copy manager) can neither create
 * nor delete targets.
 *
 * @param addTarget whether {@code add_target} is offered
 * @param delTarget whether {@code del_target} is offered
 * @param addSession whether {@code add_session} is offered (scst_local)
 * @param delSession whether {@code del_session} is offered (scst_local)
 * @param targetParameters the parameters {@code add_target} accepts, e.g.
 * {@code session_name}
 */
@Schema(description = "What the driver's mgmt file offers (from its help text)")
public record DriverCapabilities(boolean addTarget, boolean delTarget, boolean addSession, boolean delSession,
		List<String> targetParameters) {

	/** The help line that lists {@code add_target}'s parameters. */
	private static final String PARAMETERS_PREFIX = "The following parameters available:";

	/** What a driver without a management file offers: nothing. */
	static final DriverCapabilities NONE = new DriverCapabilities(false, false, false, false, List.of());

	public DriverCapabilities {
		targetParameters = List.copyOf(targetParameters);
	}

	/**
	 * Read the capabilities from a driver's {@code mgmt} help text: the synopsis lines
	 * {@code echo "<verb> ..." >mgmt} and the parameter list line.
	 * @param help the help text
	 * @return the capabilities
	 */
	static DriverCapabilities fromHelp(String help) {
		List<String> verbs = new ArrayList<>();
		List<String> parameters = new ArrayList<>();
		for (String line : help.split("\n")) {
			int echo = line.indexOf("echo \"");
			if (echo >= 0) {
				String rest = line.substring(echo + "echo \"".length());
				int end = 0;
				while (end < rest.length()
						&& (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
					end++;
				}
				verbs.add(rest.substring(0, end));
			}
			String stripped = line.strip();
			if (stripped.startsWith(PARAMETERS_PREFIX)) {
				for (String parameter : stripped.substring(PARAMETERS_PREFIX.length()).split(",")) {
					if (!parameter.isBlank()) {
						parameters.add(parameter.strip());
					}
				}
			}
		}
		return new DriverCapabilities(verbs.contains("add_target"), verbs.contains("del_target"),
				verbs.contains("add_session"), verbs.contains("del_session"), parameters);
	}

}
