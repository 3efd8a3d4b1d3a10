package jp.madoguchi.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess.RefusalGround;
import jp.madoguchi.request.RequestType;
import org.junit.jupiter.api.Test;

/**
 * Each request type's refusal rests on the grounds the law gives it: purpose notification on Art 32(2), disclosure
 * and third-party provision records on Art 33(2), correction on Art 34, suspension on Art 35. The validation names
 * the type's own article and refuses another type's ground.
 */
class RefusalGroundsTest {

  // the check reads nothing from the register: only recording does
  private final RequestDecisions decisions = new RequestDecisions(null);

  @Test
  void aPurposeNotificationRefusalRestsOnArticle32AndNeverOnArticle33() {
    List<String> withoutGround = decisions.problems(refusal(RequestType.PURPOSE_NOTIFICATION, "NONE", List.of()));
    assertThat(withoutGround).singleElement().asString().contains("第32条第2項", "Art 32(2)")
        .doesNotContain("33");

    List<String> withDisclosureGround = decisions.problems(
        refusal(RequestType.PURPOSE_NOTIFICATION, "NONE", List.of("HARM_TO_PERSON_OR_THIRD_PARTY")));
    assertThat(withDisclosureGround).singleElement().asString()
        .contains("Not a ground for this type of request", "Art 32(2)", "HARM_TO_PERSON_OR_THIRD_PARTY");

    for (String ground : List.of("PURPOSES_ALREADY_CLEAR", "PURPOSE_NOTICE_HARMS_PERSON_OR_THIRD_PARTY",
        "PURPOSE_NOTICE_HARMS_COMPANY_INTERESTS", "PURPOSE_NOTICE_HINDERS_AUTHORITIES")) {
      assertThat(decisions.problems(refusal(RequestType.PURPOSE_NOTIFICATION, "NONE", List.of(ground))))
          .as(ground).isEmpty();
    }
  }

  @Test
  void aDisclosureOrRecordsRefusalRestsOnArticle33Paragraph2() {
    assertThat(decisions.problems(refusal(RequestType.DISCLOSURE, "PARTIAL", List.of())))
        .singleElement().asString().contains("第33条第2項", "Art 33(2)");
    assertThat(decisions.problems(refusal(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE, "NONE", List.of())))
        .singleElement().asString().contains("第33条第5項で準用する同条第2項", "Art 33(2) as applied by Art 33(5)");
    assertThat(decisions.problems(refusal(RequestType.DISCLOSURE, "NONE", List.of("PURPOSES_ALREADY_CLEAR"))))
        .singleElement().asString().contains("Not a ground", "Art 33(2)");
    for (RequestType type : List.of(RequestType.DISCLOSURE, RequestType.THIRD_PARTY_RECORDS_DISCLOSURE)) {
      assertThat(decisions.problems(refusal(type, "NONE",
          List.of("HARM_TO_PERSON_OR_THIRD_PARTY", "SIGNIFICANT_BUSINESS_HINDRANCE", "VIOLATION_OF_LAWS"))))
          .as("%s", type).isEmpty();
    }
  }

  @Test
  void aCorrectionRefusalRestsOnArticle34() {
    assertThat(decisions.problems(new RequestDecisions.Submission(RequestType.CORRECTION, "NONE", List.of(),
        "生年月日は正しい記録です", null))).singleElement().asString().contains("第34条第2項", "Art 34(2)");
    assertThat(decisions.problems(new RequestDecisions.Submission(RequestType.CORRECTION, "NONE",
        List.of("SIGNIFICANT_BUSINESS_HINDRANCE"), "生年月日は正しい記録です", null)))
        .singleElement().asString().contains("Not a ground", "Art 34(2)");
    assertThat(decisions.problems(new RequestDecisions.Submission(RequestType.CORRECTION, "NONE",
        List.of("DATA_ACCURATE"), "生年月日は正しい記録です", null))).isEmpty();
    assertThat(decisions.problems(new RequestDecisions.Submission(RequestType.CORRECTION, "PARTIAL",
        List.of("CORRECTION_NOT_NEEDED_FOR_PURPOSE"), "旧姓の追加は利用目的に必要ありません", "住所を訂正")))
        .isEmpty();
  }

  @Test
  void aSuspensionRefusalRestsOnArticle35AndAnAlternativeMeasureIsStated() {
    for (RequestType type : List.of(RequestType.SUSPENSION_OF_USE, RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION)) {
      assertThat(decisions.problems(new RequestDecisions.Submission(type, "NONE", List.of(),
          "目的外利用の事実はありません", null))).as("%s", type).singleElement().asString().contains("第35条", "Art 35");
      assertThat(decisions.problems(new RequestDecisions.Submission(type, "NONE",
          List.of("STATUTORY_CONDITION_NOT_MET"), "目的外利用の事実はありません", null))).as("%s", type).isEmpty();
      assertThat(decisions.problems(new RequestDecisions.Submission(type, "NONE",
          List.of("ALTERNATIVE_MEASURE_TAKEN"), "基幹システムの改修に多額の費用を要するため", null)))
          .as("%s", type).singleElement().asString().contains("alternative measure");
      assertThat(decisions.problems(new RequestDecisions.Submission(type, "NONE",
          List.of("ALTERNATIVE_MEASURE_TAKEN"), "基幹システムの改修に多額の費用を要するため",
          "該当項目を利用停止とし、アクセスを管理者に限定しました"))).as("%s", type).isEmpty();
      assertThat(decisions.problems(new RequestDecisions.Submission(type, "NONE",
          List.of("VIOLATION_OF_LAWS"), "理由", null))).as("%s", type).singleElement().asString()
          .contains("Not a ground");
    }
  }

  @Test
  void aDecisionInFullTakesNoGroundAndEveryGroundBelongsToATypeTheOldOnesToDisclosureOnly() {
    assertThat(decisions.problems(refusal(RequestType.DISCLOSURE, "FULL", List.of("VIOLATION_OF_LAWS"))))
        .singleElement().asString().contains("A decision in full takes no refusal grounds");
    for (RefusalGround ground : RefusalGround.values()) {
      assertThat(Arrays.stream(RequestType.values()).filter(type -> RequestDecisions.groundsFor(type).contains(ground)))
          .as("%s", ground).isNotEmpty();
    }
    for (RefusalGround versionOne : List.of(RefusalGround.HARM_TO_PERSON_OR_THIRD_PARTY,
        RefusalGround.SIGNIFICANT_BUSINESS_HINDRANCE, RefusalGround.VIOLATION_OF_LAWS)) {
      assertThat(Arrays.stream(RequestType.values()).filter(type -> RequestDecisions.groundsFor(type).contains(versionOne)))
          .as("%s keeps its Art 33(2) meaning", versionOne)
          .containsExactlyInAnyOrder(RequestType.DISCLOSURE, RequestType.THIRD_PARTY_RECORDS_DISCLOSURE);
    }
    assertThat(RequestDecisions.groundsFor(RequestType.COMPLAINT)).isEmpty();
  }

  private static RequestDecisions.Submission refusal(RequestType type, String decision, List<String> grounds) {
    return new RequestDecisions.Submission(type, decision, grounds, "具体的な理由", null);
  }
}
