package io.scst.manager.security;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Audits a change that no request made (the restore of the saved configuration at start):
 * its sysfs writes are recorded as a request's are, and one entry with principal
 * {@code system} is appended to the audit log.
 */
public class SystemAudit {

	/** The principal of changes the server makes by itself. */
	public static final String PRINCIPAL = "system";

	private final AuditRecorder recorder;

	private final AuditLog log;

	SystemAudit(AuditRecorder recorder, AuditLog log) {
		this.recorder = recorder;
		this.log = log;
	}

	/**
	 * Run a change and audit it.
	 * @param action what it is, as the entry's method (e.g. {@code RESTORE})
	 * @param object what it changes, as the entry's path and object
	 * @param change the change
	 * @param result the entry's result for the change's outcome: {@code ok},
	 * {@code denied} (refused by policy) or {@code failed}
	 * @param <T> the outcome
	 * @return the outcome
	 */
	public <T> T record(String action, String object, Supplier<T> change, Function<T, String> result) {
		AuditRecorder.Recording recording = this.recorder.start();
		String outcome = "failed";
		try {
			T value = change.get();
			outcome = result.apply(value);
			return value;
		}
		finally {
			this.recorder.stop();
			int status = switch (outcome) {
				case "ok" -> 200;
				case "denied" -> 403;
				default -> 500;
			};
			String errno = recording.commands()
				.stream()
				.map(AuditEntry.Command::errno)
				.filter((e) -> e != null)
				.findFirst()
				.orElse(null);
			this.log.append(new AuditEntry(Instant.now().toString(), PRINCIPAL, "-", UUID.randomUUID().toString(),
					action, object, object, recording.commands(), status, outcome, errno));
		}
	}

}
