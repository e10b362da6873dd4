package org.wenming.volunteer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.wenming.platform.Text;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursSummary;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.crypto.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * 志愿服务证明: a PDF in Chinese stating a registered volunteer's hours, issued by the volunteer's
 * org ("谁记录谁证明") with its seal, a verification code and a QR code of the public page that
 * checks it. Each issue stores what it states (JSON) with its HMAC-SHA256 under the server's key,
 * so a changed record is told from a genuine one.
 */
@Service
public class Certificates {

	static final String SIGNATURE_FIELD = "volunteer.certificate";

	private static final String FONT_RESOURCE = "/fonts/WenmingKai-Regular.ttf";

	private static final String FONT_FAMILY = "WenmingKai";

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int MAX_SEAL_BYTES = 1024 * 1024;

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final People people;

	private final Volunteers volunteers;

	private final HoursLedger ledger;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	Certificates(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, People people, Volunteers volunteers,
			HoursLedger ledger, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.people = people;
		this.volunteers = volunteers;
		this.ledger = ledger;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** A registered volunteer's certificate for themselves; {@code verifyBase} is the public page's URL before the code. */
	@Transactional
	public Issued issueForSelf(long personId, String verifyBase) {
		Volunteer volunteer = volunteers.current(personId).filter(Volunteer::isActive)
			.orElseThrow(() -> new DomainException("volunteer.notRegistered"));
		return issue(volunteer, verifyBase);
	}

	/** A certificate of a registered volunteer in the caller's scope for {@code volunteer:write}. */
	@Transactional
	public Issued issueFor(long volunteerId, String verifyBase) {
		Volunteer volunteer = volunteers.get(volunteerId);
		scopes.require(Permission.VOLUNTEER_WRITE, orgs.get(volunteer.orgId()).path());
		if (!volunteer.isActive()) {
			throw DomainException.conflict("volunteer.notRegistered");
		}
		return issue(volunteer, verifyBase);
	}

	/**
	 * The PDF of the latest certificate issued to the person, drawn again from what it states; empty
	 * when none was issued (or its record no longer matches its signature). Reading never issues one.
	 */
	@Transactional(readOnly = true)
	public Optional<Issued> latestForSelf(long personId, String verifyBase) {
		return latest(personId, null, verifyBase);
	}

	/**
	 * The latest certificate the volunteer's org issued to a volunteer in the caller's scope for
	 * {@code volunteer:write}; empty when none was issued.
	 */
	@Transactional(readOnly = true)
	public Optional<Issued> latestFor(long volunteerId, String verifyBase) {
		Volunteer volunteer = volunteers.get(volunteerId);
		scopes.require(Permission.VOLUNTEER_WRITE, orgs.get(volunteer.orgId()).path());
		return latest(volunteer.personId(), volunteer.orgId(), verifyBase);
	}

	private Optional<Issued> latest(long personId, Long orgId, String verifyBase) {
		return jdbc.sql("""
				select snapshot, signature from volunteer_certificate
				where person_id = ? and (cast(? as bigint) is null or org_id = ?) order by id desc limit 1""")
			.params(personId, orgId, orgId)
			.query((rs, row) -> {
				String snapshot = rs.getString("snapshot");
				return MessageDigest.isEqual(rs.getBytes("signature"), cipher.hash(SIGNATURE_FIELD, snapshot))
						? parse(snapshot) : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.map(content -> new Issued(content.code(), pdf(content, verifyBase + content.code())));
	}

	/** Whether any certificate was issued to the person. */
	@Transactional(readOnly = true)
	public boolean issuedTo(long personId) {
		return jdbc.sql("select exists (select 1 from volunteer_certificate where person_id = ?)").param(personId)
			.query(Boolean.class).single();
	}

	/** What the public page says about a code. */
	@Transactional(readOnly = true)
	public CertificateCheck check(String code) {
		if (code == null || code.length() > 20) {
			return CertificateCheck.unknown();
		}
		return jdbc.sql("select person_id, snapshot, signature, total_hours from volunteer_certificate where code = ?")
			.param(code.strip().toUpperCase())
			.query((rs, row) -> {
				String snapshot = rs.getString("snapshot");
				boolean intact = MessageDigest.isEqual(rs.getBytes("signature"), cipher.hash(SIGNATURE_FIELD, snapshot));
				CertificateContent content = parse(snapshot);
				BigDecimal current = ledger.totalHours(rs.getLong("person_id"));
				BigDecimal certified = content != null ? new BigDecimal(content.totalHours()) : rs.getBigDecimal("total_hours");
				return new CertificateCheck(intact && content != null ? CertificateCheck.State.GENUINE
						: CertificateCheck.State.CHANGED, content, current, current.compareTo(certified) != 0);
			})
			.optional()
			.orElseGet(CertificateCheck::unknown);
	}

	/** Stores an org's seal, a PNG of at most 1 MB, for the certificates it issues. */
	@Transactional
	public void uploadSeal(long orgId, byte[] png) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_WRITE, org.path());
		if (png == null || png.length < PNG_MAGIC.length || png.length > MAX_SEAL_BYTES
				|| !java.util.Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length) || !readable(png)) {
			throw DomainException.onField("seal", "volunteer.seal.format");
		}
		jdbc.sql("""
				insert into org_seal (org_id, png, uploaded_by) values (?, ?, ?)
				on conflict (org_id) do update set png = excluded.png, uploaded_by = excluded.uploaded_by, uploaded_at = now()""")
			.params(orgId, png, AuditLog.currentActor())
			.update();
		audit.record("UPDATE", "org_seal", orgId, orgId, "上传证明印章：" + org.name());
	}

	/** Whether the org has uploaded a seal of its own. */
	@Transactional(readOnly = true)
	public boolean hasSeal(long orgId) {
		return seal(orgId).isPresent();
	}

	private Issued issue(Volunteer volunteer, String verifyBase) {
		Person person = DataScopes.asSystem(() -> people.get(volunteer.personId()));
		HoursSummary summary = ledger.summary(volunteer.personId());
		String code = newCode();
		Map<String, String> byYear = new LinkedHashMap<>();
		summary.byYear().forEach((year, hours) -> byYear.put(String.valueOf(year), plain(hours)));
		List<CertificateContent.ActivityLine> lines = new ArrayList<>();
		for (HoursSummary.ActivityHours activity : summary.byActivity()) {
			if (activity.hours().signum() != 0) {
				lines.add(new CertificateContent.ActivityLine(activity.title() == null ? "其他志愿服务" : activity.title(),
						String.valueOf(activity.serviceDate()), plain(activity.hours())));
			}
		}
		CertificateContent content = new CertificateContent(code, person.name(), person.idNumberMasked(),
				volunteer.volunteerNo(), volunteer.orgId(), volunteer.orgName(), LocalDate.now(clock).toString(),
				plain(summary.totalHours()), byYear, lines);
		String snapshot = json.writeValueAsString(content);
		jdbc.sql("""
				insert into volunteer_certificate (code, person_id, org_id, issued_by, snapshot, signature, total_hours)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(code, volunteer.personId(), volunteer.orgId(), AuditLog.currentActor(), snapshot,
					cipher.hash(SIGNATURE_FIELD, snapshot), summary.totalHours())
			.update();
		audit.record("ISSUE", "volunteer_certificate", code, volunteer.orgId(), "开具志愿服务证明：" + person.name());
		return new Issued(code, pdf(content, verifyBase + code));
	}

	/** A certificate just issued: its code and the PDF. */
	public record Issued(String code, byte[] pdf) {
	}

	private byte[] pdf(CertificateContent c, String verifyUrl) {
		String sealImage = "data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(seal(c.orgId()).orElseGet(() -> drawSeal(c.orgName())));
		String qrImage = "data:image/png;base64," + Base64.getEncoder().encodeToString(qr(verifyUrl));
		StringBuilder years = new StringBuilder();
		c.hoursByYear().forEach((year, hours) -> years.append("<tr><td>").append(year).append(" 年</td><td class=\"n\">")
			.append(hours).append("</td></tr>"));
		StringBuilder activities = new StringBuilder();
		for (CertificateContent.ActivityLine line : c.activities()) {
			activities.append("<tr><td>").append(e(line.date())).append("</td><td>").append(e(line.title()))
				.append("</td><td class=\"n\">").append(e(line.hours())).append("</td></tr>");
		}
		String html = """
				<!DOCTYPE html>
				<html><head><meta charset="UTF-8"/><style>
				@page { size: A4; margin: 20mm 18mm; }
				body { font-family: '%1$s'; font-size: 11pt; color: #222; }
				h1 { text-align: center; font-size: 24pt; letter-spacing: 8pt; margin: 0 0 6mm 0; color: #b0191e; }
				table { width: 100%%; border-collapse: collapse; margin: 2mm 0 4mm 0; }
				td, th { border: 0.5pt solid #999; padding: 1.5mm 2mm; text-align: left; }
				.n { text-align: right; }
				.facts td { border: none; padding: 1mm 0; }
				.text { line-height: 1.8; text-indent: 2em; margin: 4mm 0; }
				.foot { position: relative; height: 45mm; margin-top: 6mm; }
				.issuer { position: absolute; right: 0; top: 4mm; text-align: right; line-height: 1.8; }
				.seal { position: absolute; right: 6mm; top: 0; width: 40mm; height: 40mm; }
				.qr { position: absolute; left: 0; top: 0; width: 32mm; height: 32mm; }
				.code { position: absolute; left: 0; top: 33mm; font-size: 9pt; }
				</style></head><body>
				<h1>志愿服务证明</h1>
				<table class="facts">
				<tr><td>姓名：%2$s</td><td>身份证号：%3$s</td></tr>
				<tr><td>志愿者编号：%4$s</td><td>累计志愿服务时长：%5$s 小时</td></tr>
				</table>
				<p class="text">兹证明 %2$s 同志为本单位注册志愿者，经志愿服务记录核实，累计参加志愿服务 %5$s 小时，特此证明。</p>
				<p>按年度统计</p>
				<table><tr><th>年度</th><th class="n">时长（小时）</th></tr>%6$s</table>
				<p>按活动统计</p>
				<table><tr><th>日期</th><th>活动</th><th class="n">时长（小时）</th></tr>%7$s</table>
				<div class="foot">
				<img class="qr" src="%8$s"/>
				<div class="code">验证码：%9$s</div>
				<img class="seal" src="%10$s"/>
				<div class="issuer">出具单位：%11$s<br/>出具日期：%12$s</div>
				</div>
				</body></html>""".formatted(FONT_FAMILY, e(c.name()), e(c.idNumberMasked() == null ? "—" : c.idNumberMasked()),
				e(c.volunteerNo()), e(c.totalHours()), years, activities, qrImage, e(c.code()), sealImage, e(c.orgName()),
				e(c.issuedOn()));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withProducer("wenming");
			// A name stored before input was checked may hold characters that XHTML cannot.
			builder.withHtmlContent(Text.printable(html), null);
			builder.useFont(() -> new ByteArrayInputStream(FontFile.BYTES), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<byte[]> seal(long orgId) {
		return jdbc.sql("select png from org_seal where org_id = ?").param(orgId).query((rs, i) -> rs.getBytes(1)).optional();
	}

	/** A red round seal with the org's name along the rim and a star in the middle, drawn for orgs without one. */
	static byte[] drawSeal(String orgName) {
		int size = 480;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Color red = new Color(0xD0, 0x10, 0x1A, 220);
			g.setColor(red);
			g.setStroke(new BasicStroke(14));
			g.drawOval(10, 10, size - 20, size - 20);
			double c = size / 2.0;
			Path2D star = new Path2D.Double();
			for (int i = 0; i < 10; i++) {
				double r = i % 2 == 0 ? 70 : 28;
				double a = -Math.PI / 2 + i * Math.PI / 5;
				double x = c + r * Math.cos(a);
				double y = c + r * Math.sin(a);
				if (i == 0) {
					star.moveTo(x, y);
				}
				else {
					star.lineTo(x, y);
				}
			}
			star.closePath();
			g.fill(star);
			String name = orgName.length() > 16 ? orgName.substring(0, 16) : orgName;
			int n = name.codePointCount(0, name.length());
			Font font = FontFile.awt().deriveFont(Font.PLAIN, n > 10 ? 40f : 52f);
			g.setFont(font);
			double sweep = Math.min(Math.PI * 1.4, n * 0.28);
			double radius = c - 70;
			int[] codePoints = name.codePoints().toArray();
			for (int i = 0; i < n; i++) {
				double angle = -Math.PI / 2 - sweep / 2 + (n == 1 ? sweep / 2 : sweep * i / (n - 1));
				AffineTransform saved = g.getTransform();
				g.translate(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
				g.rotate(angle + Math.PI / 2);
				String ch = new String(Character.toChars(codePoints[i]));
				int w = g.getFontMetrics().stringWidth(ch);
				g.drawString(ch, -w / 2, g.getFontMetrics().getAscent() / 2);
				g.setTransform(saved);
			}
			Font small = font.deriveFont(44f);
			g.setFont(small);
			String label = "志愿服务专用章";
			g.drawString(label, (int) (c - g.getFontMetrics().stringWidth(label) / 2.0), (int) (c + 130));
		}
		finally {
			g.dispose();
		}
		return png(image);
	}

	static byte[] qr(String text) {
		try {
			Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
			hints.put(EncodeHintType.MARGIN, 1);
			hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300, hints);
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			return png(image);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("QR code could not be drawn", ex);
		}
	}

	private static byte[] png(BufferedImage image) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean readable(byte[] png) {
		try {
			return ImageIO.read(new ByteArrayInputStream(png)) != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private CertificateContent parse(String snapshot) {
		try {
			return json.readValue(snapshot, CertificateContent.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
		}
		return code.toString();
	}

	private static String plain(BigDecimal hours) {
		return hours.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String e(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static final class FontFile {

		static final byte[] BYTES = read();

		private static Font awt;

		static synchronized Font awt() {
			if (awt == null) {
				try {
					awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(BYTES));
				}
				catch (FontFormatException | IOException ex) {
					throw new IllegalStateException("Font could not be read: " + FONT_RESOURCE, ex);
				}
			}
			return awt;
		}

		private static byte[] read() {
			try (InputStream in = Certificates.class.getResourceAsStream(FONT_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("Font missing from the classpath: " + FONT_RESOURCE);
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
