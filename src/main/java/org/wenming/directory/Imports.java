package org.wenming.directory;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.ImportKind.Column;
import org.wenming.directory.ImportProgress.Stage;
import org.wenming.directory.internal.SheetReader;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Imports people and orgs from an {@code .xlsx} or {@code .csv} file, all or nothing: every row
 * is checked first, and only a file without a single bad row is stored, in one transaction with
 * one audit entry. Runs as the caller: orgs are named among those the caller may see, and must lie
 * in the caller's scope.
 */
@Service
public class Imports {

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern TAG_SEPARATORS = Pattern.compile("[、,，;；\\s]+");

	private static final Pattern ID = Pattern.compile("\\d{1,18}");

	private static final int PROBLEMS_KEPT = 10 * ImportRejected.REPORTED;

	private static final int STORE_CHUNK = 5000;

	private final People people;

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final AuditLog audit;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final ImportProperties properties;

	Imports(People people, OrgDirectory orgs, DataScopes scopes, AuditLog audit, MessageSource messages,
			PlatformTransactionManager transactions, ImportProperties properties) {
		this.people = people;
		this.orgs = orgs;
		this.scopes = scopes;
		this.audit = audit;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** The most data rows one file may have. */
	public int maxRows() {
		return properties.maxRows();
	}

	/**
	 * Imports the people of the file.
	 *
	 * @return how many were stored
	 * @throws ImportRejected when any row is bad (nothing is stored)
	 * @throws DomainException when the file cannot be read at all
	 */
	public int importPeople(Path file, String filename, ImportProgress progress) {
		return run(ImportKind.PEOPLE, filename, () -> {
			long start = System.nanoTime();
			PeopleRows rows = new PeopleRows(progress);
			SheetReader.read(file, filename, properties.maxRows(), rows::row);
			long read = System.nanoTime();
			rows.finish();
			long checked = System.nanoTime();
			int stored = storePeople(rows.commands, filename, progress);
			log.info("Imported {} people: read and checked rows in {} ms, checked stored ID numbers in {} ms, "
					+ "stored in {} ms", stored, (read - start) / 1_000_000, (checked - read) / 1_000_000,
					(System.nanoTime() - checked) / 1_000_000);
			return stored;
		});
	}

	/**
	 * Imports the orgs of the file, in file order; a parent may be an org of an earlier row.
	 *
	 * @return how many were stored
	 * @throws ImportRejected when any row is bad (nothing is stored)
	 * @throws DomainException when the file cannot be read at all
	 */
	public int importOrgs(Path file, String filename, ImportProgress progress) {
		return run(ImportKind.ORGS, filename, () -> {
			OrgRows rows = new OrgRows(progress);
			SheetReader.read(file, filename, properties.maxRows(), rows::row);
			List<OrgDirectory.NewOrg> checked = rows.finish();
			progress.update(Stage.STORING, 0, checked.size());
			int stored = transaction.execute(status -> {
				int count = orgs.createAll(checked).size();
				audit.record("IMPORT", "org", null, null, "导入组织 " + count + " 个（文件：" + name(filename) + "）");
				return count;
			});
			progress.update(Stage.STORING, stored, stored);
			return stored;
		});
	}

	private int storePeople(List<PersonCommand> commands, String filename, ImportProgress progress) {
		progress.update(Stage.STORING, 0, commands.size());
		return transaction.execute(status -> {
			int stored = 0;
			for (int from = 0; from < commands.size(); from += STORE_CHUNK) {
				stored += people.createAll(commands.subList(from, Math.min(commands.size(), from + STORE_CHUNK)));
				progress.update(Stage.STORING, stored, commands.size());
			}
			audit.record("IMPORT", "person", null, null, "导入人员 " + stored + " 人（文件：" + name(filename) + "）");
			return stored;
		});
	}

	/** Runs an import and audits a failure in a transaction of its own, so that it outlives the rollback. */
	private int run(ImportKind kind, String filename, ImportWork work) {
		try {
			return work.run();
		}
		catch (RuntimeException ex) {
			String what = kind == ImportKind.PEOPLE ? "人员" : "组织";
			String why = ex instanceof ImportRejected rejected ? rejected.total() + " 处错误"
					: ex instanceof DomainException domain ? domain.code() : ex.getClass().getSimpleName();
			audit.recordIndependently(AuditLog.currentActor(), AuditLog.currentAddress(), "IMPORT",
					kind == ImportKind.PEOPLE ? "person" : "org", null, null,
					"导入" + what + "失败，未保存任何数据（文件：" + name(filename) + "；原因：" + why + "）");
			throw ex;
		}
	}

	@FunctionalInterface
	private interface ImportWork {

		int run();

	}

	private static String name(String filename) {
		String name = filename == null || filename.isBlank() ? "未命名" : filename.strip();
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

	/** Every header a column may have: its field name and its label in each language. */
	private Map<String, Column> headers(ImportKind kind) {
		Map<String, Column> headers = new HashMap<>();
		for (Column column : kind.columns()) {
			headers.put(normalizeHeader(column.field()), column);
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				headers.put(normalizeHeader(messages.getMessage(kind.headerKey(column), null, column.field(), locale)),
						column);
			}
		}
		return headers;
	}

	/** Drops blanks, "*" marks and "（必填）" notes, and case. */
	static String normalizeHeader(String header) {
		return header == null ? ""
				: header.replace("\uFEFF", "")
					.replaceAll("[（(](必填|选填|可选|required|optional)[）)]", "")
					.replaceAll("[\\s*＊]", "")
					.toLowerCase(Locale.ROOT);
	}

	/** Collects problems, the first {@value #PROBLEMS_KEPT} of them in full, and throws them at the end. */
	private static final class Problems {

		private final List<RowProblem> kept = new ArrayList<>();

		private int total;

		void add(RowProblem problem) {
			total++;
			if (kept.size() < PROBLEMS_KEPT) {
				kept.add(problem);
			}
		}

		void add(int row, String field, String code, Object... args) {
			add(RowProblem.of(row, field, code, args));
		}

		void throwIfAny() {
			if (total > 0) {
				kept.sort(Comparator.comparingInt(RowProblem::row));
				throw new ImportRejected(kept, total);
			}
		}

	}

	/** The header row: which column of the file holds which field. */
	private final class Header {

		private final Map<Column, Integer> positions = new LinkedHashMap<>();

		private final boolean usable;

		Header(ImportKind kind, int row, List<String> cells, Problems problems) {
			Map<String, Column> known = headers(kind);
			for (int i = 0; i < cells.size(); i++) {
				String text = cells.get(i);
				if (!StringUtils.hasText(text)) {
					continue;
				}
				Column column = known.get(normalizeHeader(text));
				if (column == null) {
					problems.add(row, "header", "import.header.unknown", text.strip());
				}
				else if (positions.putIfAbsent(column, i) != null) {
					problems.add(row, "header", "import.header.duplicate", text.strip());
				}
			}
			boolean complete = true;
			for (Column column : kind.columns()) {
				if (column.required() && !positions.containsKey(column)) {
					problems.add(row, "header", "import.header.missing",
							messages.getMessage(kind.headerKey(column), null, column.field(), Locale.SIMPLIFIED_CHINESE));
					complete = false;
				}
			}
			this.usable = complete;
		}

		String get(List<String> cells, String field) {
			for (Map.Entry<Column, Integer> entry : positions.entrySet()) {
				if (entry.getKey().field().equals(field)) {
					int index = entry.getValue();
					String value = index < cells.size() ? cells.get(index) : null;
					return value == null || value.isBlank() ? null : value.strip();
				}
			}
			return null;
		}

	}

	/** How an org named in a file resolves: the org, or the message key of why not. */
	private record Resolution(Org org, String code, Object... args) {

		static Resolution of(Org org) {
			return new Resolution(org, null);
		}

		static Resolution problem(String code, Object... args) {
			return new Resolution(null, code, args);
		}

	}

	/** Resolves each distinct org name or id of a file once, among the orgs the caller may see. */
	private Resolution resolveVisible(String text, Map<String, Resolution> cache) {
		return cache.computeIfAbsent(text, key -> {
			if (ID.matcher(key).matches()) {
				Org byId = orgs.find(Long.parseLong(key))
					.filter(org -> scopes.current(Permission.ORG_READ).covers(org))
					.orElse(null);
				if (byId != null) {
					return byId.isClosed() ? Resolution.problem("person.org.closed") : Resolution.of(byId);
				}
			}
			List<Org> named = orgs.findByName(key);
			if (named.size() > 1) {
				return Resolution.problem("import.org.ambiguous", key);
			}
			return named.isEmpty() ? Resolution.problem("import.org.unknown", key) : Resolution.of(named.get(0));
		});
	}

	/** Reads, checks and collects the rows of a people file. */
	private final class PeopleRows {

		private final ImportProgress progress;

		private final Problems problems = new Problems();

		private final List<PersonCommand> commands = new ArrayList<>();

		private final List<Integer> rowNumbers = new ArrayList<>();

		private final Map<String, Integer> firstRowOfId = new HashMap<>();

		private final Map<String, Resolution> resolved = new HashMap<>();

		private final DataScope writeScope = scopes.current(Permission.PERSON_WRITE);

		private Header header;

		private int dataRows;

		PeopleRows(ImportProgress progress) {
			this.progress = progress;
		}

		void row(int number, List<String> cells) {
			if (header == null) {
				header = new Header(ImportKind.PEOPLE, number, cells, problems);
				return;
			}
			if (++dataRows % 1000 == 0) {
				progress.update(Stage.READING, dataRows, -1);
			}
			if (!header.usable) {
				return;
			}
			int before = problems.total;
			String birthText = header.get(cells, "birthDate");
			LocalDate birthDate = null;
			if (birthText != null) {
				birthDate = parseDate(birthText);
				if (birthDate == null) {
					problems.add(number, "birthDate", "import.person.birthDate.format", birthText);
				}
			}
			String workText = header.get(cells, "workOrg");
			String homeText = header.get(cells, "homeOrg");
			Org work = org(number, workText, "workOrg", false);
			Org home = org(number, homeText, "homeOrg", true);
			PersonCommand command = new PersonCommand(header.get(cells, "name"), header.get(cells, "gender"), birthDate,
					header.get(cells, "idNumber"), header.get(cells, "phone"), header.get(cells, "address"),
					header.get(cells, "politicalStatus"), tags(header.get(cells, "tags")),
					work == null ? null : work.id(), home == null ? null : home.id());
			boolean idValid = true;
			for (FieldProblem problem : people.validate(command, true)) {
				if (problem.code().equals("person.org.required") && (workText != null || homeText != null)) {
					continue; // the org column's own problem says it better
				}
				idValid &= !problem.field().equals("idNumber");
				problems.add(number, problem.field(), problem.code());
			}
			if ((work != null || home != null) && !(work != null && writeScope.covers(work))
					&& !(home != null && writeScope.covers(home))) {
				problems.add(number, home != null ? "homeOrg" : "workOrg", "person.org.outOfScope");
			}
			if (idValid) {
				Integer first = firstRowOfId.putIfAbsent(IdNumbers.normalize(command.idNumber()), number);
				if (first != null) {
					problems.add(number, "idNumber", "person.idNumber.duplicateInFile", String.valueOf(first));
				}
			}
			if (problems.total == before) {
				commands.add(command);
				rowNumbers.add(number);
			}
		}

		/** Checks the ID numbers against the stored ones, then throws if any row was bad. */
		void finish() {
			if (header == null) {
				throw SheetProblems.empty();
			}
			if (header.usable && dataRows == 0) {
				throw SheetProblems.noRows();
			}
			progress.update(Stage.CHECKING, 0, dataRows);
			if (!firstRowOfId.isEmpty()) {
				Set<String> taken = people.idNumbersTaken(firstRowOfId.keySet());
				// Numbers held by people outside the uploader's scope get a neutral message.
				Set<String> outside = taken.isEmpty() ? Set.of() : people.outOfScope(taken);
				for (String idNumber : taken) {
					problems.add(firstRowOfId.get(idNumber), "idNumber",
							outside.contains(idNumber) ? "person.idNumber.unavailable" : "person.idNumber.taken");
				}
			}
			progress.update(Stage.CHECKING, dataRows, dataRows);
			problems.throwIfAny();
		}

		private Org org(int number, String text, String field, boolean home) {
			if (text == null) {
				return null;
			}
			Resolution resolution = resolveVisible(text, resolved);
			if (resolution.org() == null) {
				problems.add(number, field, resolution.code(), resolution.args());
				return null;
			}
			if (home && !resolution.org().type().isResidential()) {
				problems.add(number, field, "person.homeOrg.notResidential");
				return null;
			}
			return resolution.org();
		}

	}

	/** Reads and collects the rows of an org file; they are checked once all are read. */
	private final class OrgRows {

		private final ImportProgress progress;

		private final Problems problems = new Problems();

		private final List<OrgRow> rows = new ArrayList<>();

		private Header header;

		OrgRows(ImportProgress progress) {
			this.progress = progress;
		}

		void row(int number, List<String> cells) {
			if (header == null) {
				header = new Header(ImportKind.ORGS, number, cells, problems);
				return;
			}
			if (header.usable) {
				rows.add(new OrgRow(number, header.get(cells, "name"), header.get(cells, "type"),
						header.get(cells, "parent"), header.get(cells, "divisionCode")));
			}
			if (rows.size() % 1000 == 0) {
				progress.update(Stage.READING, rows.size(), -1);
			}
		}

		List<OrgDirectory.NewOrg> finish() {
			if (header == null) {
				throw SheetProblems.empty();
			}
			if (header.usable && rows.isEmpty()) {
				throw SheetProblems.noRows();
			}
			progress.update(Stage.CHECKING, 0, rows.size());
			Map<String, List<Integer>> indexesByName = new HashMap<>();
			for (int i = 0; i < rows.size(); i++) {
				if (rows.get(i).name() != null) {
					indexesByName.computeIfAbsent(rows.get(i).name(), k -> new ArrayList<>()).add(i);
				}
			}
			Map<String, Integer> firstRowOfCode = new HashMap<>();
			Map<String, Resolution> resolved = new HashMap<>();
			DataScope writeScope = scopes.current(Permission.ORG_WRITE);
			List<OrgDirectory.NewOrg> checked = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				OrgRow row = rows.get(i);
				OrgType type = OrgType.parse(row.type());
				for (FieldProblem problem : orgs.validate(row.name(), type, row.divisionCode())) {
					if (problem.field().equals("type") && row.type() != null) {
						problems.add(row.number(), "type", "import.org.type.unknown", row.type());
					}
					else {
						problems.add(row.number(), problem.field(), problem.code());
					}
				}
				if (row.divisionCode() != null) {
					Integer first = firstRowOfCode.putIfAbsent(row.divisionCode(), row.number());
					if (first != null) {
						problems.add(row.number(), "divisionCode", "import.org.divisionCode.duplicateInFile",
								String.valueOf(first));
					}
				}
				Long parentId = null;
				Integer parentIndex = null;
				if (row.parent() == null) {
					if (!writeScope.covers("/")) {
						problems.add(row.number(), "parent", "org.parent.required");
					}
				}
				else {
					List<Integer> sameName = indexesByName.getOrDefault(row.parent(), List.of());
					final int current = i;
					List<Integer> earlier = sameName.stream().filter(index -> index < current).toList();
					Resolution stored = resolveVisible(row.parent(), resolved);
					boolean storedFound = stored.org() != null;
					int candidates = earlier.size() + (storedFound ? 1 : 0)
							+ ("import.org.ambiguous".equals(stored.code()) ? 2 : 0);
					if (candidates > 1) {
						problems.add(row.number(), "parent", "import.org.ambiguous", row.parent());
					}
					else if (earlier.size() == 1) {
						parentIndex = earlier.get(0);
					}
					else if (storedFound) {
						if (!writeScope.covers(stored.org())) {
							problems.add(row.number(), "parent", "person.org.outOfScope");
						}
						parentId = stored.org().id();
					}
					else if (!sameName.isEmpty()) {
						problems.add(row.number(), "parent", "import.org.parentLater", row.parent(),
								String.valueOf(rows.get(sameName.get(0)).number()));
					}
					else {
						problems.add(row.number(), "parent", stored.code(), stored.args());
					}
				}
				checked.add(new OrgDirectory.NewOrg(parentId, parentIndex, row.name(), type, row.divisionCode()));
			}
			Set<String> taken = orgs.divisionCodesTaken(firstRowOfCode.keySet());
			for (String code : taken) {
				problems.add(firstRowOfCode.get(code), "divisionCode", "import.org.divisionCode.taken", code);
			}
			progress.update(Stage.CHECKING, rows.size(), rows.size());
			problems.throwIfAny();
			return checked;
		}

	}

	private record OrgRow(int number, String name, String type, String parent, String divisionCode) {
	}

	/** The file's problems that concern no single row. */
	private static final class SheetProblems extends DomainException {

		private SheetProblems(String code) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, null, code);
		}

		static SheetProblems empty() {
			return new SheetProblems("import.file.empty");
		}

		static SheetProblems noRows() {
			return new SheetProblems("import.file.noRows");
		}

	}

	static List<String> tags(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(TAG_SEPARATORS.split(text)).filter(StringUtils::hasText).distinct().toList();
	}

	/** 1990-01-31, 1990/1/31, 1990.1.31, 1990年1月31日 or 19900131, with or without a time; else null. */
	static LocalDate parseDate(String text) {
		String value = text.strip();
		try {
			Matcher matcher = DATE.matcher(value);
			if (matcher.matches()) {
				return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3)));
			}
			matcher = COMPACT_DATE.matcher(value);
			if (matcher.matches()) {
				return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3)));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

}
