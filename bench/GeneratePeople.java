import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.wenming.directory.IdNumbers;

/**
 * Writes an import CSV of N people with valid, distinct ID numbers (GB 11643 check digit), all
 * living in one community: {@code java -cp target/classes bench/GeneratePeople.java OUT N COMMUNITY}.
 */
public class GeneratePeople {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳" };

	private static final String[] STATUSES = { "群众", "中共党员", "共青团员", "群众", "群众" };

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		String community = args[2];
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			writer.write("姓名,性别,出生日期,身份证号,手机号,住址,政治面貌,标签,工作单位,居住社区\n");
			LocalDate first = LocalDate.of(1940, 1, 1);
			for (int i = 0; i < count; i++) {
				// 500 odd/even sequence numbers a day keep every number distinct.
				LocalDate birth = first.plusDays(i / 500);
				String first17 = "330106" + birth.toString().replace("-", "") + String.format("%03d", i % 500 + 100);
				String id = first17 + IdNumbers.checkDigit(first17);
				String gender = (first17.charAt(16) - '0') % 2 == 1 ? "男" : "女";
				String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / 10) % GIVEN.length] + GIVEN[(i / 120) % GIVEN.length];
				writer.write(name + "," + gender + "," + birth + "," + id + ",1" + (38 + i % 2) + String.format("%08d", i)
						+ ",杭州市西湖区文三路" + (i % 999 + 1) + "号," + STATUSES[i % STATUSES.length] + ",居民,,"
						+ community + "\n");
			}
		}
	}

}
