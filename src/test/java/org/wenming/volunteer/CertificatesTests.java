package org.wenming.volunteer;

import java.io.IOException;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.platform.DomainException;
import org.wenming.platform.database.OwnerDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 志愿服务证明: a PDF with the volunteer's hours and a verification code, stored with its
 * signature, and the public page (and JSON) that tells a genuine certificate from a changed or an
 * unknown one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CertificatesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Certificates certificates;

	@Autowired
	Volunteers volunteers;

	VolunteerFixture f;

	long person;

	long volunteer;

	@BeforeEach
	void registeredVolunteerWithHours() {
		f = VolunteerFixture.create(context);
		person = f.resident("v", f.communityA, true);
		volunteer = f.as("a", () -> volunteers.registerByUnit(new VolunteerRegistration(person, f.communityA.id(), null,
				"", "", "", null, null, null, null))).id();
		f.credit(person, f.communityA, "6", LocalDate.of(2025, 3, 5));
		f.credit(person, f.communityA, "3.5", LocalDate.of(2026, 1, 10));
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	@Test
	void issuesAPdfForANameStoredWithAControlCharacterBeforeInputWasChecked() throws IOException {
		f.jdbc.sql("update person set name = 'v' || chr(1) || ? || chr(133) where id = ?").params(f.tag, person).update();

		Certificates.Issued issued = certificates.issueForSelf(person, "https://wenming.example/certificates/");

		assertThat(text(issued.pdf())).contains("v" + f.tag);
	}

	@Test
	void issuesAPdfWithTheCodeNameNumberAndHours() throws IOException {
		Certificates.Issued issued = certificates.issueForSelf(person, "https://wenming.example/certificates/");

		assertThat(new String(issued.pdf(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		String text = text(issued.pdf());
		assertThat(text).contains(issued.code()).contains("累计志愿服务时长：9.5 小时").contains("v" + f.tag).contains("9.5")
			.contains("2025").contains(f.communityA.name());
		assertThat(text).contains(f.as("a", () -> volunteers.get(volunteer)).volunteerNo());
		assertThat(f.jdbc.sql("select count(*) from volunteer_certificate where code = ? and person_id = ?")
			.params(issued.code(), person).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyRegisteredVolunteersGetOne() {
		long other = f.resident("other", f.communityA, true);

		assertThatThrownBy(() -> certificates.issueForSelf(other, "https://x/certificates/"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.notRegistered"));
	}

	@Test
	void anAdminIssuesOneInScopeAndItIsAudited() {
		assertThatThrownBy(() -> f.as("b", () -> certificates.issueFor(volunteer, "https://x/certificates/")))
			.isInstanceOf(DomainException.class);
		Certificates.Issued issued = f.as("a", () -> certificates.issueFor(volunteer, "https://x/certificates/"));

		assertThat(f.jdbc.sql("select count(*) from audit_log where entity_type = 'volunteer_certificate' and entity_id = ? and actor = ?")
			.params(issued.code(), f.user("a")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theCheckTellsGenuineFromChangedAndUnknown() {
		String code = certificates.issueForSelf(person, "https://x/certificates/").code();

		CertificateCheck genuine = certificates.check(code);
		assertThat(genuine.state()).isEqualTo(CertificateCheck.State.GENUINE);
		assertThat(genuine.content().totalHours()).isEqualTo("9.5");
		assertThat(genuine.hoursChangedSinceIssue()).isFalse();

		f.credit(person, f.communityA, "2", LocalDate.of(2026, 2, 1));
		assertThat(certificates.check(code).hoursChangedSinceIssue()).isTrue();
		assertThat(certificates.check(code).state()).isEqualTo(CertificateCheck.State.GENUINE);

		OwnerDatabase.owner(context).sql("update volunteer_certificate set snapshot = replace(snapshot, '\"9.5\"', '\"95\"') where code = ?")
			.param(code).update();
		assertThat(certificates.check(code).state()).isEqualTo(CertificateCheck.State.CHANGED);
		assertThat(certificates.check("NOSUCHCODE00").state()).isEqualTo(CertificateCheck.State.UNKNOWN);
	}

	@Test
	void thePublicPageAndJsonNeedNoSignIn() {
		String code = certificates.issueForSelf(person, "https://x/certificates/").code();
		Http anonymous = Http.browser(port);

		Response genuine = anonymous.get("/certificates/" + code, null);
		assertThat(genuine.status()).as(genuine.toString()).isEqualTo(200);
		assertThat(genuine.body()).contains("id=\"verify-genuine\"").contains("v" + f.tag).doesNotContain("verify-changed");

		Response unknown = anonymous.get("/certificates/NOSUCHCODE00", null);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).contains("id=\"verify-unknown\"").doesNotContain("verify-genuine");

		Response json = Http.api(port).get("/api/v1/certificates/" + code, null);
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		assertThat(json.json().get("state").asString()).isEqualTo("GENUINE");
		assertThat(Http.api(port).get("/api/v1/certificates/NOSUCHCODE00", null).status()).isEqualTo(404);

		OwnerDatabase.owner(context).sql("update volunteer_certificate set snapshot = replace(snapshot, '\"9.5\"', '\"95\"') where code = ?")
			.param(code).update();
		Response changed = anonymous.get("/certificates/" + code, null);
		assertThat(changed.body()).contains("id=\"verify-changed\"").doesNotContain("verify-genuine");
	}

	private long certificatesOf(long personId) {
		return f.jdbc.sql("select count(*) from volunteer_certificate where person_id = ?").param(personId)
			.query(Long.class).single();
	}

	@Test
	void readingTheCertificateIssuesNothingAndServesTheLatestIssued() throws IOException {
		Http http = Http.api(port);
		String token = http.token(f.user("v"), "Passw0rd-Test");
		String admin = http.token(f.user("a"), "Passw0rd-Test");

		// The attack: every GET of the PDF used to issue (and store) a new certificate.
		Response none = http.get("/api/v1/people/me/volunteer/certificate.pdf", token);
		assertThat(none.status()).as(none.toString()).isEqualTo(404);
		assertThat(http.get("/api/v1/volunteers/" + volunteer + "/certificate.pdf", admin).status()).isEqualTo(404);
		assertThat(certificatesOf(person)).isZero();

		Response issued = http.send("POST", "/api/v1/people/me/volunteer/certificate", token, null,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Accept", "application/pdf, application/problem+json");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		assertThat(issued.contentType()).startsWith("application/pdf");
		assertThat(issued.header("Location")).isEqualTo("/api/v1/people/me/volunteer/certificate.pdf");
		assertThat(certificatesOf(person)).isEqualTo(1);
		String code = f.jdbc.sql("select code from volunteer_certificate where person_id = ?").param(person)
			.query(String.class).single();

		for (int i = 0; i < 3; i++) {
			Response again = http.get("/api/v1/people/me/volunteer/certificate.pdf", token);
			assertThat(again.status()).as(again.toString()).isEqualTo(200);
			assertThat(again.contentType()).startsWith("application/pdf");
			assertThat(http.get("/api/v1/volunteers/" + volunteer + "/certificate.pdf", admin).status()).isEqualTo(200);
		}
		byte[] latest = certificates.latestForSelf(person, "https://x/certificates/").orElseThrow().pdf();
		assertThat(text(latest)).contains(code).contains("9.5");
		Http browser = Http.browser(port);
		browser.login(f.user("v"), "Passw0rd-Test");
		assertThat(browser.get("/m/volunteer/certificate.pdf", null).status()).isEqualTo(200);
		assertThat(certificatesOf(person)).as("GETs issue nothing").isEqualTo(1);

		// Issuing is a POST with the page's CSRF token; without it nothing is issued.
		assertThat(browser.send("POST", "/m/volunteer/certificate", null, "application/x-www-form-urlencoded", "")
			.status()).isEqualTo(403);
		String card = browser.get("/m/volunteer", null).body();
		assertThat(card).contains("id=\"issue-certificate\"").contains("id=\"my-certificate\"");
		Response posted = browser.postForm("/m/volunteer/certificate", java.util.Map.of("_csrf", Http.csrfToken(card)));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
		assertThat(posted.contentType()).startsWith("application/pdf");
		assertThat(certificatesOf(person)).isEqualTo(2);

		Response byAdmin = http.send("POST", "/api/v1/volunteers/" + volunteer + "/certificate", admin, null,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Accept", "application/pdf, application/problem+json");
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
		assertThat(http.post("/api/v1/volunteers/" + volunteer + "/certificate", http.token(f.user("b"), "Passw0rd-Test"),
				null).status()).isEqualTo(404);
		assertThat(certificatesOf(person)).isEqualTo(3);
	}

	@Test
	void aSealIsDrawnForOrgsWithoutOneAndOnlyPngsAreAccepted() throws IOException {
		byte[] seal = Certificates.drawSeal("甲社区居民委员会");
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(seal)).getWidth()).isEqualTo(480);

		assertThatThrownBy(() -> f.as("a", () -> certificates.uploadSeal(f.communityA.id(), "GIF89a".getBytes())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.seal.format"));
		f.as("a", () -> certificates.uploadSeal(f.communityA.id(), seal));
		assertThat(certificates.hasSeal(f.communityA.id())).isTrue();
		assertThat(certificates.issueForSelf(person, "https://x/certificates/").pdf()).isNotEmpty();
	}

}
