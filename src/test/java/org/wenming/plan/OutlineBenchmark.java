package org.wenming.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Outline throughput: parses about 1 MB of plan text (the seed, repeated) after a warm-up and prints
 * {@code outline_mb_per_s}, megabytes of UTF-8 text per second (median of the runs). Run by
 * {@code bench/outline.sh}.
 */
public final class OutlineBenchmark {

	private OutlineBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		String seed = PlanOutlinesTests.seed();
		int target = 1024 * 1024;
		StringBuilder text = new StringBuilder();
		while (text.toString().getBytes(StandardCharsets.UTF_8).length < target) {
			text.append(seed).append('\n');
		}
		String document = text.toString();
		double megabytes = document.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0);

		int plans = 0;
		long warmUpEnd = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < warmUpEnd) {
			plans += PlanOutlines.parse(document).plans().size();
		}
		int runs = 15;
		double[] seconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			plans += PlanOutlines.parse(document).plans().size();
			seconds[i] = (System.nanoTime() - start) / 1e9;
		}
		java.util.Arrays.sort(seconds);
		double median = seconds[runs / 2];
		OutlineResult once = PlanOutlines.parse(document);
		System.out.printf(Locale.ROOT, "outline_mb_per_s=%.1f outline_input_mb=%.2f outline_plans=%d outline_ms_median=%.1f outline_ms_best=%.1f%n",
				megabytes / median, megabytes, once.plans().size(), median * 1000, seconds[0] * 1000);
		if (plans == 0) {
			System.out.println("no plans parsed");
		}
	}

}
