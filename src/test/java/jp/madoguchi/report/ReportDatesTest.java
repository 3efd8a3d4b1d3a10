package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Weeks written as Japanese offices write them, and as English readers read them. */
class ReportDatesTest {

  static final ReportWeek FIRST_WEEK_OF_DECEMBER = new ReportWeek(LocalDate.of(2031, 12, 1), LocalDate.of(2031, 12, 7));
  static final ReportWeek OVER_NEW_YEAR = new ReportWeek(LocalDate.of(2031, 12, 29), LocalDate.of(2032, 1, 4));

  @Test
  void japaneseWritesMonthsAndDaysWithAWaveDash() {
    assertThat(ReportDates.week(FIRST_WEEK_OF_DECEMBER, Locale.JAPANESE, false)).isEqualTo("12月1日〜12月7日");
    assertThat(ReportDates.week(FIRST_WEEK_OF_DECEMBER, Locale.JAPANESE, true)).isEqualTo("2031年12月1日〜12月7日");
    assertThat(ReportDates.week(new ReportWeek(LocalDate.of(2031, 12, 29), LocalDate.of(2031, 12, 31)),
        Locale.JAPANESE, false)).isEqualTo("12月29日〜12月31日");
    assertThat(ReportDates.week(OVER_NEW_YEAR, Locale.JAPANESE, false)).isEqualTo("2031年12月29日〜2032年1月4日");
    assertThat(ReportDates.week(new ReportWeek(LocalDate.of(2031, 6, 1), LocalDate.of(2031, 6, 1)),
        Locale.JAPANESE, false)).as("a week cut to one day").isEqualTo("6月1日");
    assertThat(ReportDates.day(LocalDate.of(2032, 1, 5), Locale.JAPANESE, true)).isEqualTo("2032年1月5日");
  }

  @Test
  void englishWritesDayAndShortMonth() {
    assertThat(ReportDates.week(FIRST_WEEK_OF_DECEMBER, Locale.ENGLISH, false)).isEqualTo("1–7 Dec");
    assertThat(ReportDates.week(FIRST_WEEK_OF_DECEMBER, Locale.ENGLISH, true)).isEqualTo("1–7 Dec 2031");
    assertThat(ReportDates.week(new ReportWeek(LocalDate.of(2031, 11, 24), LocalDate.of(2031, 11, 30)),
        Locale.ENGLISH, false)).isEqualTo("24–30 Nov");
    assertThat(ReportDates.week(new ReportWeek(LocalDate.of(2031, 9, 29), LocalDate.of(2031, 10, 5)),
        Locale.ENGLISH, false)).isEqualTo("29 Sep – 5 Oct");
    assertThat(ReportDates.week(OVER_NEW_YEAR, Locale.ENGLISH, false)).isEqualTo("29 Dec 2031 – 4 Jan 2032");
    assertThat(ReportDates.day(LocalDate.of(2031, 6, 1), Locale.ENGLISH, false)).isEqualTo("1 Jun");
  }
}
