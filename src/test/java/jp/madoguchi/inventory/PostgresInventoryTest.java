package jp.madoguchi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.report.DeskAudit;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inventory's tables on a real PostgreSQL server (same context configuration as {@code PostgresApplicationTest}):
 * the sample is written and read back whole, with its links, history and audit entries; an import that fails its
 * checks or the database's constraints leaves everything as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresInventoryTest {

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired Inventory inventory;
  @Autowired SampleInventory sample;
  @Autowired InventoryCsv csv;
  @Autowired DeskAudit audit;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theInventoryIsWrittenAndReadBackOnPostgresql() {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    Map<InventoryKind, List<InventoryEntry>> entries = sample.entries();

    inventory.replace(entries, "pg-manager");

    InventorySnapshot written = inventory.snapshot();
    assertThat(written).isEqualTo(new InventorySnapshot(cast(entries.get(InventoryKind.CATEGORIES)),
        cast(entries.get(InventoryKind.PURPOSES)), cast(entries.get(InventoryKind.SYSTEMS)),
        cast(entries.get(InventoryKind.PROVISIONS))));
    for (InventoryKind kind : InventoryKind.values()) {
      // the export of what PostgreSQL gives back reads back as the same entries
      List<InventoryEntry> exported = csv.read(kind, csv.write(kind, written.entries(kind))).entries();
      assertThat(exported).isEqualTo(List.copyOf(written.entries(kind)));
    }
    assertThat(inventory.categoriesFor(Relationship.EMPLOYEE_OR_APPLICANT)).extracting(DataCategory::code)
        .containsExactly("APPLICANT", "EMPLOYEE", "EMPLOYEE_MY_NUMBER");
    assertThat(inventory.systemsFor(List.of("EMPLOYEE_MY_NUMBER"))).singleElement()
        .satisfies(system -> assertThat(system.specificInformationEntitled()).isTrue());
    assertThat(inventory.purposesFor(List.of("CLIENT_CUSTOMER_DATA"))).extracting(UsePurpose::code)
        .containsExactly("ASSISTANCE_SERVICES");
    assertThat(inventory.publishedPurposesOfRetainedData()).extracting(UsePurpose::code)
        .doesNotContain("ASSISTANCE_SERVICES").contains("ANSWER_ENQUIRIES", "MY_NUMBER_AFFAIRS");

    // a change: history in JSON with Japanese text, and the audit trail
    DataCategory recording = (DataCategory) written.entry(InventoryKind.CATEGORIES, "CALL_RECORDING").orElseThrow();
    inventory.update(new DataCategory(recording.code(), recording.nameJa(), recording.nameEn(),
        recording.dataItemsJa(), recording.dataItemsEn(), true, null, null, false, "録音日から2年",
        recording.retentionEn(), recording.sourceJa(), recording.sourceEn(), recording.relationships()),
        "pg-manager");
    assertThat(inventory.history(InventoryKind.CATEGORIES, "CALL_RECORDING").get(0).fields()).singleElement()
        .isEqualTo(new InventoryChange.FieldChange("retention_ja", "録音日から1年", "録音日から2年"));
    // (other tests of this database change the inventory too, some on a clock of their own: find this change)
    assertThat(audit.latest(Inventory.CHANGED, 100)).filteredOn(entry -> entry.actor().equals("pg-manager"))
        .first().satisfies(entry -> assertThat(entry.detail()).isEqualTo("categories CALL_RECORDING changed: retention_ja"));
    inventory.update(recording, "pg-manager");
  }

  @Test
  void anImportThatFailsChangesNothingOnPostgresql() {
    inventory.replace(sample.entries(), "pg-manager");
    InventorySnapshot before = inventory.snapshot();
    int historyBefore = inventory.history(InventoryKind.CATEGORIES, "CUSTOMER_CONTACT").size();

    // the categories go, the purposes that refer to them stay: refused before anything is written
    Map<InventoryKind, List<InventoryEntry>> withoutCategories = new EnumMap<>(InventoryKind.class);
    withoutCategories.put(InventoryKind.CATEGORIES, List.of());
    assertThatThrownBy(() -> inventory.replace(withoutCategories, "pg-manager"))
        .isInstanceOf(InvalidInventoryException.class)
        .satisfies(thrown -> assertThat(((InvalidInventoryException) thrown).problems())
            .anyMatch(problem -> problem.kind() == InventoryKind.PURPOSES && problem.field().equals("categories")));
    // a value the database refuses half-way (longer than its column) rolls back what came before it
    List<InventoryEntry> purposes = new ArrayList<>(before.purposes());
    purposes.add(new UsePurpose("A_FIRST_NEW_PURPOSE", "新しい目的", "A new purpose", true, List.of("CUSTOMER_CONTACT")));
    purposes.add(new UsePurpose("Z_TOO_LONG", "長".repeat(1001), "Too long", true, List.of("CUSTOMER_CONTACT")));
    assertThatThrownBy(() -> inventory.replace(Map.of(InventoryKind.PURPOSES, purposes), "pg-manager"))
        .isInstanceOf(org.springframework.dao.DataAccessException.class);

    assertThat(inventory.snapshot()).isEqualTo(before);
    assertThat(inventory.history(InventoryKind.PURPOSES, "A_FIRST_NEW_PURPOSE")).isEmpty();
    assertThat(inventory.history(InventoryKind.CATEGORIES, "CUSTOMER_CONTACT")).hasSize(historyBefore);
  }

  @Test
  void aNodeReadsTheInventoryAgainOnlyAfterAChangeOnAnyNodeThatCommitted() {
    inventory.replace(sample.entries(), "pg-manager");
    // a second node: its own instance of the owner on the same database
    Inventory otherNode = new Inventory(jdbc, events);
    InventorySnapshot read = otherNode.snapshot();
    assertThat(otherNode.snapshot()).isSameAs(read);

    UsePurpose answer = (UsePurpose) read.entry(InventoryKind.PURPOSES, "ANSWER_ENQUIRIES").orElseThrow();
    UsePurpose changed = new UsePurpose(answer.code(), answer.textJa() + "（改定）", answer.textEn(),
        answer.published(), answer.categories());
    // a change that is rolled back, read in its own transaction first: no node keeps what it read there
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      inventory.update(changed, "pg-manager");
      assertThat(inventory.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(changed);
      status.setRollbackOnly();
    });
    assertThat(inventory.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(answer);
    assertThat(otherNode.snapshot()).isSameAs(read);

    // a change on this node that commits: the other node reads the tables again, once
    inventory.update(changed, "pg-manager");
    InventorySnapshot after = otherNode.snapshot();
    assertThat(after).isNotSameAs(read);
    assertThat(after.entry(InventoryKind.PURPOSES, answer.code())).contains(changed);
    assertThat(otherNode.snapshot()).isSameAs(after);
    inventory.update(answer, "pg-manager");
    assertThat(otherNode.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(answer);
  }

  @Test
  void aTransactionKeepsTheRevisionItReadUntilItChangesTheInventoryItself() {
    inventory.replace(sample.entries(), "pg-manager");
    Inventory otherNode = new Inventory(jdbc, events);
    UsePurpose answer = (UsePurpose) otherNode.snapshot().entry(InventoryKind.PURPOSES, "ANSWER_ENQUIRIES")
        .orElseThrow();
    UsePurpose changed = new UsePurpose(answer.code(), answer.textJa() + "（改定）", answer.textEn(),
        answer.published(), answer.categories());
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      InventorySnapshot first = otherNode.snapshot();
      // this node's change commits while the other node's transaction runs: that transaction keeps what it read
      inner.executeWithoutResult(change -> inventory.update(changed, "pg-manager"));
      assertThat(otherNode.snapshot()).isSameAs(first);
      assertThat(otherNode.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(answer);
      // a transaction of its own started inside reads the revision itself
      inner.executeWithoutResult(own -> assertThat(otherNode.snapshot().entry(InventoryKind.PURPOSES,
          answer.code())).contains(changed));
    });
    // its next transaction (or a read outside one) reads the change
    assertThat(otherNode.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(changed);
    // a transaction that changes the inventory reads its own change after it, with the revision it drew
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(inventory.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(changed);
      inventory.update(answer, "pg-manager");
      assertThat(inventory.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(answer);
    });
    assertThat(otherNode.snapshot().entry(InventoryKind.PURPOSES, answer.code())).contains(answer);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<InventoryEntry> entries) {
    return (List<T>) (List<?>) entries;
  }
}
