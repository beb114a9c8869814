package io.scst.manager.sysfs.simulation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/** The scst_local target driver directory ({@code targets/scst_local/}). */
final class SimLocalDriver {

	static final String DEFAULT_TARGET = "scst_local_tgt";

	static final String DEFAULT_SESSION = "scst_local_host";

	private static final String HELP = """
			Usage: echo "add_target target_name [parameters]" >mgmt
			       echo "del_target target_name" >mgmt
			       echo "add_session target_name session_name" >mgmt
			       echo "del_session target_name session_name" >mgmt

			where parameters are one or more param_name=value pairs separated by ';'


			The following parameters available: session_name

			""";

	final ScstSimulator sim;

	final Node.Dir dir;

	/** Targets by name (as given in commands) in creation order. */
	final Map<String, SimTarget> targets = new LinkedHashMap<>();

	/**
	 * The directory names of all sessions of all targets: a name is unique across the
	 * driver (an index, so that adding a session does not look into every target).
	 */
	final Set<String> sessionDirs = new HashSet<>();

	SimLocalDriver(ScstSimulator sim) {
		this.sim = sim;
		this.dir = sim.targetsDir.dir("scst_local");
		this.dir.add(Attr.rwQueued("mgmt", () -> HELP, this::mgmt));
		this.dir.add(Attr.ro("version", () -> SimRoot.SCST_VERSION + "/20110901\nTRACING\n"));
		this.dir.add(Attr.ro("stats", () -> "Aborts: 0, Device Resets: 0, Target Resets: 0\n"));
		this.dir.add(Attr.rw("trace_level", sim.rootFiles.localTrace::show, sim.rootFiles.localTrace::write));
	}

	void addDefaultTarget() {
		addTarget(DEFAULT_TARGET, "session_name=" + DEFAULT_SESSION);
	}

	private void mgmt(String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme();
		switch (verb.toLowerCase(Locale.ROOT)) {
			case "add_target" -> {
				String name = line.lexeme();
				if (name.isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				addTarget(name, line.rest());
			}
			case "del_target" -> {
				String name = line.lexeme();
				if (name.isEmpty() || !line.lexeme().isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				SimTarget target = this.targets.get(name);
				if (target == null) {
					throw new SimErrno(Errno.ENOENT);
				}
				target.destroy();
				this.targets.remove(name);
			}
			default -> privateCommand(verb, line);
		}
	}

	/**
	 * scst_local's own verbs: {@code add_session}, {@code del_session}; others do
	 * nothing.
	 */
	private void privateCommand(String verb, MgmtLine line) {
		String targetName = line.lexeme();
		if (targetName.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		SimTarget target = this.targets.get(targetName);
		if (target == null) {
			throw new SimErrno(Errno.EINVAL);
		}
		String sessionName = line.lexeme();
		if (sessionName.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (verb.equalsIgnoreCase("add_session")) {
			addSession(target, sessionName);
		}
		else if (verb.equalsIgnoreCase("del_session")) {
			for (SimSession session : target.sessions) {
				if (!session.closing && session.initiatorName.equals(sessionName)) {
					session.closeLater();
					return;
				}
			}
			throw new SimErrno(Errno.EINVAL);
		}
	}

	/** Register the target, then create its sessions; any failure removes it again. */
	private void addTarget(String name, String params) {
		if (this.targets.containsKey(name) || this.dir.get(ScstPath.entryName(name)) != null) {
			throw new SimErrno(Errno.EFAULT);
		}
		SimTarget target = SimTarget.local(this.sim, name, this.dir);
		this.targets.put(name, target);
		try {
			MgmtLine line = new MgmtLine(params);
			String token;
			while ((token = line.token()) != null) {
				MgmtLine words = MgmtLine.of(token);
				String param = words.lexeme();
				if (param.isEmpty()) {
					break;
				}
				if (!param.equalsIgnoreCase("session_name")) {
					throw new SimErrno(Errno.EINVAL);
				}
				String session = words.lexeme();
				if (session.isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				addSession(target, session);
			}
		}
		catch (SimErrno ex) {
			target.destroy();
			this.targets.remove(name);
			throw ex;
		}
	}

	private void addSession(SimTarget target, String initiatorName) {
		String dirName = SimSession.directoryName(target, initiatorName);
		if (this.sessionDirs.contains(dirName)) {
			throw new SimErrno(Errno.EEXIST);
		}
		SimSession.create(target, initiatorName);
	}

}
