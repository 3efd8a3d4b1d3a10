package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.PersonalDataErased;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;

/**
 * The search's tables on a real PostgreSQL server, as the migration makes them there: the relationship, the plan
 * from the inventory (a My Number request's system of a group not entitled withheld), staff's additions and
 * removals, a finding, the categories found, the erasure of the text; and the owning group's Tasklist filter made
 * when the system is saved (same context configuration as {@code PostgresApplicationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresSystemSearchTest {

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired Inventory inventory;
  @Autowired SystemSearches searches;
  @Autowired RequestRegister register;
  @Autowired FilterService filters;
  @Autowired ApplicationEventPublisher events;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired OwningGroupAccess access;

  @Test
  void aSearchIsPlannedRecordedAndErasedOnPostgresql() {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String category = "PG_LEDGER_" + suffix;
    String open = "PG_LEDGER_SYSTEM_" + suffix;
    String vault = "PG_VAULT_" + suffix;
    String group = "pg-ledger-" + suffix.toLowerCase();
    inventory.create(new DataCategory(category, "台帳" + suffix, "Ledger " + suffix, "氏名", "name", true, null, null,
        false, "5年", "5 years", "本人から", "from the person", List.of(Relationship.BUSINESS_CONTACT)), "manager");
    inventory.create(new HoldingSystem(open, "台帳システム", "Ledger system", group, false, SearchKind.MANUAL,
        List.of(category)), "manager");
    inventory.create(new HoldingSystem(vault, "保管庫", "Vault", group + "-vault", true, SearchKind.MANUAL,
        List.of(category)), "manager");
    assertThat(filters.createFilterQuery().filterName(OwningGroupAccess.filterName(group)).count()).isEqualTo(1);
    // an entitled group that does not exist yet is skipped for the tenant, and joins once it exists
    assertThat(identity.createTenantQuery().groupMember(group + "-vault").count()).isZero();
    identity.saveGroup(identity.newGroup(group + "-vault"));
    access.update();
    assertThat(identity.createTenantQuery().tenantId(jp.madoguchi.security.DeskGroups.SPECIFIC_INFORMATION_TENANT)
        .groupMember(group + "-vault").count()).isEqualTo(1);

    DeskRequest request = TestRequests.request(register).specific().register();
    searches.chooseRelationship(request.id(), Relationship.CUSTOMER, "desk");
    searches.chooseRelationship(request.id(), Relationship.BUSINESS_CONTACT, "desk");
    assertThat(searches.relationship(request.id())).contains(Relationship.BUSINESS_CONTACT);

    assertThat(searches.planSearch(request.id(), true)).contains(vault).doesNotContain(open);
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(open)).singleElement()
        .satisfies(row -> assertThat(row.withheld()).isTrue());
    searches.removeSystem(request.id(), vault, "紙の保管庫は対象外と確認済み", "desk");
    assertThat(searches.tasked(request.id())).doesNotContain(vault);
    assertThatThrownBy(() -> searches.recordFinding(request.id(), vault, false, null, "desk"))
        .hasMessageContaining("systemCode");
    searches.addSystem(request.id(), vault, "本人の申出により再度対象", "desk");
    searches.recordFinding(request.id(), vault, true, "2025年の契約書控え", "desk");
    searches.recordCategory(request.id(), category, true, "desk");
    searches.recordCategory(request.id(), category, true, "desk");
    assertThat(searches.foundCategories(request.id())).containsExactly(category);

    events.publishEvent(new PersonalDataErased(request.id(), Instant.now()));
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(vault)).singleElement()
        .satisfies(row -> {
          assertThat(row.found()).isTrue();
          assertThat(row.finding()).isNull();
        });
  }
}
