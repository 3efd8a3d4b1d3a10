package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * APPI Art 37(4): the letter that follows "Check the request" asks for what staff found missing and nothing else, by
 * the channel the requester used. The request runs through the real process; the letter is read as it was composed.
 */
@DeskTest
class MissingRequestDetailsLetterTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  // how the letters name each item (letters/vocabulary*.properties)
  static final String DATA_CONCERNED_JA = "対象となる個人データを特定するための事項";
  static final String DATA_CONCERNED_EN = "Details that help us find the personal data concerned";
  static final String SIGNATURE_JA = "ご請求者のご署名又はご捺印";
  static final List<String> OTHER_ITEMS_JA = List.of("ご請求の種類(", "ご請求の内容とその理由", "開示の方法のご希望",
      "ご署名又はご捺印");

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired LetterDocuments documents;
  @Autowired CompanyProperties company;
  @Autowired PublicSiteProperties site;

  @BeforeEach
  void clockAtArrival() {
    ClockUtil.setCurrentTime(Date.from(tokyo("2026-12-01T10:00")));
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aWebRequesterIsAskedOnlyForTheMissingDetailsByEmailOrTheStatusPageNeverByPost() throws IOException {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).channel(Channel.WEB)
        .register();
    ProcessDriver desk = start(request);

    checkRequestMissing(desk, "DATA_CONCERNED");

    OutboundLetter letter = letter(request, LetterKind.REQUEST_FORM_AND_CHECKLIST);
    assertThat(letter.delivery()).isEqualTo(Delivery.EMAIL);
    String text = text(letter);
    writeExample("request-form-and-checklist-web", letter);
    assertThat(text).contains("ご請求の内容についてのお尋ね", DATA_CONCERNED_JA,
        "お手数をおかけいたしますが、次の事項をお知らせくださいますようお願い申し上げます。",
        "電子メールにて " + company.desk().email() + " 宛にお知らせください", site.link("/status"),
        "郵送によるご回答は不要です");
    // only the item ticked; no form to fill in and post back, no identity documents (identity verification asks)
    assertThat(OTHER_ITEMS_JA).allSatisfy(item -> assertThat(text).doesNotContain(item));
    assertThat(text).doesNotContain("ご記入欄", "ご返送ください", "個人情報請求書在中", "本人確認書類", "ご請求書にご記入");

    // ten business days later the reminder repeats the same item and the same way to answer
    desk.clockAt(tokyo("2026-12-15T17:00"));
    String reminder = text(letter(request, LetterKind.REMINDER));
    assertThat(reminder).contains("ご請求の内容についてのお尋ね(再度のお願い)", "先日お尋ねした事項へのご回答",
        DATA_CONCERNED_JA, "電子メールにて " + company.desk().email()).doesNotContain("個人情報請求書在中", "請求書");
  }

  @Test
  void anEnglishEmailRequesterIsAskedByEmailInEnglish() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).channel(Channel.EMAIL)
        .language("en").register();
    ProcessDriver desk = start(request);

    checkRequestMissing(desk, "DATA_CONCERNED");

    String text = text(letter(request, LetterKind.REQUEST_FORM_AND_CHECKLIST));
    assertThat(text).contains("Details we need for your request", DATA_CONCERNED_EN,
        "Please answer by e-mail to " + company.desk().email(), "There is no need to send anything by post")
        .doesNotContain("Your answer", "post this letter back", "request form", "identity document",
            "Which request you are making");
  }

  @Test
  void aRequesterWhoWroteByPostIsAskedToReplyByPostWithTheSpacesToFillIn() {
    DeskRequest request = TestRequests.request(register).type(RequestType.CORRECTION).channel(Channel.POST)
        .withoutEmail().register();
    ProcessDriver desk = start(request);

    checkRequestMissing(desk, "SIGNATURE_OR_SEAL");

    OutboundLetter letter = letter(request, LetterKind.REQUEST_FORM_AND_CHECKLIST);
    assertThat(letter.delivery()).isEqualTo(Delivery.PAPER);
    String text = text(letter);
    assertThat(text).contains(SIGNATURE_JA, "下欄にご記入のうえ、この書状を下記の送付先まで郵便にてご返送ください",
        "改めてご請求書をお送りいただく必要はございません", "ご記入欄", "ご署名又はご捺印: ",
        company.desk().address().ja())
        // the letter itself carries the reference: no covering note to write
        .doesNotContain(DATA_CONCERNED_JA, "電子メールにて", "本人確認書類", "メモを同封");
  }

  private ProcessDriver start(DeskRequest request) {
    starter.start(request);
    return new ProcessDriver(engine, request.reference()).runJobs();
  }

  private static void checkRequestMissing(ProcessDriver desk, String... codes) {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", false,
        "missingRequestDetails", Spin.JSON(List.of(codes))));
  }

  private OutboundLetter letter(DeskRequest request, LetterKind kind) {
    List<OutboundLetter> letters = outbox.lettersOf(request.id()).stream().filter(l -> l.kind() == kind).toList();
    assertThat(letters).as("%s letters of %s", kind, request.reference()).hasSize(1);
    return letters.get(0);
  }

  private String text(OutboundLetter letter) {
    return documents.find(letter.id()).orElseThrow().text();
  }

  /** The e-mail's subject and text, for {@code docs/examples/mail/} (see {@code docs/examples/render.sh}). */
  private void writeExample(String name, OutboundLetter letter) throws IOException {
    LetterDocuments.StoredLetter stored = documents.find(letter.id()).orElseThrow();
    Path file = LetterPdfTest.EXAMPLES.resolve("mail").resolve(letter.language()).resolve(name + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "Subject: " + stored.subject() + "\n\n" + stored.text());
  }

  private static Instant tokyo(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
  }
}
