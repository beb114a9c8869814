package io.scst.manager.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;
import org.jspecify.annotations.Nullable;

/**
 * Collects the sysfs writes of the change request being handled on this thread (the
 * management writes happen on the request thread), and who made it, for the audit log.
 */
final class AuditRecorder implements GatewayListener {

	private final ThreadLocal<Recording> current = new ThreadLocal<>();

	/** Start recording for the current thread's request. */
	Recording start() {
		Recording recording = new Recording();
		this.current.set(recording);
		return recording;
	}

	/** Stop recording on this thread. */
	void stop() {
		this.current.remove();
	}

	/** The current thread's recording, or {@code null} outside a change request. */
	@Nullable Recording current() {
		return this.current.get();
	}

	@Override
	public void written(ScstPath path, String written, @Nullable Errno errno, Duration took) {
		Recording recording = this.current.get();
		if (recording != null) {
			recording.commands
				.add(new AuditEntry.Command(path.toString(), written, (errno != null) ? errno.symbol() : null));
		}
	}

	/** What one request did. */
	static final class Recording {

		private final List<AuditEntry.Command> commands = new ArrayList<>();

		private @Nullable String principal;

		List<AuditEntry.Command> commands() {
			return List.copyOf(this.commands);
		}

		@Nullable String principal() {
			return this.principal;
		}

		/** The first errno SCST answered, or {@code null}. */
		@Nullable String firstErrno() {
			return this.commands.stream()
				.map(AuditEntry.Command::errno)
				.filter((e) -> e != null)
				.findFirst()
				.orElse(null);
		}

		void principal(String principal) {
			this.principal = principal;
		}

	}

}
