package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.madoguchi.deadline.SlaClock;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A refusal letter cites the articles of its own request type: Art 32 for a purpose notification (never Art 33),
 * Art 33(2) as applied by Art 33(5) for third-party provision records (which it calls 第三者提供記録, not 保有個人データ),
 * Art 34 for a correction, Art 35 for a suspension. A My Number records request is told that no records exist,
 * without a fee; the staff reminder shows an Art 39 date only where Art 39 applies.
 */
@DeskTest
class GroundsInLettersTest {

  @Autowired RequestRegister register;
  @Autowired RequestDecisions decisions;
  @Autowired CorrespondenceService correspondence;
  @Autowired Outbox outbox;
  @Autowired LetterDocuments documents;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired SlaClock clock;

  LetterFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new LetterFixtures(register, decisions, correspondence, outbox, transactionManager);
  }

  @Test
  void aPurposeNotificationRefusalCitesArticle32AndNeverArticle33() throws IOException {
    String ja = refusal(RequestType.PURPOSE_NOTIFICATION, "ja", List.of("PURPOSES_ALREADY_CLEAR"),
        "non-disclosure-purpose-notification");
    assertThat(ja).contains("利用目的を通知しないことについて", "お知らせいたします(個人情報保護法第32条第3項、第36条)",
        "理由(個人情報保護法第32条第2項ただし書)", "利用目的が明らかであるため(同条第2項第1号)")
        .doesNotContain("第33条");

    String en = refusal(RequestType.PURPOSE_NOTIFICATION, "en", List.of("PURPOSE_NOTICE_HINDERS_AUTHORITIES"),
        "non-disclosure-purpose-notification");
    assertThat(en).contains("Our decision not to notify the purposes of use", "(Articles 32(3) and 36 of the Act",
        "Grounds (Article 32(2), proviso)", "(APPI Articles 32(2)(ii) and 21(4)(iii))")
        .doesNotContain("Article 33").doesNotContain("33(");
  }

  @Test
  void aRecordsRefusalSpeaksOfTheRecordsUnderArticle33Paragraph5() throws IOException {
    String ja = refusal(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE, "ja", List.of("VIOLATION_OF_LAWS"),
        "non-disclosure-third-party-records");
    assertThat(ja).contains("第三者提供記録を開示しないことについて", "ご本人に関する第三者提供記録の全部を開示しない",
        "個人情報保護法第33条第5項において準用する同条第3項", "理由(個人情報保護法第33条第5項において準用する同条第2項)")
        .doesNotContain("保有個人データ");

    String en = refusal(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE, "en", List.of("VIOLATION_OF_LAWS"),
        "non-disclosure-third-party-records");
    assertThat(en).contains("Our decision not to disclose the records of provision to and from third parties",
        "Grounds (Article 33(2), as applied by Article 33(5))").doesNotContain("retained personal data");

    String disclosure = refusal(RequestType.DISCLOSURE, "ja", List.of("VIOLATION_OF_LAWS"), null);
    assertThat(disclosure).contains("保有個人データを開示しないことについて", "(個人情報保護法第33条第3項、第36条)",
        "理由(個人情報保護法第33条第2項)").doesNotContain("第32条");
  }

  @Test
  void aCorrectionRefusalCitesArticle34() {
    DeskRequest request = TestRequests.request(register).type(RequestType.CORRECTION).register();
    decide(request, "NONE", List.of("DATA_ACCURATE"), "ご登録の生年月日は、ご提出の書類と一致しています。");

    String text = letter(request, LetterKind.CORRECTION_RESULT);

    assertThat(text).contains("調査の結果、訂正等を行わないことといたしました。",
        "訂正等を行わなかった理由(個人情報保護法第34条第2項、第36条)",
        "内容が事実でないとは認められなかったため(個人情報保護法第34条第1項、第2項)",
        "ご登録の生年月日は、ご提出の書類と一致しています。").doesNotContain("第33条");
  }

  @Test
  void aSuspensionRefusalCitesArticle35AndItsAlternativeMeasure() {
    DeskRequest request = TestRequests.request(register).type(RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION)
        .language("en").register();
    decide(request, "NONE", List.of("ALTERNATIVE_MEASURE_TAKEN"), "Stopping it at once would need a rebuild.");
    register.recordEvent(request.id(), "desk", "NOTE",
        "Task_DecideOnRequest/actionTakenNote: " + LetterFixtures.ALTERNATIVE_MEASURE);

    String text = letter(request, LetterKind.SUSPENSION_RESULT);

    assertThat(text).contains("The result of your request to stop provision to third parties",
        "We decided not to take the measure you requested.", "we took an alternative measure",
        "(APPI Article 35(2), (4) or (6), proviso)", "Why we did not take the measure as requested (Articles 35 and 36)",
        LetterFixtures.ALTERNATIVE_MEASURE).doesNotContain("Article 33");

    DeskRequest notMet = TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE).register();
    decide(notMet, "NONE", List.of("STATUTORY_CONDITION_NOT_MET"), "目的外の利用は確認されませんでした。");
    assertThat(letter(notMet, LetterKind.SUSPENSION_RESULT))
        .contains("ご請求が、個人情報保護法第35条第1項、第3項又は第5項に定める要件に該当しないため")
        .doesNotContain("代替措置をとりました");
  }

  @Test
  void aMyNumberRecordsRequestIsToldThatNoRecordsExistAndIsNeverAskedForAFee() throws IOException {
    DeskRequest request = TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).specific()
        .register();

    assertThat(letter(request, LetterKind.ACKNOWLEDGEMENT)).doesNotContain("手数料");
    assertThat(example(request, LetterKind.NO_DATA_HELD, "no-data-held-my-number-records")).contains("ご請求の対象となる第三者提供記録がないことについて",
        "番号利用法)第19条の定める場合を除き", "個人情報保護法第29条及び第30条に基づく第三者提供記録の作成の対象となりません",
        "ご請求の対象となる第三者提供記録は存在しません。", "手数料はいただきません")
        .doesNotContain("保有個人データはございませんでした");

    DeskRequest english = TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).specific()
        .language("en").register();
    assertThat(example(english, LetterKind.NO_DATA_HELD, "no-data-held-my-number-records")).contains("No such records therefore exist",
        "Article 19 of the Act on the Use of Numbers", "Articles 29 and 30", "We charge no fee");

    DeskRequest ordinary = TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).register();
    assertThat(letter(ordinary, LetterKind.ACKNOWLEDGEMENT)).contains("当社所定の手数料");
    assertThat(letter(ordinary, LetterKind.NO_DATA_HELD)).contains("保有個人データはございませんでした")
        .doesNotContain("番号利用法");
  }

  @Test
  void theStaffReminderShowsAnArt39DateOnlyWhereArticle39Applies() {
    DeskRequest purpose = TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION).register();
    clock.start(purpose.id(), 10, "test");
    DeskRequest records = TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).register();
    clock.start(records.id(), 10, "test");

    assertThat(letter(purpose, LetterKind.STAFF_REMINDER)).contains("目標期限 / Target deadline")
        .doesNotContain("第39条").doesNotContain("Art 39");
    assertThat(letter(records, LetterKind.STAFF_REMINDER))
        .contains("第39条の期日(到達から2週間)/ Art 39 date (two weeks after arrival): 2026年12月15日");
  }

  // ------------------------------------------------------------------------------------------------------------

  private String refusal(RequestType type, String language, List<String> grounds, String exampleName)
      throws IOException {
    DeskRequest request = TestRequests.request(register).type(type).language(language).withoutEmail().register();
    // the example letters read as a desk would write them: the reasons fit the ground
    decide(request, "NONE", grounds, grounds.contains("PURPOSES_ALREADY_CLEAR")
        ? LetterFixtures.PURPOSES_PUBLISHED_REASONS : LetterFixtures.REFUSAL_REASONS);
    return exampleName == null ? letter(request, LetterKind.NON_DISCLOSURE)
        : example(request, LetterKind.NON_DISCLOSURE, exampleName);
  }

  /** The letter's text; its PDF goes to {@code target/letter-examples/} beside the one of each kind, for the docs. */
  private String example(DeskRequest request, LetterKind kind, String name) throws IOException {
    long letterId = fixtures.queue(register.find(request.id()), kind, false);
    LetterDocuments.StoredLetter letter = documents.find(letterId).orElseThrow();
    Path file = LetterPdfTest.EXAMPLES.resolve(request.language()).resolve(name + ".pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, letter.pdf());
    return letter.text();
  }

  /** Decides through the desk's own validation, as the task listener does; the reasons follow as the step's note. */
  private void decide(DeskRequest request, String decision, List<String> grounds, String reasons) {
    RequestDecisions.Submission submission = new RequestDecisions.Submission(request.type(), decision, grounds,
        reasons, grounds.contains("ALTERNATIVE_MEASURE_TAKEN") ? LetterFixtures.ALTERNATIVE_MEASURE : null);
    assertThat(decisions.problems(submission)).as("the desk's validation").isEmpty();
    decisions.record(request.id(), submission, "desk");
    LetterFixtures.noteReasons(register, request.id(), reasons);
  }

  private String letter(DeskRequest request, LetterKind kind) {
    long letterId = fixtures.queue(register.find(request.id()), kind, false);
    return documents.find(letterId).orElseThrow().text();
  }
}
