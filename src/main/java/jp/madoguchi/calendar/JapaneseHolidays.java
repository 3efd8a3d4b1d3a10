package jp.madoguchi.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Japan's national holidays under the Act on National Holidays (国民の祝日に関する法律) and the special laws that
 * added single days, computed from the rules rather than taken from a library or a list, so that the calendar keeps
 * working after any list ends.
 *
 * <p>Covered, with their history since 1970:
 *
 * <ul>
 *   <li>the national holidays (国民の祝日) on fixed dates and, from 2000 and 2003, on Mondays (Happy Monday system),
 *       including the renamings (みどりの日, 昭和の日, スポーツの日) and the moves of 天皇誕生日 in 1989 and 2020;
 *   <li>the vernal and autumnal equinox days by the astronomical approximation formula used for the Cabinet
 *       Office's announcements (the official dates are fixed each February for the next year only);
 *   <li>substitute holidays (振替休日): from 1973-04-12 the Monday after a holiday on a Sunday, from 2007 the first
 *       day after it that is not a national holiday;
 *   <li>citizens' holidays (国民の休日): from 1985-12-27 a day between two national holidays (until 2006 not a
 *       Sunday);
 *   <li>days made holidays by special laws: 1989-02-24, 1990-11-12, 1993-06-09, 2019-05-01 and 2019-10-22 (the
 *       last two count as national holidays, which makes 2019-04-30 and 2019-05-02 citizens' holidays), and the
 *       Olympic moves of 海の日, スポーツの日 and 山の日 in 2020 and 2021.
 * </ul>
 *
 * <p>Dates before 1970 are refused rather than answered from rules that did not apply then. Years after the last
 * announcement follow today's rules; an amendment of the Act needs a change here.
 */
public final class JapaneseHolidays {

  /** The first date this class answers for. */
  public static final LocalDate FIRST_SUPPORTED_DATE = LocalDate.of(1970, 1, 1);

  static final String SUBSTITUTE_HOLIDAY = "振替休日";
  static final String CITIZENS_HOLIDAY = "国民の休日";

  private static final int OPEN_END = Integer.MAX_VALUE;

  private static final LocalDate SUBSTITUTE_HOLIDAYS_FROM = LocalDate.of(1973, 4, 12);
  private static final LocalDate CITIZENS_HOLIDAYS_FROM = LocalDate.of(1985, 12, 27);
  // the 2005 amendment, in force from 2007: substitutes move past further holidays, Sundays may be citizens' holidays
  private static final LocalDate AMENDMENT_OF_2007 = LocalDate.of(2007, 1, 1);

  private static final List<Rule> NATIONAL_HOLIDAYS =
      List.of(
          fixed("元日", Month.JANUARY, 1, 1949, OPEN_END),
          fixed("成人の日", Month.JANUARY, 15, 1949, 1999),
          monday("成人の日", Month.JANUARY, 2, 2000, OPEN_END),
          fixed("建国記念の日", Month.FEBRUARY, 11, 1967, OPEN_END),
          new Rule("春分の日", 1949, OPEN_END, year -> LocalDate.of(year, Month.MARCH, vernalEquinoxDay(year))),
          fixed("天皇誕生日", Month.APRIL, 29, 1949, 1988),
          fixed("みどりの日", Month.APRIL, 29, 1989, 2006),
          fixed("昭和の日", Month.APRIL, 29, 2007, OPEN_END),
          fixed("憲法記念日", Month.MAY, 3, 1949, OPEN_END),
          fixed("みどりの日", Month.MAY, 4, 2007, OPEN_END),
          fixed("こどもの日", Month.MAY, 5, 1949, OPEN_END),
          fixed("海の日", Month.JULY, 20, 1996, 2002),
          monday("海の日", Month.JULY, 3, 2003, 2019),
          fixed("海の日", Month.JULY, 23, 2020, 2020),
          fixed("海の日", Month.JULY, 22, 2021, 2021),
          monday("海の日", Month.JULY, 3, 2022, OPEN_END),
          fixed("山の日", Month.AUGUST, 11, 2016, 2019),
          fixed("山の日", Month.AUGUST, 10, 2020, 2020),
          fixed("山の日", Month.AUGUST, 8, 2021, 2021),
          fixed("山の日", Month.AUGUST, 11, 2022, OPEN_END),
          fixed("敬老の日", Month.SEPTEMBER, 15, 1966, 2002),
          monday("敬老の日", Month.SEPTEMBER, 3, 2003, OPEN_END),
          new Rule("秋分の日", 1948, OPEN_END, year -> LocalDate.of(year, Month.SEPTEMBER, autumnalEquinoxDay(year))),
          fixed("体育の日", Month.OCTOBER, 10, 1966, 1999),
          monday("体育の日", Month.OCTOBER, 2, 2000, 2019),
          fixed("スポーツの日", Month.JULY, 24, 2020, 2020),
          fixed("スポーツの日", Month.JULY, 23, 2021, 2021),
          monday("スポーツの日", Month.OCTOBER, 2, 2022, OPEN_END),
          fixed("文化の日", Month.NOVEMBER, 3, 1948, OPEN_END),
          fixed("勤労感謝の日", Month.NOVEMBER, 23, 1948, OPEN_END),
          fixed("天皇誕生日", Month.DECEMBER, 23, 1989, 2018),
          // none in 2019: the Emperor's birthday moved with the abdication
          fixed("天皇誕生日", Month.FEBRUARY, 23, 2020, OPEN_END),
          // the special law of 2018 makes these two days count as national holidays
          fixed("天皇の即位の日", Month.MAY, 1, 2019, 2019),
          fixed("即位礼正殿の儀", Month.OCTOBER, 22, 2019, 2019));

  // rest days by special laws that did not count as national holidays for substitutes and citizens' holidays
  private static final Map<LocalDate, String> SPECIAL_REST_DAYS =
      Map.of(
          LocalDate.of(1989, 2, 24), "昭和天皇の大喪の礼",
          LocalDate.of(1990, 11, 12), "即位礼正殿の儀",
          LocalDate.of(1993, 6, 9), "皇太子徳仁親王の結婚の儀");

  private static final Map<Integer, SortedMap<LocalDate, String>> HOLIDAYS_BY_YEAR = new ConcurrentHashMap<>();

  private JapaneseHolidays() {}

  /**
   * The name of the holiday on {@code date}: the holiday's own name, {@value #SUBSTITUTE_HOLIDAY} or
   * {@value #CITIZENS_HOLIDAY}.
   *
   * @throws IllegalArgumentException for a date before {@link #FIRST_SUPPORTED_DATE}
   */
  public static Optional<String> holidayName(LocalDate date) {
    return Optional.ofNullable(holidaysIn(date.getYear()).get(date));
  }

  /**
   * Whether {@code date} is a national holiday, a substitute holiday, a citizens' holiday or a rest day by special
   * law. Weekends are not holidays in this sense.
   *
   * @throws IllegalArgumentException for a date before {@link #FIRST_SUPPORTED_DATE}
   */
  public static boolean isHoliday(LocalDate date) {
    return holidaysIn(date.getYear()).containsKey(date);
  }

  /**
   * Every holiday of {@code year} with its name, in date order.
   *
   * @throws IllegalArgumentException for a year before 1970
   */
  public static SortedMap<LocalDate, String> holidaysIn(int year) {
    if (year < FIRST_SUPPORTED_DATE.getYear()) {
      throw new IllegalArgumentException(
          "Japanese holidays are computed from " + FIRST_SUPPORTED_DATE + " on, not for " + year);
    }
    return HOLIDAYS_BY_YEAR.computeIfAbsent(year, JapaneseHolidays::computeHolidays);
  }

  /** The day of March of the vernal equinox day (春分の日), by the approximation formula valid 1900-2150. */
  static int vernalEquinoxDay(int year) {
    if (year <= 1979) {
      return equinoxDay(20_835_700, year, 1983);
    }
    return equinoxDay(year <= 2099 ? 20_843_100 : 21_851_000, year, 1980);
  }

  /** The day of September of the autumnal equinox day (秋分の日), by the approximation formula valid 1900-2150. */
  static int autumnalEquinoxDay(int year) {
    if (year <= 1979) {
      return equinoxDay(23_258_800, year, 1983);
    }
    return equinoxDay(year <= 2099 ? 23_248_800 : 24_248_800, year, 1980);
  }

  /**
   * {@code int(constant + 0.242194 (year - 1980) - int((year - leapBase) / 4))} in millionths of a day, so that no
   * floating-point rounding can shift a day; the inner division truncates towards zero as the published formula does
   * (it matters before 1983).
   */
  private static int equinoxDay(long constantMillionths, int year, int leapBase) {
    long millionths = constantMillionths + 242_194L * (year - 1980) - 1_000_000L * ((year - leapBase) / 4);
    return (int) (millionths / 1_000_000L);
  }

  private static SortedMap<LocalDate, String> computeHolidays(int year) {
    // substitutes and citizens' holidays look at the neighbouring days, which may lie in the neighbouring years
    Map<LocalDate, String> national = new HashMap<>();
    for (int y = year - 1; y <= year + 1; y++) {
      national.putAll(nationalHolidays(y));
    }

    SortedMap<LocalDate, String> holidays = new TreeMap<>(nationalHolidays(year));
    SPECIAL_REST_DAYS.forEach(
        (date, name) -> {
          if (date.getYear() == year) {
            holidays.put(date, name);
          }
        });
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      if (national.containsKey(day)) {
        continue;
      }
      if (isSubstituteHoliday(day, national)) {
        holidays.put(day, SUBSTITUTE_HOLIDAY);
      } else if (isCitizensHoliday(day, national)) {
        holidays.put(day, CITIZENS_HOLIDAY);
      }
    }
    return Collections.unmodifiableSortedMap(holidays);
  }

  private static Map<LocalDate, String> nationalHolidays(int year) {
    Map<LocalDate, String> holidays = new HashMap<>();
    for (Rule rule : NATIONAL_HOLIDAYS) {
      if (rule.appliesIn(year)) {
        holidays.put(rule.date().apply(year), rule.name());
      }
    }
    return holidays;
  }

  private static boolean isSubstituteHoliday(LocalDate day, Map<LocalDate, String> national) {
    for (LocalDate before = day.minusDays(1); national.containsKey(before); before = before.minusDays(1)) {
      if (before.getDayOfWeek() == SUNDAY) {
        boolean nextDay = before.equals(day.minusDays(1));
        return !before.isBefore(AMENDMENT_OF_2007) || (nextDay && !before.isBefore(SUBSTITUTE_HOLIDAYS_FROM));
      }
    }
    return false;
  }

  private static boolean isCitizensHoliday(LocalDate day, Map<LocalDate, String> national) {
    return !day.isBefore(CITIZENS_HOLIDAYS_FROM)
        && national.containsKey(day.minusDays(1))
        && national.containsKey(day.plusDays(1))
        && (day.getDayOfWeek() != SUNDAY || !day.isBefore(AMENDMENT_OF_2007));
  }

  private static Rule fixed(String name, Month month, int dayOfMonth, int firstYear, int lastYear) {
    return new Rule(name, firstYear, lastYear, year -> LocalDate.of(year, month, dayOfMonth));
  }

  private static Rule monday(String name, Month month, int ordinal, int firstYear, int lastYear) {
    return new Rule(
        name,
        firstYear,
        lastYear,
        year -> LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, MONDAY)));
  }

  /** One national holiday as the Act defined it from {@code firstYear} to {@code lastYear}, both included. */
  private record Rule(String name, int firstYear, int lastYear, IntFunction<LocalDate> date) {

    boolean appliesIn(int year) {
      return year >= firstYear && year <= lastYear;
    }
  }
}
