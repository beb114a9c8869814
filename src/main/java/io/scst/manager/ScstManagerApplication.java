package io.scst.manager;

import java.util.Arrays;

import io.scst.manager.cli.CreateTokenCommand;
import io.scst.manager.cli.HealthCheckCommand;
import io.scst.manager.cli.MountSimulatorCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScstManagerApplication {

	/**
	 * Run the server, or with a command name as the first argument run that command
	 * without it: {@code mount-simulator} mounts a simulator (see
	 * {@link MountSimulatorCommand}), {@code healthcheck} asks a running server for its
	 * health (see {@link HealthCheckCommand}), {@code create-token NAME ROLE} prints a
	 * new API token (see {@link CreateTokenCommand}).
	 * @param args the command line
	 */
	public static void main(String[] args) {
		Integer status = runCommand(args);
		if (status == null) {
			SpringApplication.run(ScstManagerApplication.class, args);
			return;
		}
		if (status != 0) {
			System.exit(status);
		}
	}

	/**
	 * Run the command named by the first argument.
	 * @param args the command line
	 * @return the command's exit status, or {@code null} when the arguments name no
	 * command (they are the server's)
	 */
	static @Nullable Integer runCommand(String[] args) {
		if (args.length == 0) {
			return null;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		return switch (args[0]) {
			case MountSimulatorCommand.NAME -> MountSimulatorCommand.run(rest);
			case HealthCheckCommand.NAME -> HealthCheckCommand.run(rest);
			case CreateTokenCommand.NAME -> CreateTokenCommand.run(rest, System.out, System.err);
			default -> null;
		};
	}

}
