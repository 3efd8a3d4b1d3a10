package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import jp.madoguchi.calendar.DeskDates;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The history shows staff the register's sentences in their own words, Japanese or English, while the register keeps
 * them as written: no English glue ("via", "to", "by", "yen of") left in a Japanese page. Without Spring, with the
 * pages' own messages.
 */
class RegisterWordsTest {

  private final RegisterWords words = new RegisterWords(messages(), DeskDates.ofDefaults());

  @Test
  void theRegistersSentencesReadInJapaneseAndInEnglish() {
    assertThat(words.text("DISCLOSURE via WEB", Locale.JAPANESE)).isEqualTo("保有個人データの開示(ウェブで受付)");
    assertThat(words.text("DISCLOSURE via WEB", Locale.ENGLISH))
        .isEqualTo("Disclosure of your personal data (channel: Web)");
    assertThat(words.text("ACKNOWLEDGEMENT to PRINCIPAL by EMAIL", Locale.JAPANESE))
        .isEqualTo("受付のお知らせ:本人宛、メール");
    assertThat(words.text("ACKNOWLEDGEMENT to AGENT", Locale.JAPANESE)).isEqualTo("受付のお知らせ:代理人宛");
    assertThat(words.text("500 yen of 1000 by STAMPS", Locale.JAPANESE)).isEqualTo("手数料1000円のうち500円を受領(郵便切手)");
    assertThat(words.text("500 yen of 1000 by STAMPS", Locale.ENGLISH))
        .isEqualTo("Fee: 500 yen received of 1000 yen (Postage stamps)");
    assertThat(words.text("target 2026-12-15 (10 business days), Art 39 2026-12-15", Locale.JAPANESE))
        .startsWith("目標期限 2026年12月15日").contains("(10営業日)、第39条の期日 2026年12月15日")
        .doesNotContain("target").doesNotContain("business");
    assertThat(words.text("waiting for the requester since 2026-12-03", Locale.JAPANESE))
        .startsWith("2026年12月3日").endsWith("から請求者の対応待ち");
    assertThat(words.text("ACKNOWLEDGEMENT to PRINCIPAL after 5 attempt(s), undeliverable", Locale.JAPANESE))
        .isEqualTo("受付のお知らせ:本人宛、5回試行、配達不能");
    assertThat(words.text("retention period ended", Locale.JAPANESE)).isEqualTo("保存期間の満了");
    assertThat(words.text("principal's e-mail address", Locale.ENGLISH)).isEqualTo("The person's e-mail address");
  }

  @Test
  void everyRefusalGroundTheLettersKnowHasItsWordsForStaffInBothLanguages() throws java.io.IOException {
    java.util.Properties letters = new java.util.Properties();
    try (java.io.Reader reader = new java.io.InputStreamReader(
        getClass().getResourceAsStream("/letters/vocabulary_ja.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
      letters.load(reader);
    }
    List<String> grounds = letters.stringPropertyNames().stream().filter(key -> key.startsWith("ground."))
        .map(key -> key.substring("ground.".length())).sorted().toList();
    assertThat(grounds).hasSizeGreaterThan(10);
    for (String ground : grounds) {
      String both = words.labelBoth("words.refusalGround.", ground);
      assertThat(both).as(ground).contains(" / ").doesNotContain(RegisterWords.spelledOut(ground));
    }
  }

  @Test
  void aTextOfNoKnownSentenceStillHasItsCodesAndDatesInWords() {
    assertThat(words.text("電話で確認済み。DISCLOSURE 2026-12-01", Locale.JAPANESE))
        .isEqualTo("電話で確認済み。保有個人データの開示 2026年12月1日(火)");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
