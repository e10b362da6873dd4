package org.wenming;

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

	public static void main(String[] args) {
		SpringApplication.run(WenmingApplication.class, args);
	}

}
