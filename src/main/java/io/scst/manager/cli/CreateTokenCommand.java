package io.scst.manager.cli;

import java.io.PrintStream;

import io.scst.manager.security.ApiTokens;
import io.scst.manager.security.Role;

/**
 * The {@code create-token NAME ROLE} command: prints a new random API token and the line
 * to add to the token file. Nothing is written anywhere; the token itself is shown once.
 */
public final class CreateTokenCommand {

	/** The command's name, the first program argument. */
	public static final String NAME = "create-token";

	private CreateTokenCommand() {
	}

	/**
	 * Run the command.
	 * @param args {@code NAME ROLE}
	 * @param out where the token and the line go
	 * @param err where usage errors go
	 * @return the exit status: 0, or 2 for a usage error
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2) {
			err.println("usage: " + NAME + " NAME ROLE   (ROLE: viewer, operator, admin or scraper)");
			return 2;
		}
		if (!ApiTokens.NAME.matcher(args[0]).matches()) {
			err.println("'" + args[0] + "' is not a token name: 1 to 64 of A-Z a-z 0-9 . _ @ -");
			return 2;
		}
		Role role;
		try {
			role = Role.of(args[1]);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		String token = ApiTokens.newToken();
		out.println("Token (give it to the client as 'Authorization: Bearer <token>'; it is not stored):");
		out.println(token);
		out.println("Line to add to the token file (scst.security.token-file):");
		out.println(ApiTokens.line(args[0], role, token));
		return 0;
	}

}
