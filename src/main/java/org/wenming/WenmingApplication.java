package org.wenming;

import org.wenming.platform.ledger.LedgerVerifyCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * wenming: the work platform of a civilization office and every unit under it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WenmingApplication {

	/** Starts the application; {@code verify} as the first argument verifies the ledgers instead and exits. */
	public static void main(String[] args) {
		if (LedgerVerifyCommand.requested(args)) {
			System.exit(LedgerVerifyCommand.run(WenmingApplication.class, args, System.out));
		}
		SpringApplication.run(WenmingApplication.class, args);
	}

}
