package org.wenming.directory;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The org tree against the real database: paths follow moves, cycles and closing with open
 * children are refused.
 */
@SpringBootTest
class OrgTreeTests {

	@Autowired
	OrgDirectory orgs;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void moveCarriesTheWholeSubtree() {
		DataScopes.asSystem(() -> {
			Org root = orgs.create(null, "树根" + tag, OrgType.CITY, null);
			Org a = orgs.create(root.id(), "甲区" + tag, OrgType.DISTRICT, null);
			Org b = orgs.create(root.id(), "乙区" + tag, OrgType.DISTRICT, null);
			Org street = orgs.create(a.id(), "街道" + tag, OrgType.STREET, null);
			Org community = orgs.create(street.id(), "社区" + tag, OrgType.COMMUNITY, null);

			orgs.move(street.id(), b.id());

			Org moved = orgs.find(community.id()).orElseThrow();
			assertThat(moved.path()).isEqualTo(root.path() + b.id() + "/" + street.id() + "/" + community.id() + "/");
			assertThat(moved.depth()).isEqualTo(3);
			assertThat(orgs.subtreeIds(b.id())).containsExactlyInAnyOrder(b.id(), street.id(), community.id());
			assertThat(orgs.subtreeIds(a.id())).containsExactly(a.id());
		});
	}

	@Test
	void refusesToMoveAnOrgUnderItsOwnDescendant() {
		DataScopes.asSystem(() -> {
			Org root = orgs.create(null, "树根" + tag, OrgType.CITY, null);
			Org district = orgs.create(root.id(), "区" + tag, OrgType.DISTRICT, null);
			Org street = orgs.create(district.id(), "街道" + tag, OrgType.STREET, null);

			assertThatThrownBy(() -> orgs.move(district.id(), street.id())).isInstanceOf(DomainException.class)
				.extracting(ex -> ((DomainException) ex).code())
				.isEqualTo("org.move.cycle");
			assertThatThrownBy(() -> orgs.move(district.id(), district.id())).isInstanceOf(DomainException.class);
			assertThat(orgs.find(street.id()).orElseThrow().path()).startsWith(district.path());
		});
	}

	@Test
	void closingKeepsTheOrgButRefusesWhileChildrenAreOpen() {
		DataScopes.asSystem(() -> {
			Org root = orgs.create(null, "树根" + tag, OrgType.CITY, null);
			Org district = orgs.create(root.id(), "区" + tag, OrgType.DISTRICT, null);
			Org street = orgs.create(district.id(), "街道" + tag, OrgType.STREET, null);

			assertThatThrownBy(() -> orgs.close(district.id())).isInstanceOf(DomainException.class)
				.extracting(ex -> ((DomainException) ex).code())
				.isEqualTo("org.close.children");
			orgs.close(street.id());
			orgs.close(district.id());

			assertThat(orgs.find(district.id()).orElseThrow().isClosed()).isTrue();
			assertThatThrownBy(() -> orgs.create(district.id(), "新街道" + tag, OrgType.STREET, null))
				.isInstanceOf(DomainException.class);
		});
	}

	@Test
	void validatesNameAndDivisionCode() {
		DataScopes.asSystem(() -> {
			Org root = orgs.create(null, "树根" + tag, OrgType.CITY, null);
			assertThatThrownBy(() -> orgs.create(root.id(), " ", OrgType.DISTRICT, null))
				.extracting(ex -> ((DomainException) ex).field())
				.isEqualTo("name");
			assertThatThrownBy(() -> orgs.create(root.id(), "区" + tag, OrgType.DISTRICT, "12AB"))
				.extracting(ex -> ((DomainException) ex).field())
				.isEqualTo("divisionCode");
		});
	}

	@Test
	void withoutRolesNothingIsInScope() {
		assertThat(orgs.visibleTree(true)).isEmpty();
		Org root = DataScopes.asSystem(() -> orgs.create(null, "树根" + tag, OrgType.CITY, null));
		assertThatThrownBy(() -> orgs.get(root.id())).extracting(ex -> ((DomainException) ex).status().value())
			.isEqualTo(404);
	}

}
