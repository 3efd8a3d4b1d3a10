package jp.madoguchi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseHolidaysTest {

  private static final LocalDate REFERENCE_START = LocalDate.of(1970, 1, 1);
  private static final LocalDate REFERENCE_END = LocalDate.of(2050, 12, 31);

  // holiday_jp spells some days differently from the laws' names, which this class uses
  private static final Map<String, String> REFERENCE_SPELLINGS =
      Map.of(
          "休日", JapaneseHolidays.CITIZENS_HOLIDAY,
          "体育の日（スポーツの日）", "体育の日",
          "大喪の礼", "昭和天皇の大喪の礼",
          "結婚の儀", "皇太子徳仁親王の結婚の儀");

  @Test
  void everyDateFrom1970To2050AgreesWithTheReferenceList() {
    SortedMap<LocalDate, String> reference = reference();
    List<String> disagreements = new ArrayList<>();

    for (LocalDate day = REFERENCE_START; !day.isAfter(REFERENCE_END); day = day.plusDays(1)) {
      boolean listed = reference.containsKey(day);
      boolean ours = JapaneseHolidays.isHoliday(day);
      if (listed && !ours) {
        disagreements.add(day + " is listed (" + reference.get(day) + ") but not a holiday here");
      } else if (ours && !listed) {
        disagreements.add(day + " is a holiday here (" + JapaneseHolidays.holidayName(day).orElseThrow()
            + ") but not listed");
      }
    }

    assertThat(reference).hasSizeGreaterThan(1000);
    assertThat(disagreements).isEmpty();
  }

  @Test
  void everyNameAgreesWithTheReferenceListUpToSpelling() {
    List<String> disagreements = new ArrayList<>();

    reference()
        .forEach(
            (day, listedName) -> {
              String expected = expectedName(day, listedName);
              String ours = JapaneseHolidays.holidayName(day).orElse("(none)");
              if (!ours.equals(expected)) {
                disagreements.add(day + ": listed " + listedName + ", here " + ours);
              }
            });

    assertThat(disagreements).isEmpty();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "1970-01-15, 成人の日",
    "1973-04-30, 振替休日",
    "1973-09-24, 振替休日",
    "1988-05-04, 国民の休日",
    "1989-02-24, 昭和天皇の大喪の礼",
    "1989-04-29, みどりの日",
    "1989-12-23, 天皇誕生日",
    "1990-11-12, 即位礼正殿の儀",
    "1993-06-09, 皇太子徳仁親王の結婚の儀",
    "1996-07-20, 海の日",
    "2000-01-10, 成人の日",
    "2003-09-15, 敬老の日",
    "2007-04-29, 昭和の日",
    "2008-05-06, 振替休日",
    "2009-09-22, 国民の休日",
    "2016-08-11, 山の日",
    "2018-12-24, 振替休日",
    "2019-04-30, 国民の休日",
    "2019-05-01, 天皇の即位の日",
    "2019-05-02, 国民の休日",
    "2019-10-14, 体育の日",
    "2019-10-22, 即位礼正殿の儀",
    "2020-02-23, 天皇誕生日",
    "2020-07-23, 海の日",
    "2020-07-24, スポーツの日",
    "2020-08-10, 山の日",
    "2021-07-22, 海の日",
    "2021-07-23, スポーツの日",
    "2021-08-08, 山の日",
    "2021-08-09, 振替休日",
    "2026-09-22, 国民の休日",
    "2027-01-11, 成人の日",
    "2030-03-20, 春分の日",
    "2030-09-23, 秋分の日"
  })
  void trickyDatesAreHolidaysWithTheirNames(LocalDate date, String name) {
    assertThat(JapaneseHolidays.holidayName(date)).contains(name);
    assertThat(JapaneseHolidays.isHoliday(date)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a Sunday holiday before substitute holidays began on 1973-04-12
        "1973-02-12",
        // May 4th on a Sunday before 2007 was no citizens' holiday, and the Monday after it no substitute
        "1986-05-04",
        "1995-07-20",
        // the second Monday of October before the Happy Monday system
        "1998-10-12",
        "2019-12-23",
        "2020-10-12",
        "2021-08-11",
        "2021-10-11",
        "2026-12-31",
        "2027-01-04"
      })
  void daysThatLookLikeHolidaysAreNot(LocalDate date) {
    assertThat(JapaneseHolidays.holidayName(date)).isEmpty();
  }

  @Test
  void yearsAfterTheReferenceFollowTodaysRules() {
    for (int year = 2051; year <= 2150; year++) {
      SortedMap<LocalDate, String> holidays = JapaneseHolidays.holidaysIn(year);

      List<String> nationalHolidays =
          holidays.values().stream()
              .filter(name -> !name.equals(JapaneseHolidays.SUBSTITUTE_HOLIDAY))
              .filter(name -> !name.equals(JapaneseHolidays.CITIZENS_HOLIDAY))
              .toList();

      assertThat(nationalHolidays).as("%d", year).doesNotHaveDuplicates().hasSize(16);
      assertThat(JapaneseHolidays.vernalEquinoxDay(year)).as("vernal equinox %d", year).isBetween(19, 22);
      assertThat(JapaneseHolidays.autumnalEquinoxDay(year)).as("autumnal equinox %d", year).isBetween(21, 24);
    }
    assertThat(JapaneseHolidays.holidaysIn(2051)).containsEntry(LocalDate.of(2051, Month.JANUARY, 9), "成人の日");
  }

  @Test
  void datesBeforeTheSupportedRangeAreRefused() {
    assertThatThrownBy(() -> JapaneseHolidays.isHoliday(LocalDate.of(1969, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1970-01-01");
  }

  private static String expectedName(LocalDate day, String listedName) {
    if (listedName.endsWith(" " + JapaneseHolidays.SUBSTITUTE_HOLIDAY)) {
      return JapaneseHolidays.SUBSTITUTE_HOLIDAY;
    }
    if (listedName.equals("休日（祝日扱い）")) {
      return day.getMonth() == Month.MAY ? "天皇の即位の日" : "即位礼正殿の儀";
    }
    return REFERENCE_SPELLINGS.getOrDefault(listedName, listedName);
  }

  private static SortedMap<LocalDate, String> reference() {
    Path file = HolidayReference.locate().orElse(null);
    Assumptions.assumeTrue(
        file != null,
        "jp-holidays.yml not found: set -D" + HolidayReference.PROPERTY + "=<path> or keep shared/reference/ beside "
            + "or above the project; skipping the comparison with the reference list");
    return HolidayReference.read(file);
  }
}
