package jp.madoguchi.provision;

import static jp.madoguchi.provision.ProvisionFixtures.person;
import static jp.madoguchi.provision.ProvisionFixtures.provided;
import static jp.madoguchi.provision.ProvisionFixtures.sourceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding a person's records: 「ヤマダ　タロウ」 with phone {@code ０３-1234-5678} is a candidate for a record holding
 * 「ﾔﾏﾀﾞ ﾀﾛｳ」 and {@code 0312345678}; the same phone with another date of birth is a conflict; name and date of
 * birth together make a candidate; someone else is none. Staff confirm or reject each candidate on the desk page of
 * the request and mark a record whose existence is protected; every view and verdict is in the request's history.
 */
@DeskTest
class ProvisionCandidatesTest {

  static final Party PERSON = new Party("山田 太郎", "ヤマダ　タロウ", LocalDate.of(1980, 4, 1), "1000001",
      "東京都千代田区千代田1-1", "０３-1234-5678", null);

  @Autowired ProvisionRegister register;
  @Autowired ProvisionMatches matches;
  @Autowired RequestRegister requests;
  @Autowired ObjectMapper json;

  @Autowired jp.madoguchi.inventory.Inventory inventory;

  /** The category and the recipient the fixtures' records name are in the data inventory. */
  @org.junit.jupiter.api.BeforeEach
  void recipientsInTheInventory() {
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER");
  }

  @LocalServerPort int port;

  DeskRequest request;
  long samePerson;
  long otherBirthDate;
  long nameAndBirthDate;
  long someoneElse;

  @BeforeEach
  void records() {
    LocalDate day = LocalDate.of(2026, 11, 2);
    samePerson = store(day, person(null, "ﾔﾏﾀﾞ ﾀﾛｳ", "1980-04-01", "0312345678", null));
    otherBirthDate = store(day, person(null, "ﾔﾏﾀﾞ ﾀﾛｳ", "1979-01-01", "0312345678", null));
    nameAndBirthDate = store(day, person("山田太郎", null, "1980-04-01", null, "yamada.t@example.com"));
    someoneElse = store(day, person("佐藤 花子", "サトウ ハナコ", "1980-04-01", "0399990000", null));
    request = TestRequests.request(requests).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).principal(PERSON)
        .register();
  }

  @Test
  void aCandidateIsFoundThroughNormalisedIdentifiersAndAContradictionIsAConflict() {
    Map<Long, ProvisionMatches.Candidate> found = byRecord(matches.candidates(request));

    assertThat(found).containsKeys(samePerson, otherBirthDate, nameAndBirthDate).doesNotContainKey(someoneElse);
    assertThat(found.get(samePerson).matchedOn()).containsExactlyInAnyOrder(ProvisionMatches.MatchedOn.PHONE,
        ProvisionMatches.MatchedOn.NAME_AND_BIRTH_DATE);
    assertThat(found.get(samePerson).conflict()).isFalse();
    assertThat(found.get(otherBirthDate).matchedOn()).containsExactly(ProvisionMatches.MatchedOn.PHONE);
    assertThat(found.get(otherBirthDate).conflict()).isTrue();
    assertThat(found.get(otherBirthDate).contradictions()).containsExactly(ProvisionMatches.Contradiction.BIRTH_DATE);
    assertThat(found.get(nameAndBirthDate).matchedOn())
        .containsExactly(ProvisionMatches.MatchedOn.NAME_AND_BIRTH_DATE);
    assertThat(found.get(nameAndBirthDate).conflict()).isFalse();
  }

  @Test
  void staffConfirmRejectAndProtectOnTheRequestsPageAndOnlyTheConfirmedUnprotectedRecordIsDisclosed()
      throws Exception {
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    String path = "/desk/requests/" + request.reference() + "/provision-records";

    PageClient.Page page = desk.get(path);

    assertThat(page.status()).isEqualTo(200);
    assertThat(row(page, otherBirthDate).attr("data-conflict")).isEqualTo("true");
    assertThat(row(page, otherBirthDate).text()).contains("不一致", "生年月日");
    assertThat(row(page, samePerson).attr("data-conflict")).isEqualTo("false");
    assertThat(page.document().select("tr[data-record=" + someoneElse + "]")).isEmpty();

    String csrf = PageClient.csrf(page);
    assertThat(desk.postForm(path + "/" + samePerson + "/verdict", Map.of("_csrf", csrf, "verdict", "CONFIRMED"))
        .status()).isEqualTo(302);
    desk.postForm(path + "/" + otherBirthDate + "/verdict", Map.of("_csrf", csrf, "verdict", "REJECTED"));
    desk.postForm(path + "/" + nameAndBirthDate + "/verdict", Map.of("_csrf", csrf, "verdict", "CONFIRMED"));
    desk.postForm(path + "/" + nameAndBirthDate + "/protection",
        Map.of("_csrf", csrf, "ground", "CRIME_PREVENTION"));
    assertThat(desk.postForm(path + "/" + someoneElse + "/verdict", Map.of("_csrf", csrf, "verdict", "CONFIRMED"))
        .status()).as("a record that is no candidate of the request").isEqualTo(404);

    assertThat(matches.disclosed(request.id())).extracting(ProvisionRecord::id).containsExactly(samePerson);
    PageClient.Page after = desk.get(path);
    assertThat(row(after, samePerson).attr("data-verdict")).isEqualTo("CONFIRMED");
    assertThat(row(after, otherBirthDate).attr("data-verdict")).isEqualTo("REJECTED");
    assertThat(register.find(nameAndBirthDate).orElseThrow().existenceProtected()).isTrue();
    assertThat(requests.events(request.id())).extracting(RequestEvent::eventType)
        .contains("PROVISION_CANDIDATES_VIEWED", "PROVISION_RECORD_CONFIRMED", "PROVISION_RECORD_REJECTED",
            "PROVISION_RECORD_PROTECTED");
  }

  private static Element row(PageClient.Page page, long recordId) {
    Element row = page.document().selectFirst("tr[data-record=" + recordId + "]");
    assertThat(row).as("the row of record %s", recordId).isNotNull();
    return row;
  }

  private static Map<Long, ProvisionMatches.Candidate> byRecord(List<ProvisionMatches.Candidate> candidates) {
    Map<Long, ProvisionMatches.Candidate> map = new java.util.HashMap<>();
    candidates.forEach(candidate -> map.put(candidate.record().id(), candidate));
    return map;
  }

  private long store(LocalDate day, Map<String, Object> person) {
    String id = sourceId("match");
    return register.store(List.of(json.convertValue(provided(id, "OTHER", day, List.of(person)),
        ProvisionRecordInput.class)), "crm-system").records().get(0).id();
  }
}
