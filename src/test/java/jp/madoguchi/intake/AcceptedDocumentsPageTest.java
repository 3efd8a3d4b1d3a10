package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The request page lists the identity documents accepted now: the eligibility certificate in place of the health
 * insurance card no longer issued, the pension book still usable, the My Number card front only, and what happens
 * to a copy that shows a number the desk may not keep.
 */
@DeskTest
class AcceptedDocumentsPageTest {

  @LocalServerPort int port;

  @Test
  void theRequestPageSaysWhichDocumentsAreAcceptedNowInJapaneseAndEnglish() throws Exception {
    PageClient browser = new PageClient(port);

    String japanese = browser.get("/request").document().select("fieldset.group ul.hint").text();
    String english = browser.get("/request?lang=en").document().select("fieldset.group ul.hint").text();

    assertThat(japanese).contains("健康保険の資格確認書", "マイナンバーカード（表面のみ）",
        "従来の健康保険証は、2024年12月2日以降は発行されておらず", "本人確認書類としてお取り扱いできません",
        "年金手帳は2022年4月以降は発行されていませんが", "発行から6か月以内の住民票の写し",
        "確認に用いることなく直ちに削除し");
    assertThat(english).contains("health insurance eligibility certificate", "My Number card (front only)",
        "have not been issued since 2 December 2024", "Pension books have not been issued since April 2022",
        "a resident record issued within 6 months", "is deleted unused at once");
  }

  @Test
  void theFooterGivesTheDesksNameAndHoursAsTheCompanyConfiguredThem() throws Exception {
    PageClient browser = new PageClient(port);

    assertThat(browser.get("/request").document().select("footer.site-footer").text())
        .isEqualTo("お客様相談室 個人情報窓口　受付時間：平日 9:00〜17:00(土日・祝日・12月31日〜1月3日を除く)");
    assertThat(browser.get("/notice?lang=en").document().select("footer.site-footer").text())
        .startsWith("Personal Information Desk").contains("Opening hours: weekdays 9:00-17:00 Japan time");
  }
}
