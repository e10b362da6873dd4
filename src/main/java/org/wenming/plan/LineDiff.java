package org.wenming.plan;

import java.util.ArrayList;
import java.util.List;

import org.wenming.plan.PlanComparison.Change;
import org.wenming.plan.PlanComparison.Line;

/**
 * A line diff by longest common subsequence. The common head and tail are cut off first, so a small
 * edit of a long plan compares only the lines around it; a middle too large to compare in memory is
 * shown as removed and added whole.
 */
final class LineDiff {

	/** Most cells of the comparison table: 4 million ints, 16 MB. */
	private static final long MAX_CELLS = 4_000_000;

	private LineDiff() {
	}

	static List<Line> diff(String before, String after) {
		List<String> a = lines(before);
		List<String> b = lines(after);
		int head = 0;
		while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
			head++;
		}
		int tail = 0;
		while (tail < a.size() - head && tail < b.size() - head
				&& a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
			tail++;
		}
		List<Line> result = new ArrayList<>(a.size() + b.size());
		for (int i = 0; i < head; i++) {
			result.add(new Line(Change.SAME, a.get(i)));
		}
		middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), result);
		for (int i = a.size() - tail; i < a.size(); i++) {
			result.add(new Line(Change.SAME, a.get(i)));
		}
		return result;
	}

	private static void middle(List<String> a, List<String> b, List<Line> result) {
		int n = a.size();
		int m = b.size();
		if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
			a.forEach(line -> result.add(new Line(Change.REMOVED, line)));
			b.forEach(line -> result.add(new Line(Change.ADDED, line)));
			return;
		}
		// common[i][j]: length of the longest common subsequence of a[i..] and b[j..]
		int[][] common = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < n && j < m) {
			if (a.get(i).equals(b.get(j))) {
				result.add(new Line(Change.SAME, a.get(i++)));
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				result.add(new Line(Change.REMOVED, a.get(i++)));
			}
			else {
				result.add(new Line(Change.ADDED, b.get(j++)));
			}
		}
		while (i < n) {
			result.add(new Line(Change.REMOVED, a.get(i++)));
		}
		while (j < m) {
			result.add(new Line(Change.ADDED, b.get(j++)));
		}
	}

	/**
	 * What turns {@code from} into {@code to}, compactly: {@code =n} keeps n lines, {@code -n} drops n,
	 * {@code +text} adds a line; {@code null} when {@link #apply} would not give {@code to} back exactly
	 * (line breaks other than LF), so the caller keeps the whole text instead.
	 */
	static String delta(String from, String to) {
		StringBuilder out = new StringBuilder(to.endsWith("\n") || to.isEmpty() ? "E1\n" : "E0\n");
		Change run = null;
		int count = 0;
		for (Line line : diff(from, to)) {
			if (line.change() == Change.ADDED) {
				count = flush(out, run, count);
				run = null;
				out.append('+').append(line.text()).append('\n');
				continue;
			}
			if (line.change() != run) {
				count = flush(out, run, count);
				run = line.change();
			}
			count++;
		}
		flush(out, run, count);
		String delta = out.toString();
		return apply(from, delta).equals(to) ? delta : null;
	}

	/** The text that {@code delta} (from {@link #delta}) makes of {@code from}. */
	static String apply(String from, String delta) {
		List<String> source = lines(from);
		String[] ops = delta.split("\n", -1);
		StringBuilder out = new StringBuilder(from.length() + delta.length());
		int at = 0;
		boolean any = false;
		for (int k = 1; k < ops.length - 1; k++) {
			String op = ops[k];
			if (op.startsWith("+")) {
				out.append(op, 1, op.length()).append('\n');
				any = true;
			}
			else {
				int n = Integer.parseInt(op.substring(1));
				if (op.charAt(0) == '=') {
					for (int i = 0; i < n; i++) {
						out.append(source.get(at + i)).append('\n');
					}
					any |= n > 0;
				}
				at += n;
			}
		}
		if (any && ops[0].equals("E0")) {
			out.setLength(out.length() - 1);
		}
		return out.toString();
	}

	private static int flush(StringBuilder out, Change run, int count) {
		if (run != null && count > 0) {
			out.append(run == Change.SAME ? '=' : '-').append(count).append('\n');
		}
		return 0;
	}

	private static List<String> lines(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
		if (text.endsWith("\n")) {
			lines.remove(lines.size() - 1); // the line break ends the last line; no empty line follows
		}
		return lines;
	}

}
