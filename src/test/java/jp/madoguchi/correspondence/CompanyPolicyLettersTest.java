package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.madoguchi.calendar.CalendarProperties;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.calendar.DeskDates;
import jp.madoguchi.correspondence.CompanyProperties.AccreditedOrganisation;
import jp.madoguchi.correspondence.CompanyProperties.Desk;
import jp.madoguchi.correspondence.CompanyProperties.Fee;
import jp.madoguchi.correspondence.CompanyProperties.Text;
import jp.madoguchi.correspondence.LetterComposer.ComposedLetter;
import jp.madoguchi.correspondence.LetterComposer.Recipient;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestType;
import org.junit.jupiter.api.Test;

/**
 * What a company's letters say about refunds, about an accredited organisation and about the ways it accepts
 * requests is its own policy, from configuration (APPI names no refund case; three of the five source policies name
 * no accredited organisation; the law prescribes no channel), not text fixed in the templates. Composed without
 * Spring, with two companies that differ only in that policy.
 */
class CompanyPolicyLettersTest {

  private static final Desk DESK = new Desk(new Text("お客様相談窓口", "Customer desk"), "1000005",
      new Text("東京都千代田区丸の内1-1-1", "1-1-1 Marunouchi"), "03-0000-0000", "desk@example.jp",
      new Text("平日9時〜17時", "weekdays 9:00-17:00"));
  private static final AccreditedOrganisation JIPDEC = new AccreditedOrganisation(
      new Text("一般財団法人日本情報経済社会推進協会 個人情報保護苦情相談室", "JIPDEC complaint office"), "1060032",
      new Text("東京都港区六本木一丁目9番9号", "1-9-9 Roppongi"), "0120-700-779");
  private static final AccreditedOrganisation NONE = new AccreditedOrganisation(null, null, null, null);

  @Test
  void aCompanyThatIsNoMemberOfAnAccreditedOrganisationNamesNone() {
    LetterComposer member = composer(JIPDEC, null);
    LetterComposer noMember = composer(NONE, null);

    for (String language : List.of("ja", "en")) {
      assertThat(text(member, LetterKind.NON_DISCLOSURE, language)).contains(JIPDEC.name().in(language));
      String answered = text(noMember, LetterKind.NON_DISCLOSURE, language);
      assertThat(answered).doesNotContain(JIPDEC.name().in(language)).doesNotContain("認定個人情報保護団体に苦情")
          .doesNotContain("accredited personal information protection organisation of which");
      assertThat(answered).contains(DESK.phone());
      assertThat(text(noMember, LetterKind.COMPLAINT_ANSWER_UNRESOLVED, language))
          .doesNotContain(JIPDEC.name().in(language))
          .contains(language.equals("ja") ? "認定個人情報保護団体の対象事業者となっておりません"
              : "not a member of an accredited personal information protection organisation");
      assertThat(text(member, LetterKind.COMPLAINT_ANSWER_UNRESOLVED, language))
          .contains(JIPDEC.name().in(language), JIPDEC.phone());
    }
  }

  @Test
  void theFeeRequestSaysTheDesksOwnRefundPolicyOrNothing() {
    Text refunds = new Text("お支払いいただいた手数料は、該当する個人データがなかった場合に限りお返しいたします。",
        "We refund the fee only when we hold no data about you.");

    for (String language : List.of("ja", "en")) {
      assertThat(text(composer(JIPDEC, refunds), LetterKind.FEE_REQUEST, language)).contains(refunds.in(language));
      String silent = text(composer(JIPDEC, null), LetterKind.FEE_REQUEST, language);
      assertThat(silent).doesNotContain("お返し").doesNotContain("refund");
      assertThat(silent).contains(DESK.email());
    }
  }

  @Test
  void theLettersNameOnlyTheWaysTheCompanyAcceptsRequestsAndNoVisitWhenItTakesNone() {
    LetterComposer everyWay = composer(JIPDEC, null, DESK);
    LetterComposer webAndPost = composer(JIPDEC, null, new Desk(DESK.name(), DESK.postalCode(), DESK.address(),
        DESK.phone(), DESK.email(), DESK.hours(), List.of(Channel.POST, Channel.WEB)));

    assertThat(text(everyWay, LetterKind.WITHDRAWAL_CONFIRMATION, "ja"))
        .contains("改めてのご請求は、当社ウェブサイトの受付ページ、郵送、電子メール、お電話又は窓口へのご来訪にて、いつでも承ります。");
    assertThat(text(webAndPost, LetterKind.WITHDRAWAL_CONFIRMATION, "ja"))
        .contains("改めてのご請求は、当社ウェブサイトの受付ページ又は郵送にて、いつでも承ります。");
    assertThat(text(everyWay, LetterKind.ABANDONED, "en")).contains("whenever you are ready, through the request page "
        + "on our website, by post, by e-mail, by telephone or in person at our desk;");
    assertThat(text(webAndPost, LetterKind.ABANDONED, "en"))
        .contains("whenever you are ready, through the request page on our website or by post;");
    // a desk that takes no e-mail has the questions about a web request answered on paper
    assertThat(text(everyWay, LetterKind.REQUEST_FORM_AND_CHECKLIST, "ja")).contains("電子メールにて")
        .doesNotContain("郵便にてご返送");
    assertThat(text(webAndPost, LetterKind.REQUEST_FORM_AND_CHECKLIST, "ja")).contains("郵便にてご返送")
        .doesNotContain("電子メールにて");

    for (LetterKind kind : LetterKind.values()) {
      for (String language : List.of("ja", "en")) {
        assertThat(text(webAndPost, kind, language)).as("%s in %s", kind, language)
            .doesNotContain("来訪").doesNotContain("来社").doesNotContainIgnoringCase("visit")
            .doesNotContain("in person");
      }
    }
  }

  @Test
  void aLetterReadsTheHistoryAndTheEnclosureOnlyWhenItShowsThem() {
    int[] enclosures = {0};
    int[] histories = {0};
    ReplyAttachments attachments = new ReplyAttachments() {
      @Override
      public boolean hasArchive(long requestId, LetterKind kind) {
        return true;
      }

      @Override
      public Optional<Enclosure> enclosure(long requestId, String language) {
        enclosures[0]++;
        return Optional.of(new Enclosure(7, 3, 12, List.of()));
      }
    };
    LetterComposer composer = composer(JIPDEC, null, DESK, attachments);
    Supplier<List<RequestEvent>> history = () -> {
      histories[0]++;
      return List.of();
    };

    assertThat(text(composer, LetterKind.ACKNOWLEDGEMENT, "ja", history)).contains("MDG-2026-000001");
    assertThat(text(composer, LetterKind.EMAIL_CONFIRMATION, "en", history)).contains("MDG-2026-000001");
    assertThat(enclosures[0]).isZero();
    assertThat(histories[0]).isZero();
    // the fee request says what part was referred to a client, if any: the history, no enclosure
    assertThat(text(composer, LetterKind.FEE_REQUEST, "ja", history)).contains("MDG-2026-000001");
    assertThat(enclosures[0]).isZero();
    assertThat(histories[0]).isEqualTo(1);
    histories[0] = 0;

    // the disclosure shows its enclosure and the request's history (what was referred elsewhere): each read once
    assertThat(text(composer, LetterKind.DISCLOSURE, "ja", history)).contains("7ページ").contains("資料12件");
    assertThat(enclosures[0]).isEqualTo(1);
    assertThat(histories[0]).isEqualTo(1);
    assertThat(text(composer, LetterKind.DISCLOSURE, "en", history)).contains("12");
    assertThat(enclosures[0]).isEqualTo(2);
  }

  private static LetterComposer composer(AccreditedOrganisation organisation, Text refundPolicy) {
    return composer(organisation, refundPolicy, DESK);
  }

  private static LetterComposer composer(AccreditedOrganisation organisation, Text refundPolicy, Desk desk) {
    return composer(organisation, refundPolicy, desk, ReplyAttachments.NONE);
  }

  private static LetterComposer composer(AccreditedOrganisation organisation, Text refundPolicy, Desk desk,
      ReplyAttachments attachments) {
    CompanyProperties company = new CompanyProperties(new Text("株式会社サンプル", "Sample Co., Ltd."), "1000005",
        new Text("東京都千代田区丸の内1-1-1", "1-1-1 Marunouchi"), new Text("代表取締役 山田一郎", "Ichiro Yamada"),
        new Text("個人情報保護管理者 佐藤花子", "Hanako Sato"), desk,
        new Fee(new Text("1,000円(税込)", "JPY 1,000"), new Text("サンプル銀行", "Sample Bank"), refundPolicy),
        organisation, List.of(new Text("サービスの提供", "providing our services")));
    CorrespondenceProperties correspondence = new CorrespondenceProperties(14, 12, Duration.ofMinutes(1), 2.0,
        Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(10), 50, "test", 1, 4, 1);
    return new LetterComposer(new LetterTemplates(), new LetterVocabulary(), new PdfLetterWriter(1), company,
        correspondence, new PublicSiteProperties(URI.create("http://localhost:8080")),
        new DeskCalendar(CalendarProperties.defaults()), new DeskDates(CalendarProperties.defaults()),
        requestId -> List.of(), new EmailConfirmationProperties(Duration.ofDays(7), 10),
        attachments);
  }

  private static String text(LetterComposer composer, LetterKind kind, String language) {
    return text(composer, kind, language, List::of);
  }

  private static String text(LetterComposer composer, LetterKind kind, String language,
      Supplier<List<RequestEvent>> history) {
    Party person = new Party("山田 太郎", null, null, "1000001", "東京都千代田区千代田1-1", null, "taro@example.jp");
    DeskRequest request = new DeskRequest(1L, "MDG-2026-000001", kind == LetterKind.COMPLAINT_ANSWER_UNRESOLVED
        ? RequestType.COMPLAINT : RequestType.DISCLOSURE, Channel.WEB, PersonalInformationKind.ORDINARY,
        kind == LetterKind.COMPLAINT_ANSWER_UNRESOLVED ? null : DisclosureMethod.PAPER, language,
        LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T01:00:00Z"), RequestStatus.DECIDING, person, null, null,
        "通話録音", new Deadlines(10, LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 15), null, 0, false, false),
        null);
    ComposedLetter letter = composer.compose(request, kind,
        new Recipient(RecipientRole.PRINCIPAL, person.name(), person.email(), Delivery.PAPER),
        LetterFacts.NONE.withFeeAmount(1000L), history, Instant.parse("2026-12-08T01:00:00Z"));
    return letter.text();
  }
}
