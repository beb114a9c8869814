package io.scst.manager;

import java.util.Arrays;

import io.scst.manager.mount.MountSimulatorCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScstManagerApplication {

	/**
	 * Run the server, or with {@code mount-simulator} as the first argument mount a
	 * simulator without it (see {@link MountSimulatorCommand}).
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
		SpringApplication.run(ScstManagerApplication.class, args);
	}

}
