package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.UnmaskedNumber;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An upload that shows a My Number or an unmasked insurer number: staff mark it on the request file, it is deleted
 * at once (bytes and file name; the record that it came, its kind, size and digest stay), the deletion is in the
 * history with who did it, and the requester is asked for a masked copy in a letter that says what to mask and why.
 */
@DeskTest
class UnmaskedUploadTest {

  private static final byte[] PDF = """
      %PDF-1.4
      1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
      trailer << /Root 1 0 R >>
      %%EOF
      """.getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @Test
  void aCopyShowingAMyNumberIsDeletedAtOnceRecordedAndTheRequesterAskedForAMaskedCopy() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    RequestDocument back = documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "マイナンバーカード裏面.pdf",
        PDF, "requester");
    // the document as stored is the document as the register reads it back
    assertThat(documents.documentsOf(request.id())).containsExactly(back);
    assertThat(documents.withContent(request.id(), PDF)).contains(back);
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    String path = "/desk/requests/" + request.reference() + "/documents/" + back.id() + "/unmasked";
    Page file = desk.get("/desk/requests/" + request.reference());
    String csrf = file.document().selectFirst("#unmasked-form-" + back.id() + " input[name=_csrf]").val();

    assertThat(desk.postForm(path, Map.of("shows", "MY_NUMBER")).status()).as("without the CSRF token")
        .isEqualTo(403);
    Page noReason = desk.postForm(path, Map.of("_csrf", csrf));
    assertThat(noReason.response().headers().firstValue("Location").orElseThrow()).endsWith("?unmasked=reasonMissing");
    assertThat(documents.content(back.id())).contains(PDF);

    Page deleted = desk.postForm(path, Map.of("_csrf", csrf, "shows", "MY_NUMBER"));

    assertThat(deleted.response().headers().firstValue("Location").orElseThrow()).endsWith("?unmasked=deleted");
    assertThat(documents.content(back.id())).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM request_document WHERE id = ? AND (content IS NOT NULL"
        + " OR original_file_name IS NOT NULL)").param(back.id()).query(Long.class).single()).isZero();
    assertThat(documents.documentsOf(request.id())).singleElement().satisfies(kept -> {
      assertThat(kept.kind()).isEqualTo(DocumentKind.IDENTITY_DOCUMENT);
      assertThat(kept.sizeBytes()).isEqualTo(PDF.length);
      assertThat(kept.sha256()).isEqualTo(back.sha256());
      assertThat(kept.uploadedAt()).isEqualTo(back.uploadedAt());
      assertThat(kept.originalFileName()).isNull();
      assertThat(kept.erased()).isTrue();
      assertThat(kept.contentDeletedBy()).isEqualTo("desk");
      assertThat(kept.unmaskedNumber()).isEqualTo(UnmaskedNumber.MY_NUMBER);
    });
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .contains("DOCUMENT_RECEIVED", "DOCUMENT_DELETED_UNMASKED");
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("DOCUMENT_DELETED_UNMASKED"))
        .singleElement().satisfies(event -> {
          assertThat(event.actor()).isEqualTo("desk");
          assertThat(event.detail()).contains("IDENTITY_DOCUMENT #" + back.id(), "MY_NUMBER", back.sha256())
              .doesNotContain("マイナンバーカード裏面");
        });

    List<OutboundLetter> asked = outbox.lettersOf(request.id()).stream()
        .filter(letter -> letter.kind() == LetterKind.MISSING_DOCUMENTS).toList();
    assertThat(asked).singleElement().satisfies(letter ->
        assertThat(letter.recipientRole()).isEqualTo(OutboundLetter.RecipientRole.PRINCIPAL));
    assertThat(letterText(asked.get(0))).contains(
        "個人番号(マイナンバー)が見える状態で写っておりました",
        "行政手続における特定の個人を識別するための番号の利用等に関する法律",
        "確認に用いることなく、直ちに削除いたしました",
        "個人番号(マイナンバー)を黒く塗りつぶすなどして見えないようにした写しを、改めてお送りください",
        "マイナンバーカードは、表面(お名前、ご住所、生年月日、顔写真のある面)のみの写しをお送りください")
        .doesNotContain("回答の目標期限は進行を止めております");

    Page after = desk.get("/desk/requests/" + request.reference() + "?unmasked=deleted");
    assertThat(after.document().selectFirst("#unmasked-deleted")).isNotNull();
    assertThat(after.document().selectFirst("#unmasked-form-" + back.id())).as("nothing left to delete").isNull();
    assertThat(after.html()).doesNotContain("マイナンバーカード裏面.pdf").contains("削除済み（個人番号（マイナンバー）が写っている。desk、");
    assertThat(desk.get("/desk/requests/" + request.reference() + "/documents/" + back.id()).status())
        .isEqualTo(404);

    Page again = desk.postForm(path, Map.of("_csrf", csrf, "shows", "MY_NUMBER"));
    assertThat(again.response().headers().firstValue("Location").orElseThrow()).endsWith("?unmasked=alreadyGone");
    assertThat(outbox.lettersOf(request.id())).filteredOn(letter -> letter.kind() == LetterKind.MISSING_DOCUMENTS)
        .hasSize(1);
  }

  @Test
  void anEnglishRequesterIsToldToMaskTheInsurerNumberAndWhy() throws Exception {
    DeskRequest request = TestRequests.request(register).language("en").register();
    RequestDocument card = documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "certificate.pdf", PDF,
        "requester");
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    Page file = desk.get("/desk/requests/" + request.reference());
    String csrf = file.document().selectFirst("#unmasked-form-" + card.id() + " input[name=_csrf]").val();

    desk.postForm("/desk/requests/" + request.reference() + "/documents/" + card.id() + "/unmasked",
        Map.of("_csrf", csrf, "shows", "INSURER_NUMBER"));

    assertThat(documents.content(card.id())).isEmpty();
    OutboundLetter letter = outbox.lettersOf(request.id()).stream()
        .filter(l -> l.kind() == LetterKind.MISSING_DOCUMENTS).findFirst().orElseThrow();
    assertThat(letterText(letter)).contains(
        "showed the insurer number and the insured person's symbol and number",
        "The Health Insurance Act and related laws forbid asking anyone for their insurer number",
        "deleted the copy at once, without using it",
        "Please send the copy again with the insurer number and the insured person's symbol and number blacked out");
  }

  @Test
  void aMyNumberRequestsUploadCannotBeTouchedByStaffWhoMayNotSeeIt() throws Exception {
    DeskRequest request = TestRequests.request(register).specific().register();
    RequestDocument copy = documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "copy.pdf", PDF, "requester");
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    DeskRequest ordinary = TestRequests.request(register).register();
    String csrf = desk.get("/desk/requests/" + ordinary.reference()).document()
        .selectFirst("#withdrawal-form input[name=_csrf]").val();

    Page refused = desk.postForm("/desk/requests/" + request.reference() + "/documents/" + copy.id() + "/unmasked",
        Map.of("_csrf", csrf, "shows", "MY_NUMBER"));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(documents.content(copy.id())).contains(PDF);
  }

  private String letterText(OutboundLetter letter) {
    return jdbc.sql("SELECT body_text FROM letter_document WHERE letter_id = ?").param(letter.id())
        .query(String.class).single();
  }
}
