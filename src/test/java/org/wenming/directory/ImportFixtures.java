package org.wenming.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wenming.platform.security.WenmingUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Test data for imports: a district with a street and a community, a unit admin over the
 * district, distinct valid ID numbers, and small workbooks made with POI.
 */
final class ImportFixtures {

	private static final AtomicLong SEQUENCE = new AtomicLong();

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final Org district;

	final Org street;

	final Org community;

	final String username;

	private final UserDetailsService users;

	ImportFixtures(OrgDirectory orgs, People people, Accounts accounts, UserDetailsService users) {
		this.users = users;
		Org root = DataScopes.asSystem(() -> orgs.visibleTree(false).get(0));
		this.district = DataScopes.asSystem(() -> orgs.create(root.id(), "测试区" + suffix, OrgType.DISTRICT, null));
		this.street = DataScopes.asSystem(() -> orgs.create(district.id(), "测试街道" + suffix, OrgType.STREET, null));
		this.community = DataScopes
			.asSystem(() -> orgs.create(street.id(), "测试社区" + suffix, OrgType.COMMUNITY, null));
		this.username = "ua" + suffix;
		DataScopes.asSystem(() -> {
			long person = people.create(new PersonCommand("单位管理员" + suffix, null, null, idNumber(), null, null, null,
					List.of(), district.id(), null));
			accounts.create(person, username, "secret123", List.of(new Accounts.Grant(Role.UNIT_ADMIN, district.id())));
		});
	}

	/** The unit admin as loaded for a login. */
	WenmingUser user() {
		return (WenmingUser) users.loadUserByUsername(username);
	}

	/** Runs the work as the unit admin. */
	<T> T asUser(java.util.function.Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		WenmingUser user = user();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	/** A valid ID number no other test of this JVM uses. */
	static String idNumber() {
		long n = SEQUENCE.incrementAndGet();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 500);
		String first17 = "330106" + birth.toString().replace("-", "") + String.format("%03d", n % 500 * 2 + 1);
		return first17 + IdNumbers.checkDigit(first17);
	}

	/** The same number with a wrong check character. */
	static String withBadCheckDigit(String idNumber) {
		char check = idNumber.charAt(17);
		return idNumber.substring(0, 17) + (check == '0' ? '1' : '0');
	}

	static final List<String> PEOPLE_HEADER = List.of("姓名", "性别", "出生日期", "身份证号", "手机号", "住址", "政治面貌", "标签",
			"工作单位", "居住社区");

	/** A people row for the fixtures' community. */
	List<String> person(String name, String idNumber) {
		return List.of(name, "", "", idNumber, "13800138000", "杭州市西湖区文三路 1 号", "群众", "居民、职工", "",
				community.name());
	}

	static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("数据");
			write(sheet.createRow(0), header);
			for (int i = 0; i < rows.size(); i++) {
				write(sheet.createRow(i + 1), rows.get(i));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path file(byte[] content, String suffix) {
		try {
			Path file = Files.createTempFile("import-test-", suffix);
			Files.write(file, content);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
	}

}
