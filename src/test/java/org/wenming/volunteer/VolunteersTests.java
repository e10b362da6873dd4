package org.wenming.volunteer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.TestIdNumbers;
import org.wenming.directory.DataScopes;
import org.wenming.directory.People;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering as a volunteer from a phone (ID number checked against the directory), the
 * community's review, volunteer numbers, a unit's registration, and deregistration.
 */
@SpringBootTest
class VolunteersTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Volunteers volunteers;

	@Autowired
	People people;

	@Autowired
	VolunteerProperties properties;

	VolunteerFixture f;

	@BeforeEach
	void tree() {
		f = VolunteerFixture.create(context);
	}

	private VolunteerRegistration registration(Long personId, long orgId, String idNumber) {
		return new VolunteerRegistration(personId, orgId, idNumber, "理发、陪护", "和平社区", "周末", "本科", "群众", "张三",
				"13912345678");
	}

	private String idNumberOf(long personId) {
		return DataScopes.asSystem(() -> people.fullView(personId)).idNumber();
	}

	@Test
	void registersAPersonWhoseTypedIdNumberMatchesTheStoredOne() {
		long person = f.resident("res", f.communityA, true);
		String idNumber = idNumberOf(person);

		Volunteer volunteer = volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumber.toLowerCase()));

		assertThat(volunteer.status()).isEqualTo(VolunteerStatus.PENDING);
		assertThat(volunteer.source()).isEqualTo("SELF");
		assertThat(volunteer.volunteerNo()).isNull();
		assertThat(volunteer.emergencyPhoneMasked()).isEqualTo("139****5678");
		byte[] cipher = f.jdbc.sql("select emergency_phone_cipher from volunteer where id = ?").param(volunteer.id())
			.query(byte[].class).single();
		assertThat(new String(cipher, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
	}

	@Test
	void refusesAnIdNumberThatIsNotThePersonsOwn() {
		long person = f.resident("res", f.communityA, true);

		assertThatThrownBy(() -> volunteers.registerSelf(person, registration(null, f.communityA.id(), TestIdNumbers.next())))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("volunteer.idNumber.mismatch");
				assertThat(ex.field()).isEqualTo("idNumber");
			});
		String bad = TestIdNumbers.next();
		String wrongCheck = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
		assertThatThrownBy(() -> volunteers.registerSelf(person, registration(null, f.communityA.id(), wrongCheck)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("person.idNumber.checkDigit"));
		assertThat(volunteers.current(person)).isEmpty();
	}

	@Test
	void storesTheTypedIdNumberOnAPersonWithoutOne() {
		long person = f.resident("res", f.communityA, false);
		String idNumber = TestIdNumbers.next();
		assertThat(f.hasIdHash(person)).isFalse();

		volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumber));

		assertThat(idNumberOf(person)).isEqualTo(idNumber);
		assertThat(f.hasIdHash(person)).isTrue();
	}

	@Test
	void refusesAnIdNumberSomeoneElseHolds() {
		long other = f.person("他人", f.communityA, true);
		long person = f.resident("res", f.communityA, false);

		assertThatThrownBy(() -> volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumberOf(other))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("volunteer.idNumber.unverified"));
	}

	@Test
	void aTooLongTextIsRefusedOnItsFieldNotAsAConflict() {
		long person = f.resident("res", f.communityA, true);
		VolunteerRegistration typed = registration(null, f.communityA.id(), idNumberOf(person));
		VolunteerRegistration tooLong = new VolunteerRegistration(typed.personId(), typed.orgId(), typed.idNumber(),
				"理".repeat(600), typed.serviceAreas(), typed.availability(), typed.education(), typed.politicalStatus(),
				typed.emergencyContact(), typed.emergencyPhone());

		assertThatThrownBy(() -> volunteers.registerSelf(person, tooLong)).isInstanceOfSatisfying(DomainException.class,
				ex -> {
					assertThat(ex.field()).isEqualTo("skills");
					assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				});
	}

	@Test
	void refusesASecondLiveRegistration() {
		long person = f.resident("res", f.communityA, true);
		volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumberOf(person)));

		assertThatThrownBy(() -> volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumberOf(person))))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("volunteer.register.exists");
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
			});
	}

	@Test
	void theReviewingCommunityApprovesWithANumberAndNotifies() {
		long person = f.resident("res", f.communityA, true);
		long id = volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumberOf(person))).id();

		assertThatThrownBy(() -> f.as("b", () -> volunteers.approve(id))).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		Volunteer approved = f.as("a", () -> volunteers.approve(id));

		assertThat(approved.status()).isEqualTo(VolunteerStatus.ACTIVE);
		assertThat(approved.volunteerNo()).matches("ZY\\d{4}\\d{6}");
		assertThat(f.notificationsOf("res")).containsExactly("志愿者注册已通过");
		assertThatThrownBy(() -> f.as("a", () -> volunteers.approve(id))).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("volunteer.review.notPending"));
	}

	@Test
	void rejectionNeedsAReasonAndLetsThePersonTryAgain() {
		long person = f.resident("res", f.communityA, true);
		long id = volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumberOf(person))).id();

		assertThatThrownBy(() -> f.as("a", () -> volunteers.reject(id, " "))).isInstanceOfSatisfying(
				DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.reason.required"));
		Volunteer rejected = f.as("a", () -> volunteers.reject(id, "请到社区现场核验身份"));

		assertThat(rejected.status()).isEqualTo(VolunteerStatus.REJECTED);
		assertThat(rejected.reviewNote()).isEqualTo("请到社区现场核验身份");
		assertThat(f.notificationsOf("res")).containsExactly("志愿者注册未通过");
		assertThat(volunteers.registerSelf(person, registration(null, f.communityA.id(), idNumberOf(person))).status())
			.isEqualTo(VolunteerStatus.PENDING);
	}

	@Test
	void numbersAreUniqueAcrossUnitRegistrations() {
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			long person = f.person("志愿者" + i, f.communityA, true);
			Volunteer volunteer = f.as("a", () -> volunteers.registerByUnit(registration(person, f.communityA.id(), null)));
			assertThat(volunteer.status()).isEqualTo(VolunteerStatus.ACTIVE);
			assertThat(volunteer.source()).isEqualTo("UNIT");
			numbers.add(volunteer.volunteerNo());
		}
		assertThat(numbers).hasSize(5);
	}

	@Test
	void aUnitRegistersOnlyForOrgsInItsScope() {
		long person = f.person("志愿者", f.communityA, true);

		assertThatThrownBy(() -> f.as("b", () -> volunteers.registerByUnit(registration(person, f.communityA.id(), null))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void deregistrationByTheOrgOrThePersonEndsTheRegistration() {
		long person = f.person("志愿者", f.communityA, true);
		long id = f.as("a", () -> volunteers.registerByUnit(registration(person, f.communityA.id(), null))).id();

		Volunteer ended = f.as("a", () -> volunteers.deregister(id, "多次无故缺席"));

		assertThat(ended.status()).isEqualTo(VolunteerStatus.DEREGISTERED);
		assertThat(ended.deregisterReason()).isEqualTo("多次无故缺席");
		assertThat(volunteers.current(person)).isEmpty();
		assertThatThrownBy(() -> f.as("a", () -> volunteers.deregister(id, "again")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("volunteer.deregister.notLive"));

		long self = f.resident("self", f.communityA, true);
		volunteers.registerSelf(self, registration(null, f.communityA.id(), idNumberOf(self)));
		assertThat(volunteers.deregisterSelf(self, "工作调动").status()).isEqualTo(VolunteerStatus.DEREGISTERED);
	}

	@Test
	void noShowsReachingTheLimitMakeACandidateForDeregistration() {
		assertThat(properties.noShowLimit()).isEqualTo(3);
		assertThat(properties.reachesNoShowLimit(2)).isFalse();
		assertThat(properties.reachesNoShowLimit(3)).isTrue();
		assertThat(new VolunteerProperties(5, null).reachesNoShowLimit(4)).isFalse();
	}

	@Test
	void searchStaysInTheCallersScope() {
		long a = f.person("甲志愿者", f.communityA, true);
		long b = f.person("乙志愿者", f.communityB, true);
		f.as("a", () -> volunteers.registerByUnit(registration(a, f.communityA.id(), null)));
		f.as("b", () -> volunteers.registerByUnit(registration(b, f.communityB.id(), null)));

		List<Volunteer> seenByA = f.as("a", () -> volunteers.search(null, null, f.tag, 100));
		List<Volunteer> seenByOffice = f.as("office", () -> volunteers.search(null, VolunteerStatus.ACTIVE, f.tag, 100));

		assertThat(seenByA).extracting(Volunteer::personId).containsExactly(a);
		assertThat(seenByOffice).extracting(Volunteer::personId).containsExactlyInAnyOrder(a, b);
	}

}
