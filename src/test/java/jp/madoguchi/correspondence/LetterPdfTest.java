package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every letter to a requester or a client, in Japanese and English, as the PDF that is printed for registered mail
 * (and downloaded by electronic requesters): A4, the embedded Japanese font, the reference number and what the
 * register says. Each PDF is also written to {@code target/letter-examples/} for {@code docs/examples/}.
 */
@DeskTest
class LetterPdfTest {

  static final Path EXAMPLES = Path.of("target", "letter-examples");

  @Autowired RequestRegister register;
  @Autowired RequestDecisions decisions;
  @Autowired CorrespondenceService correspondence;
  @Autowired Outbox outbox;
  @Autowired LetterDocuments documents;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired CompanyProperties company;

  LetterFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new LetterFixtures(register, decisions, correspondence, outbox, transactionManager);
  }

  static Stream<Arguments> lettersWithPdf() {
    List<Arguments> arguments = new ArrayList<>();
    for (LetterKind kind : LetterKind.values()) {
      if (kind.hasPdf()) {
        arguments.add(Arguments.of(kind, "ja"));
        arguments.add(Arguments.of(kind, "en"));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("lettersWithPdf")
  void everyLetterIsAnA4PdfWithTheEmbeddedJapaneseFontTheReferenceAndTheCompanysLetterhead(LetterKind kind,
      String language) throws IOException {
    DeskRequest request = fixtures.requestFor(kind, TestRequests.request(register).withoutEmail().language(language));
    long letterId = fixtures.queue(request, kind, false);

    assertThat(outbox.lettersOf(request.id())).filteredOn(l -> l.id() == letterId).singleElement()
        .satisfies(letter -> {
          assertThat(letter.delivery()).isEqualTo(Delivery.PAPER);
          assertThat(letter.status()).isEqualTo(LetterStatus.QUEUED);
        });
    LetterDocuments.StoredLetter stored = documents.find(letterId).orElseThrow();
    byte[] pdf = stored.pdf();
    writeExample(kind, language, pdf);
    // what an e-mail reads of it: the letter, the same text, whether there is a PDF, not the PDF's bytes
    assertThat(outbox.findForMail(letterId)).hasValueSatisfying(read -> {
      assertThat(read.letter().id()).isEqualTo(letterId);
      assertThat(read.letter().reference()).isEqualTo(request.reference());
      assertThat(read.letter().hasPdf()).isTrue();
      LetterDocuments.StoredLetter forMail = read.stored().orElseThrow();
      assertThat(forMail.letterId()).isEqualTo(letterId);
      assertThat(forMail.requestId()).isEqualTo(request.id());
      assertThat(forMail.hasPdf()).isTrue();
      assertThat(forMail.pdf()).isNull();
      assertThat(forMail.subject()).isEqualTo(stored.subject());
      assertThat(forMail.text()).isEqualTo(stored.text());
      assertThat(forMail.pages()).isEqualTo(stored.pages()).isPositive();
    });

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isBetween(1, 4);
      for (PDPage page : document.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
      }
      assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
        assertThat(font.getName()).contains(PdfLetterWriter.FONT_NAME);
      });
      String text = compact(new PDFTextStripper().getText(document));
      String letterLanguage = kind.bilingual() ? "ja" : language;
      assertThat(text).contains(compact(request.reference()))
          .contains(compact(company.name().in(letterLanguage)))
          .contains(compact(company.desk().phone()));
      if ("ja".equals(letterLanguage)) {
        assertThat(text).contains("受付番号").contains(compact(TestRequests.PRINCIPAL.name()));
      } else {
        assertThat(text).contains("Reference").contains(compact(TestRequests.PRINCIPAL.name()));
      }
      assertThat(text).contains(compact(expectedContent(kind, language)));
    }
  }

  @Test
  void aRefusalStatesItsArticle33GroundsItsReasonsAndTheAccreditedOrganisationToComplainTo() throws IOException {
    DeskRequest request = fixtures.requestFor(LetterKind.NON_DISCLOSURE,
        TestRequests.request(register).withoutEmail());
    long letterId = fixtures.queue(request, LetterKind.NON_DISCLOSURE, false);

    String text = text(documents.find(letterId).orElseThrow().pdf());

    assertThat(text).contains(compact("当社の業務の適正な実施に著しい支障を及ぼすおそれがあるため(個人情報保護法第33条第2項第2号)"))
        .contains(compact("他の法令に違反することとなるため(個人情報保護法第33条第2項第3号)"))
        .contains(compact(LetterFixtures.REFUSAL_REASONS))
        .contains(compact(company.accreditedOrganisation().name().ja()))
        .contains(compact(company.accreditedOrganisation().phone()))
        .contains(compact(company.desk().email()));
  }

  @Test
  void aLetterToAnAgentIsAddressedToTheAgentOnBehalfOfThePerson() throws IOException {
    DeskRequest request = fixtures.requestFor(LetterKind.ACKNOWLEDGEMENT,
        TestRequests.request(register).byAgent(AgentKind.AUTHORISED).method(
            jp.madoguchi.request.RequestEnums.DisclosureMethod.PAPER));
    long letterId = fixtures.queue(request, LetterKind.ACKNOWLEDGEMENT, false);

    String text = text(documents.find(letterId).orElseThrow().pdf());

    assertThat(text).contains(compact(TestRequests.AGENT.name() + " 様"))
        .contains(compact(TestRequests.AGENT.address()))
        .contains(compact("ご本人 " + TestRequests.PRINCIPAL.name() + " 様の代理人"))
        .contains(compact("代理人様にお送りしております"))
        .doesNotContain(compact(TestRequests.PRINCIPAL.address()));
  }

  @Test
  void aClientIsToldWhoAskedAndWhatInBothLanguages() throws IOException {
    DeskRequest request = fixtures.requestFor(LetterKind.CLIENT_NOTIFICATION, TestRequests.request(register));
    long letterId = fixtures.queue(request, LetterKind.CLIENT_NOTIFICATION, false);

    String text = text(documents.find(letterId).orElseThrow().pdf());

    assertThat(text).contains(compact(LetterFixtures.CLIENT + " 御中"))
        .contains(compact("Referral of a request concerning personal data"))
        .contains(compact(TestRequests.PRINCIPAL.address()))
        .contains(compact(TestRequests.PRINCIPAL.email()));
  }

  /** What a letter of the kind must say, beyond its letterhead: the facts it exists to tell. */
  private String expectedContent(LetterKind kind, String language) {
    boolean ja = "ja".equals(language);
    return switch (kind) {
      case ACKNOWLEDGEMENT -> ja ? "今後の流れ" : "What happens next";
      case REQUEST_FORM_AND_CHECKLIST -> ja ? "対象となる個人データを特定するための事項"
          : "Details that help us find the personal data concerned";
      case MISSING_DOCUMENTS -> ja ? "ご本人の本人確認書類の写し1点" : "A copy of one identity document";
      case FEE_REQUEST, REMINDER -> ja ? "定額小為替" : "Postal money order";
      case ABANDONED -> ja ? "不足している書類" : "the missing documents";
      case WITHDRAWAL_CONFIRMATION -> ja ? "取下げのお申出をいただきました" : "you have withdrawn";
      case IDENTITY_REJECTED -> ja ? "ご請求書に記載の方と一致しませんでした" : "do not match the person named";
      case ENTRUSTED_REFERRAL -> LetterFixtures.CLIENT;
      case CLIENT_NOTIFICATION -> "ご請求の内容 / The request";
      case PURPOSE_NOTIFICATION -> company.purposesOfUse().get(0).in(language);
      case DISCLOSURE -> ja ? "顧客データベース" : "Customer database";
      case PARTIAL_DISCLOSURE -> LetterFixtures.PARTIAL_REASONS;
      case NON_DISCLOSURE -> LetterFixtures.REFUSAL_REASONS;
      case NO_DATA_HELD -> ja ? "保有個人データはございませんでした" : "We hold no retained personal data";
      case METHOD_CHANGED_TO_PAPER -> LetterFixtures.PAPER_REASON;
      case CORRECTION_RESULT -> LetterFixtures.ACTION_TAKEN;
      case SUSPENSION_RESULT -> LetterFixtures.ALTERNATIVE_MEASURE;
      case COMPLAINT_ACKNOWLEDGEMENT -> ja ? "苦情・ご相談の受付について" : "Your complaint has been received";
      case COMPLAINT_ANSWER -> ja ? "苦情・ご相談への回答" : "Our answer to your complaint";
      case COMPLAINT_ANSWER_UNRESOLVED -> company.accreditedOrganisation().name().in(language);
      case STAFF_REMINDER, STATUS_KEY, EMAIL_CONFIRMATION -> throw new IllegalArgumentException(kind + " has no PDF");
    };
  }

  private static List<PDFont> fonts(PDDocument document) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name));
      }
    }
    return fonts;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return compact(new PDFTextStripper().getText(document));
    }
  }

  /** Without white space: a phrase may be broken over two lines of the page. */
  static String compact(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }

  private static void writeExample(LetterKind kind, String language, byte[] pdf) throws IOException {
    Path file = EXAMPLES.resolve(language).resolve(kind.fileName() + ".pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, pdf);
  }

  static List<LetterKind> kindsWithPdf() {
    return Arrays.stream(LetterKind.values()).filter(LetterKind::hasPdf).toList();
  }
}
