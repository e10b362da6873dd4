package org.wenming.activity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours records of the orgs in the caller's {@code hours:confirm} scope as an Excel workbook,
 * streamed (a window of rows in memory), with ID numbers masked. Every export is audited with its
 * row count.
 */
@Service
public class HoursExport {

	private static final int WINDOW = 200;

	static final String[] HEADERS = { "服务日期", "姓名", "身份证号", "活动", "记录组织", "类别", "时长（小时）", "更正原因",
			"记录人", "证明人" };

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final AuditLog audit;

	HoursExport(JdbcClient jdbc, DataScopes scopes, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
	}

	/** Writes the workbook; how many entries it holds. */
	@Transactional
	public long write(OutputStream out) {
		DataScope scope = scopes.current(Permission.HOURS_CONFIRM);
		List<Object> params = new ArrayList<>();
		String inScope = scope.sqlCondition("o.path", params);
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		long[] count = { 0 };
		boolean complete = false;
		try {
			Sheet sheet = workbook.createSheet("志愿服务时长");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(HEADERS[i]);
				sheet.setColumnWidth(i, 256 * 16);
			}
			sheet.createFreezePane(0, 1);
			jdbc.sql("""
					select e.service_date, p.name, p.id_number_masked, a.title, o.name, e.kind, e.hours, e.reason,
					       e.recorded_by, e.approved_by
					from hours_entry e join org o on o.id = e.org_id join person p on p.id = e.person_id
					left join activity a on a.id = e.activity_id
					where %s order by e.service_date, e.id""".formatted(inScope))
				.params(params)
				.query(rs -> {
					Row row = sheet.createRow((int) ++count[0]);
					row.createCell(0).setCellValue(rs.getString(1));
					row.createCell(1).setCellValue(rs.getString(2));
					cell(row, 2, rs.getString(3));
					cell(row, 3, rs.getString(4));
					row.createCell(4).setCellValue(rs.getString(5));
					row.createCell(5).setCellValue("CORRECTION".equals(rs.getString(6)) ? "更正" : "记录");
					BigDecimal hours = rs.getBigDecimal(7);
					row.createCell(6).setCellValue(hours.doubleValue());
					cell(row, 7, rs.getString(8));
					row.createCell(8).setCellValue(rs.getString(9));
					row.createCell(9).setCellValue(rs.getString(10));
				});
			workbook.write(out);
			complete = true;
			return count[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// the temporary files are already gone
			}
			audit.record("EXPORT", "hours_entry", null, null,
					"导出志愿服务时长记录 " + count[0] + " 条（已脱敏）" + (complete ? "" : "，未完成"));
		}
	}

	private static void cell(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

}
