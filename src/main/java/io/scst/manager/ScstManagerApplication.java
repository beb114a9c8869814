package io.scst.manager;

import java.util.Arrays;

import io.scst.manager.mount.MountSimulatorCommand;
import io.scst.manager.security.CreateTokenCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScstManagerApplication {

	/**
	 * Run the server, or with {@code mount-simulator} as the first argument mount a
	 * simulator without it (see {@link MountSimulatorCommand}), or with
	 * {@code create-token NAME ROLE} print a new API token (see
	 * {@link CreateTokenCommand}).
	 * @param args the command line
	 */
	public static void main(String[] args) {
		if (args.length > 0 && MountSimulatorCommand.NAME.equals(args[0])) {
			int status = MountSimulatorCommand.run(Arrays.copyOfRange(args, 1, args.length));
			if (status != 0) {
				System.exit(status);
			}
			return;
		}
		if (args.length > 0 && CreateTokenCommand.NAME.equals(args[0])) {
			int status = CreateTokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
			if (status != 0) {
				System.exit(status);
			}
			return;
		}
		SpringApplication.run(ScstManagerApplication.class, args);
	}

}
