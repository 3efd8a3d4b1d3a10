package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.provision.ProvisionMatches;
import jp.madoguchi.provision.ProvisionRecordInput;
import jp.madoguchi.provision.ProvisionRegister;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annex and the archive of a third-party records request by an English-speaking requester: written in English,
 * with the third-party provision records the investigation confirmed and none it rejected, in the annex and as a
 * category of their own in the archive.
 */
@DeskTest
class AnnexInTheRequestersLanguageTest {

  @Autowired RequestRegister register;
  @Autowired Inventory inventory;
  @Autowired DisclosurePackage disclosure;
  @Autowired ProvisionRegister provisions;
  @Autowired ProvisionMatches matches;
  @Autowired ObjectMapper json;

  @BeforeEach
  void inventory() {
    DisclosureFixtures.categories(inventory);
  }

  @Test
  void anEnglishAnnexListsTheConfirmedProvisionRecordsAndNotTheRejectedOne() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long confirmed = record("annex-confirmed-" + tag, "Partner Points " + tag);
    long rejected = record("annex-rejected-" + tag, "Other Lists " + tag);
    DeskRequest request = TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE)
        .language("en").register();
    matches.decide(request.id(), confirmed, ProvisionMatches.Verdict.CONFIRMED, "desk");
    matches.decide(request.id(), rejected, ProvisionMatches.Verdict.REJECTED, "desk");
    disclosure.addItem(request, DisclosureFixtures.CONTACT_HISTORY, null, "contact-history.csv", "text/csv",
        new ByteArrayInputStream(DisclosureFixtures.csv()), "desk");

    assertThat(disclosure.freeze(request.id(), "desk")).isPresent();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    disclosure.writeArchive(request.id(), zip);
    Map<String, byte[]> files = DisclosurePackageEndToEndTest.unzip(zip.toByteArray());

    String annex = files.entrySet().stream().filter(e -> e.getKey().startsWith("annex/"))
        .map(e -> DisclosurePackageEndToEndTest.text(e.getValue())).findFirst().orElseThrow();
    assertThat(annex).contains("Annex: the personal data disclosed (reference " + request.reference() + ")",
        "Records of third-party provision", "Partner Points " + tag).doesNotContain("Other Lists " + tag);
    String records = files.entrySet().stream()
        .filter(e -> e.getKey().startsWith("categories/") && e.getKey().endsWith(".csv")
            && new String(e.getValue(), StandardCharsets.UTF_8).contains("counterparty"))
        .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertThat(records).contains("Partner Points " + tag).doesNotContain("Other Lists " + tag);
  }

  /** A provision with the person's consent to a recipient, of the test requests' principal. */
  private long record(String sourceId, String recipient) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("name", TestRequests.PRINCIPAL.name());
    person.put("birthDate", TestRequests.PRINCIPAL.birthDate().toString());
    person.put("phone", TestRequests.PRINCIPAL.phone());
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("sourceId", sourceId);
    record.put("direction", "PROVIDED");
    record.put("basis", "CONSENT");
    record.put("recordForm", "OTHER");
    record.put("recordedOn", LocalDate.now().minusDays(30).toString());
    record.put("providedOn", LocalDate.now().minusDays(30).toString());
    record.put("counterparty", Map.of("name", recipient));
    record.put("dataItems", List.of("name", "phone"));
    record.put("persons", List.of(person));
    return provisions.store(List.of(json.convertValue(record, ProvisionRecordInput.class)), "crm-system")
        .records().get(0).id();
  }
}
