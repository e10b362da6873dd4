package org.wenming;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;

import org.wenming.directory.IdNumbers;

/**
 * Valid resident ID numbers that no other test of the JVM uses (the test database is shared).
 */
public final class TestIdNumbers {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

	private TestIdNumbers() {
	}

	public static String next() {
		int n = SEQUENCE.getAndIncrement();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String first17 = String.format("%06d", 110101 + ThreadLocalRandom.current().nextInt(800_000))
				+ birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
		return first17 + IdNumbers.checkDigit(first17);
	}

}
