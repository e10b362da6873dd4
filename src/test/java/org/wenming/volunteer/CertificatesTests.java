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

		f.jdbc.sql("update volunteer_certificate set snapshot = replace(snapshot, '\"9.5\"', '\"95\"') where code = ?")
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

		f.jdbc.sql("update volunteer_certificate set snapshot = replace(snapshot, '\"9.5\"', '\"95\"') where code = ?")
			.param(code).update();
		Response changed = anonymous.get("/certificates/" + code, null);
		assertThat(changed.body()).contains("id=\"verify-changed\"").doesNotContain("verify-genuine");
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
