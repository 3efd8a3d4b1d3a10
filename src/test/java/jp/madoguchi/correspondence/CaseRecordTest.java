package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.madoguchi.request.RequestEvent;
import org.junit.jupiter.api.Test;

/** What letters repeat from the register's history; the latest decision and note count. */
class CaseRecordTest {

  static RequestEvent event(String type, String detail) {
    return new RequestEvent(1, 1, Instant.EPOCH, "desk", type, detail);
  }

  @Test
  void theReasonsAreTheNoteWrittenWithTheLatestDecision() {
    CaseRecord record = CaseRecord.of(List.of(
        event("DECISION_NONE", "grounds [SIGNIFICANT_BUSINESS_HINDRANCE]"),
        event("NOTE", "Task_DecideOnRequest/refusalReasons: 件数が多いため"),
        event("REFUSAL_SENT_BACK", null),
        event("NOTE", "Task_ApproveRefusal/managerComment: 件数だけでは不可"),
        event("DECISION_PARTIAL", "grounds [HARM_TO_PERSON_OR_THIRD_PARTY, VIOLATION_OF_LAWS]"),
        event("NOTE", "Task_DecideOnRequest/refusalReasons: 第三者の発言を含むため\n二行目/refusalReasons: も含む")));

    assertThat(record.decision()).isEqualTo("PARTIAL");
    assertThat(record.refusalGrounds()).containsExactly("HARM_TO_PERSON_OR_THIRD_PARTY", "VIOLATION_OF_LAWS");
    assertThat(record.refusalReasons()).isEqualTo("第三者の発言を含むため\n二行目/refusalReasons: も含む");
  }

  @Test
  void aDecisionInFullAfterARefusalHasNoReasons() {
    CaseRecord record = CaseRecord.of(List.of(
        event("DECISION_NONE", "grounds [DATA_ACCURATE]"),
        event("NOTE", "Task_DecideOnRequest/refusalReasons: 訂正の根拠が確認できないため"),
        event("DECISION_FULL", null)));

    assertThat(record.refusalReasons()).isNull();
  }

  /** Decisions recorded before contract version 4 held their reasons in the event's detail. */
  @Test
  void theLatestDecisionWithItsGroundsAndReasonsCounts() {
    CaseRecord record = CaseRecord.of(List.of(
        event("DECISION_NONE", "grounds [SIGNIFICANT_BUSINESS_HINDRANCE]; reasons: 件数が多いため"),
        event("REFUSAL_SENT_BACK", "件数だけでは不可"),
        event("DECISION_PARTIAL", "grounds [HARM_TO_PERSON_OR_THIRD_PARTY, VIOLATION_OF_LAWS]; reasons: 第三者の"
            + "発言を含むため\n二行目; reasons: も含む")));

    assertThat(record.decision()).isEqualTo("PARTIAL");
    assertThat(record.refusalGrounds()).containsExactly("HARM_TO_PERSON_OR_THIRD_PARTY", "VIOLATION_OF_LAWS");
    assertThat(record.refusalReasons()).isEqualTo("第三者の発言を含むため\n二行目; reasons: も含む");
  }

  @Test
  void aDecisionInFullHasNeitherGroundsNorReasons() {
    CaseRecord record = CaseRecord.of(List.of(
        event("DECISION_NONE", "grounds null; reasons: 訂正の根拠が確認できないため"),
        event("DECISION_FULL", null)));

    assertThat(record.decision()).isEqualTo("FULL");
    assertThat(record.refusalGrounds()).isEmpty();
    assertThat(record.refusalReasons()).isNull();
  }

  @Test
  void notesAreReadByTheirNameOnly() {
    CaseRecord record = CaseRecord.of(List.of(
        event("NOTE", "Task_DecideOnRequest/paperReasonNote: 大容量のため"),
        event("NOTE", "Task_InvestigateRetainedData/investigationNote: 記録に/paperReasonNote: の文字"),
        event("NOTE", "Task_DecideOnRequest/actionTakenNote: 住所を訂正"),
        event("NOTE", null)));

    assertThat(record.paperReason()).isEqualTo("大容量のため");
    assertThat(record.actionTaken()).isEqualTo("住所を訂正");
  }

  @Test
  void theIdentityFindingsAreTheLatestOfTheirKind() {
    CaseRecord record = CaseRecord.of(List.of(
        event("IDENTITY_MORE_DOCUMENTS_NEEDED", "POWER_OF_ATTORNEY"),
        event("IDENTITY_MORE_DOCUMENTS_NEEDED", "AGENT_IDENTITY_DOCUMENT"),
        event("IDENTITY_REJECTED", "DOCUMENTS_DO_NOT_MATCH_REQUESTER")));

    assertThat(record.moreDocumentsFinding()).isEqualTo("AGENT_IDENTITY_DOCUMENT");
    assertThat(record.rejectionFinding()).isEqualTo("DOCUMENTS_DO_NOT_MATCH_REQUESTER");
  }
}
