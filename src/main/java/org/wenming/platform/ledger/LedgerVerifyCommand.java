package org.wenming.platform.ledger;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

import org.wenming.platform.ledger.LedgerVerification.Break;
import org.wenming.platform.ledger.LedgerVerification.ChainResult;
import org.wenming.platform.ledger.LedgerVerification.Report;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code wenming verify}: starts the application without its web server, verifies the ledgers,
 * prints the result and answers 0 when intact, 1 when something breaks.
 */
public final class LedgerVerifyCommand {

	public static final String NAME = "verify";

	private LedgerVerifyCommand() {
	}

	/** Whether the command line asks for this command. */
	public static boolean requested(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/** Runs the verification with the remaining arguments as the application's; the exit code. */
	public static int run(Class<?> application, String[] args, PrintStream out) {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(rest)) {
			Report report = context.getBean(LedgerVerification.class).verify();
			print(report, context.getBean(MessageSource.class), out);
			return report.intact() ? 0 : 1;
		}
	}

	static void print(Report report, MessageSource messages, PrintStream out) {
		Locale locale = Locale.SIMPLIFIED_CHINESE;
		for (ChainResult chain : report.chains()) {
			out.println(messages.getMessage("ledger.verify.chain", new Object[] { chain.table(), chain.sealed(),
					chain.unsealed(), chain.headId(), chain.headHash() == null ? "-" : chain.headHash() }, locale));
		}
		if (report.intact()) {
			out.println(messages.getMessage("ledger.intact", null, locale));
			return;
		}
		out.println(messages.getMessage("ledger.broken", null, locale));
		for (Break b : report.breaks()) {
			out.println("  " + messages.getMessage("ledger.breakAt", new Object[] { b.table(), b.row(),
					messages.getMessage("ledger.problem." + b.problem(), null, locale),
					b.detail() == null ? "" : b.detail() }, locale));
		}
	}

}
