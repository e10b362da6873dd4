package org.wenming.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

/**
 * Finds quantitative targets and plain figures in a text, clause by clause. A target is a number
 * (Arabic or Chinese, with its unit) bound to a comparator word before it (不少于, 达到, 控制在 …) or
 * after it (以上, 以内 …); other Arabic numbers are figures. Hand-written scanning, no regular
 * expressions: every step looks at a bounded window, so the time is linear in the text.
 */
final class Quantities {

	private Quantities() {
	}

	/** Longest a target's or figure's {@code text} gets; longer clauses are cut around the number. */
	private static final int MAX_TEXT = 120;

	/** Most characters between a comparator and its number (“达到全市平均水平的80%”). */
	private static final int MAX_GAP = 8;

	/** How far before a comparator a period word (“全年”, “每周”) is looked for. */
	private static final int PERIOD_WINDOW = 30;

	/** A comparator word; {@code arabicOnly} for 为, which binds “合格率为100%” but not “作为一项”. */
	private record Cmp(Comparator kind, boolean postfix, int maxGap, boolean arabicOnly) {

		Cmp(Comparator kind, boolean postfix, int maxGap) {
			this(kind, postfix, maxGap, false);
		}

	}

	private static final Lexicon<Cmp> COMPARATORS;

	private static final Lexicon<Period> PERIODS;

	private static final Lexicon<String> UNITS;

	private static final String[] RELATIVE = { "基础上", "比上年", "较上年", "比去年", "较去年", "同比", "环比" };

	static {
		Map<String, Cmp> cmp = new LinkedHashMap<>();
		Cmp ge = new Cmp(Comparator.GE, false, MAX_GAP);
		for (String w : new String[] { "不少于", "不得少于", "不应少于", "不能少于", "不低于", "不得低于", "不应低于", "不小于",
				"至少", "达到", "到达", "达", "超过", "多于", "高于" }) {
			cmp.put(w, ge);
		}
		Cmp le = new Cmp(Comparator.LE, false, MAX_GAP);
		for (String w : new String[] { "不超过", "不得超过", "不应超过", "不能超过", "不多于", "不高于", "不大于", "少于", "低于",
				"控制在", "压缩到", "压缩至" }) {
			cmp.put(w, le);
		}
		cmp.put("完成", new Cmp(Comparator.EQ, false, 4));
		cmp.put("保持在", new Cmp(Comparator.EQ, false, 2));
		cmp.put("为", new Cmp(Comparator.EQ, false, 0, true));
		Cmp up = new Cmp(Comparator.INCREASE, false, MAX_GAP);
		for (String w : new String[] { "增加", "增长", "提高", "提升", "上升", "扩大" }) {
			cmp.put(w, up);
		}
		Cmp down = new Cmp(Comparator.DECREASE, false, MAX_GAP);
		for (String w : new String[] { "减少", "降低", "下降", "压减", "缩减" }) {
			cmp.put(w, down);
		}
		for (String w : new String[] { "以上", "及以上", "或以上", "之上" }) {
			cmp.put(w, new Cmp(Comparator.GE, true, 2));
		}
		for (String w : new String[] { "以内", "之内", "以下", "及以下", "或以下" }) {
			cmp.put(w, new Cmp(Comparator.LE, true, 2));
		}
		COMPARATORS = new Lexicon<>(cmp);

		Map<String, Period> periods = new LinkedHashMap<>();
		for (String w : new String[] { "全年", "每年", "每年度", "年度", "本年度", "今年", "当年", "年内", "年底", "年末", "年均",
				"/年", "／年", "一年" }) {
			periods.put(w, Period.YEAR);
		}
		for (String w : new String[] { "上半年", "下半年", "半年", "每半年" }) {
			periods.put(w, Period.HALF_YEAR);
		}
		for (String w : new String[] { "每季度", "每季", "季度", "/季", "／季", "/季度" }) {
			periods.put(w, Period.QUARTER);
		}
		for (String w : new String[] { "每月", "每个月", "月均", "月度", "/月", "／月" }) {
			periods.put(w, Period.MONTH);
		}
		for (String w : new String[] { "每周", "周均", "每星期", "每个星期", "/周", "／周" }) {
			periods.put(w, Period.WEEK);
		}
		PERIODS = new Lexicon<>(periods);

		Map<String, String> units = new LinkedHashMap<>();
		for (String w : new String[] { "个百分点", "百分点", "万人次", "人次", "万人", "万元", "亿元", "千元", "元", "万户", "户次",
				"户", "万册", "%", "‰", "周年", "周岁", "岁", "小时", "学时", "课时", "分钟", "天", "日", "个月", "月", "周",
				"年", "场次", "次", "门", "个", "篇", "场", "人", "名", "期", "家", "所", "项", "支", "件", "本", "册", "批", "处",
				"座", "条", "台", "套", "份", "节", "堂", "组", "届", "轮", "类", "种", "位", "张", "幅", "块", "部", "间", "平方米",
				"公里", "千米", "米", "吨", "辆", "棵", "株", "亩", "班", "队", "讲", "课", "回", "星", "万", "亿" }) {
			units.put(w, w);
		}
		units.put("％", "%");
		units.put("成", "成");
		UNITS = new Lexicon<>(units);
	}

	/** A number found in a clause: from {@code start} up to {@code end} come the number and its unit. */
	private static final class Num {

		final int start;

		final int numberEnd;

		final int end;

		final BigDecimal value;

		final String unit;

		/** Chinese numerals count only as part of a target (“至少两次”), never as figures. */
		final boolean chinese;

		boolean used;

		Num(int start, int numberEnd, int end, BigDecimal value, String unit, boolean chinese) {
			this.start = start;
			this.numberEnd = numberEnd;
			this.end = end;
			this.value = value;
			this.unit = unit;
			this.chinese = chinese;
		}

	}

	private record Found(int start, int end, Cmp cmp) {
	}

	/** Adds the targets and figures of {@code text} to the two lists. */
	static void scan(String text, List<Target> targets, List<Figure> figures) {
		int n = text.length();
		int start = 0;
		for (int i = 0; i <= n; i++) {
			if (i == n || isClauseBreak(text, i)) {
				if (i > start) {
					clause(text, start, i, targets, figures);
				}
				start = i + 1;
			}
		}
	}

	private static boolean isClauseBreak(String text, int i) {
		char c = text.charAt(i);
		return switch (c) {
			case '。', '！', '？', '!', '?', '；', ';', '，', '\n', '\r', '：' -> true;
			case ',' -> !isThousandsComma(text, i);
			case ':' -> !(i > 0 && i + 1 < text.length() && Chars.isDigit(text.charAt(i - 1))
					&& Chars.isDigit(text.charAt(i + 1)));
			default -> false;
		};
	}

	private static boolean isThousandsComma(String text, int i) {
		if (i == 0 || !Chars.isDigit(text.charAt(i - 1))) {
			return false;
		}
		for (int k = 1; k <= 3; k++) {
			if (i + k >= text.length() || !Chars.isDigit(text.charAt(i + k))) {
				return false;
			}
		}
		return i + 4 >= text.length() || !Chars.isDigit(text.charAt(i + 4));
	}

	private static void clause(String text, int from, int to, List<Target> targets, List<Figure> figures) {
		while (from < to && Chars.isSpace(text.charAt(from))) {
			from++;
		}
		while (to > from && Chars.isSpace(text.charAt(to - 1))) {
			to--;
		}
		if (from >= to) {
			return;
		}
		List<Num> numbers = numbers(text, from, to);
		if (numbers.isEmpty()) {
			return;
		}
		List<Found> comparators = comparators(text, from, to);
		bind(text, from, to, numbers, comparators, targets);
		for (Num num : numbers) {
			if (!num.used && !num.chinese) {
				figures.add(new Figure(excerpt(text, from, to, num.start, num.end), num.value, num.unit));
			}
		}
	}

	private static List<Num> numbers(String text, int from, int to) {
		List<Num> numbers = new ArrayList<>();
		int i = from;
		while (i < to) {
			char c = text.charAt(i);
			boolean ordinal = i > from && text.charAt(i - 1) == '第';
			if (Chars.isDigit(c)) {
				i = arabic(text, i, to, ordinal, numbers);
			}
			else if (c == '百' && startsWith(text, i, to, "百分之")) {
				i = percent(text, i, to, numbers);
			}
			else if (Chars.isChineseNumeral(c)) {
				i = chinese(text, i, to, ordinal, numbers);
			}
			else {
				i++;
			}
		}
		return numbers;
	}

	/** Reads an Arabic number (or a date) at {@code i}; returns where scanning goes on. */
	private static int arabic(String text, int i, int to, boolean ordinal, List<Num> numbers) {
		int j = i;
		StringBuilder digits = new StringBuilder();
		while (j < to) {
			char c = text.charAt(j);
			if (Chars.isDigit(c)) {
				digits.append((char) ('0' + Chars.digit(c)));
				j++;
			}
			else if (c == ',' && isThousandsComma(text, j)) {
				j++;
			}
			else {
				break;
			}
		}
		int intEnd = j;
		if (digits.length() > 15 || ordinal || (j < to && Chars.isLatinLetter(text.charAt(j)))) {
			return skipNumber(text, j, to);
		}
		int date = date(text, i, intEnd, to, digits.toString(), numbers);
		if (date > 0) {
			return date;
		}
		if (j + 1 < to && (text.charAt(j) == '.' || text.charAt(j) == '．') && Chars.isDigit(text.charAt(j + 1))) {
			digits.append('.');
			j++;
			int fraction = 0;
			while (j < to && Chars.isDigit(text.charAt(j))) {
				if (fraction++ < 10) {
					digits.append((char) ('0' + Chars.digit(text.charAt(j))));
				}
				j++;
			}
			if (j < to && (text.charAt(j) == '.' || Chars.isLatinLetter(text.charAt(j)))) {
				return skipNumber(text, j, to);
			}
		}
		return addWithUnit(text, i, j, to, normalize(new BigDecimal(digits.toString())), false, numbers);
	}

	/** Skips the rest of something number-like (a version, a code, “20xx”), letters and digits. */
	private static int skipNumber(String text, int j, int to) {
		while (j < to && (Chars.isDigit(text.charAt(j)) || Chars.isLatinLetter(text.charAt(j))
				|| text.charAt(j) == '.')) {
			j++;
		}
		return j;
	}

	/** A date starting with the digits from {@code i} up to {@code intEnd}: 2023年3月11日, 2023-03-11, 3月11日. */
	private static int date(String text, int i, int intEnd, int to, String digits, List<Num> numbers) {
		int length = digits.length();
		long lead = Long.parseLong(digits);
		int j = intEnd;
		if (length == 4 && lead >= 1900 && lead <= 2100) {
			if (j < to && text.charAt(j) == '年') {
				j++;
				int month = digitsThen(text, j, to, '月');
				if (month > 0) {
					j = month;
					int day = digitsThen(text, j, to, '日');
					j = day > 0 ? day : j;
				}
				numbers.add(new Num(i, intEnd, j, BigDecimal.valueOf(lead), "年", false));
				return j;
			}
			if (j + 1 < to && (text.charAt(j) == '-' || text.charAt(j) == '/' || text.charAt(j) == '.')
					&& Chars.isDigit(text.charAt(j + 1))) {
				char separator = text.charAt(j);
				int k = j + 1;
				int month = 0;
				while (k < to && Chars.isDigit(text.charAt(k)) && month < 3) {
					k++;
					month++;
				}
				if (month <= 2) {
					if (k + 1 < to && text.charAt(k) == separator && Chars.isDigit(text.charAt(k + 1))) {
						k++;
						while (k < to && Chars.isDigit(text.charAt(k))) {
							k++;
						}
					}
					numbers.add(new Num(i, intEnd, k, BigDecimal.valueOf(lead), "年", false));
					return k;
				}
			}
		}
		if (length <= 2 && lead >= 1 && lead <= 12 && j < to && text.charAt(j) == '月') {
			int day = digitsThen(text, j + 1, to, '日');
			if (day > 0) {
				numbers.add(new Num(i, intEnd, day, BigDecimal.valueOf(lead), "月", false));
				return day;
			}
		}
		return -1;
	}

	/** One or two digits at {@code j} followed by {@code mark}; the index after the mark, or -1. */
	private static int digitsThen(String text, int j, int to, char mark) {
		int k = j;
		while (k < to && k - j < 2 && Chars.isDigit(text.charAt(k))) {
			k++;
		}
		if (k > j && k < to && (text.charAt(k) == mark || (mark == '日' && text.charAt(k) == '号'))) {
			return k + 1;
		}
		return -1;
	}

	private static int percent(String text, int i, int to, List<Num> numbers) {
		int j = i + 3;
		int k = j;
		if (k < to && Chars.isDigit(text.charAt(k))) {
			while (k < to && k - j < 6 && (Chars.isDigit(text.charAt(k)) || text.charAt(k) == '.')) {
				k++;
			}
			try {
				BigDecimal value = normalize(new BigDecimal(toAscii(text, j, k)));
				numbers.add(new Num(i, k, k, value, "%", true));
			}
			catch (NumberFormatException ex) {
				// "百分之3.." is no number
			}
			return k;
		}
		while (k < to && k - j < 6 && Chars.isChineseNumeral(text.charAt(k))) {
			k++;
		}
		long value = Chars.chineseValue(text, j, k);
		if (value >= 0) {
			numbers.add(new Num(i, k, k, BigDecimal.valueOf(value), "%", true));
		}
		return Math.max(k, i + 3);
	}

	private static int chinese(String text, int i, int to, boolean ordinal, List<Num> numbers) {
		int j = i;
		while (j < to && Chars.isChineseNumeral(text.charAt(j))) {
			j++;
		}
		if (ordinal || j - i > 8) {
			return j;
		}
		long value = Chars.chineseValue(text, i, j);
		if (value >= 0) {
			int before = numbers.size();
			addWithUnit(text, i, j, to, BigDecimal.valueOf(value), true, numbers);
			if (numbers.size() > before && numbers.get(before).unit == null) {
				numbers.remove(before);
			}
		}
		return j;
	}

	/** Adds the number from {@code start} up to {@code numberEnd} with the unit after it; returns where the unit ends. */
	private static int addWithUnit(String text, int start, int numberEnd, int to, BigDecimal value,
			boolean chinese, List<Num> numbers) {
		int u = numberEnd;
		if (u < to && (text.charAt(u) == '余' || text.charAt(u) == '多')) {
			u++;
		}
		Lexicon.Entry<String> unit = UNITS.match(text, u, to);
		if (unit == null && u > numberEnd) {
			u = numberEnd;
		}
		int end = unit == null ? numberEnd : u + unit.word().length();
		if (unit != null && end < to && "新更高崭".indexOf(text.charAt(end)) >= 0) {
			return end; // "提高到一个新水平" measures nothing
		}
		numbers.add(new Num(start, numberEnd, end, value, unit == null ? null : unit.value(), chinese));
		return end;
	}

	private static List<Found> comparators(String text, int from, int to) {
		List<Found> found = new ArrayList<>();
		int i = from;
		while (i < to) {
			Lexicon.Entry<Cmp> entry = COMPARATORS.match(text, i, to);
			if (entry == null) {
				i++;
				continue;
			}
			found.add(new Found(i, i + entry.word().length(), entry.value()));
			i += entry.word().length();
		}
		return found;
	}

	/** Binds comparators to numbers, each number at most once, in one pass over both lists. */
	private static void bind(String text, int from, int to, List<Num> numbers, List<Found> comparators,
			List<Target> targets) {
		int next = 0;
		for (int c = 0; c < comparators.size(); c++) {
			Found found = comparators.get(c);
			Cmp cmp = found.cmp();
			if (cmp.postfix()) {
				while (next < numbers.size() && numbers.get(next).end <= found.start()) {
					next++;
				}
				Num num = next > 0 ? numbers.get(next - 1) : null;
				if (num != null && !num.used && found.start() - num.end <= cmp.maxGap()
						&& !between(text, num.end, found.start())) {
					num.used = true;
					targets.add(target(text, from, to, num, cmp.kind(), found, num.start));
				}
				continue;
			}
			while (next < numbers.size() && numbers.get(next).start < found.end()) {
				next++;
			}
			if (next >= numbers.size()) {
				continue;
			}
			Num num = numbers.get(next);
			int limit = c + 1 < comparators.size() ? comparators.get(c + 1).start() : to;
			if (num.used || num.start - found.end() > cmp.maxGap() || num.start > limit
					|| (cmp.arabicOnly() && num.chinese)) {
				continue;
			}
			Comparator kind = cmp.kind();
			boolean reaching = num.start > found.end()
					&& (text.charAt(found.end()) == '到' || text.charAt(found.end()) == '至');
			if (reaching && kind == Comparator.INCREASE) {
				kind = Comparator.GE;
			}
			else if (reaching && kind == Comparator.DECREASE) {
				kind = Comparator.LE;
			}
			num.used = true;
			targets.add(target(text, from, to, num, kind, found, found.start()));
			next++;
		}
	}

	/** A postfix comparator belongs to the number right before it, at most a word between (“5门课以上”). */
	private static boolean between(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Chars.isDigit(text.charAt(i)) || Chars.isSpace(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static Target target(String text, int from, int to, Num num, Comparator kind, Found found, int anchor) {
		BigDecimal value = num.value;
		String unit = num.unit;
		if ("成".equals(unit)) {
			value = normalize(value.multiply(BigDecimal.TEN));
			unit = "%";
		}
		Period period = period(text, from, to, anchor, num.end);
		String excerpt = excerpt(text, from, to, Math.min(anchor, num.start), Math.max(found.end(), num.end));
		boolean relative = kind == Comparator.INCREASE || kind == Comparator.DECREASE || containsAny(excerpt, RELATIVE);
		return new Target(excerpt, kind, value, unit, period, relative, MetricSuggestions.suggest(excerpt, unit, period));
	}

	/**
	 * The period word nearest before the comparator (at most {@link #PERIOD_WINDOW} characters back), or
	 * right after the unit (“6小时/周”); a clause opening with 年 (“年培训率”) counts the year.
	 */
	private static Period period(String text, int from, int to, int anchor, int unitEnd) {
		Period found = null;
		int i = Math.max(from, anchor - PERIOD_WINDOW);
		while (i < anchor) {
			Lexicon.Entry<Period> entry = PERIODS.match(text, i, anchor);
			if (entry == null) {
				i++;
				continue;
			}
			found = entry.value();
			i += entry.word().length();
		}
		if (found != null) {
			return found;
		}
		Lexicon.Entry<Period> after = PERIODS.match(text, unitEnd, Math.min(to, unitEnd + 4));
		if (after != null) {
			return after.value();
		}
		if (text.charAt(from) == '年' && from + 1 < to && !Chars.isDigit(text.charAt(from + 1))) {
			return Period.YEAR;
		}
		return null;
	}

	private static String excerpt(String text, int from, int to, int focusStart, int focusEnd) {
		if (to - from <= MAX_TEXT) {
			return text.substring(from, to);
		}
		int start = Math.max(from, focusStart - 60);
		int end = Math.min(to, Math.max(focusEnd, start) + 40);
		if (end - start > MAX_TEXT) {
			end = start + MAX_TEXT;
		}
		return text.substring(start, end);
	}

	private static boolean containsAny(String text, String[] words) {
		for (String word : words) {
			if (text.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(String text, int i, int to, String word) {
		return i + word.length() <= to && text.startsWith(word, i);
	}

	private static String toAscii(String text, int from, int to) {
		StringBuilder out = new StringBuilder(to - from);
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			int d = Chars.digit(c);
			out.append(d >= 0 ? (char) ('0' + d) : c == '．' ? '.' : c);
		}
		return out.toString();
	}

	/** 12.0 → 12, 10 → 10 (never 1E+1), 1.50 → 1.5. */
	static BigDecimal normalize(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
