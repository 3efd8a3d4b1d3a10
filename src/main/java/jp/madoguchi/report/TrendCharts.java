package jp.madoguchi.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.report.SvgBarChart.Bar;
import jp.madoguchi.report.SvgBarChart.Category;
import jp.madoguchi.report.SvgBarChart.Columns;
import jp.madoguchi.report.SvgBarChart.Layout;
import jp.madoguchi.report.SvgBarChart.Series;
import jp.madoguchi.report.Trends.StageDays;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report's charts in the reader's language: each as SVG ({@link SvgBarChart}) with the same figures as a table
 * ({@link ChartView}), so that no one needs the picture to read them.
 */
@Component
class TrendCharts {

  /** A chart and its figures: the table's first column heading, its columns, its rows and its total (or null). */
  record ChartView(String id, String title, String svg, String rowHeading, List<Column> columns, List<Row> rows,
      Row total) {}

  /** A column of the table: its key ({@code data-key} on the page) and its heading. */
  record Column(String key, String label) {}

  /** A row of the table: its key ({@code data-key}), its heading and its cells, one per column. */
  record Row(String key, String label, List<String> cells) {}

  private final MessageSource messages;

  TrendCharts(MessageSource messages) {
    this.messages = messages;
  }

  List<ChartView> of(Trends trends, Locale locale) {
    Texts t = new Texts(messages, locale);
    boolean withYear = trends.weeks().get(0).first().getYear()
        != trends.weeks().get(trends.weeks().size() - 1).last().getYear();
    List<String> keys = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> axisLabels = new ArrayList<>();
    int year = -1;
    for (ReportWeek week : trends.weeks()) {
      keys.add(week.first().toString());
      labels.add(ReportDates.week(week, locale, withYear));
      // the year on the first label and where it changes, when the period runs over more than one year
      axisLabels.add(ReportDates.day(week.first(), locale, withYear && week.first().getYear() != year));
      year = week.first().getYear();
    }
    Weeks weeks = new Weeks(keys, labels, axisLabels);
    return List.of(
        perType("chart-received", t.get("report.charts.received.title"), t.get("report.charts.received.desc"),
            trends.received(), weeks, t),
        perType("chart-closed", t.get("report.charts.closed.title"), t.get("report.charts.closed.desc"),
            trends.closed(), weeks, t),
        timeliness(trends, weeks, t),
        backlog(trends, weeks, t),
        stageDays(trends, t));
  }

  /** The weeks as the tables key them (ISO date of the first day) and as the reader reads them. */
  private record Weeks(List<String> keys, List<String> labels, List<String> axisLabels) {}

  private ChartView perType(String id, String title, String description, long[][] counts, Weeks weeks,
      Texts t) {
    List<Series> series = Trends.TYPES.stream()
        .map(type -> new Series(type.name(), t.get("report.charts.type." + type.name()))).toList();
    return stacked(id, title, description, series, counts, weeks, t.get("report.charts.week"), true,
        t);
  }

  private ChartView backlog(Trends trends, Weeks weeks, Texts t) {
    List<Series> series = Trends.STAGES.stream()
        .map(stage -> new Series(stage.name(), t.get("report.stage." + stage.name()))).toList();
    // a week's backlog is a state, not a count of events: the weeks' figures are not added up
    return stacked("chart-backlog", t.get("report.charts.backlog.title"), t.get("report.charts.backlog.desc"),
        series, trends.backlog(), weeks, t.get("report.charts.weekEnd"), false, t);
  }

  /** Stacked columns of counts per week, with their table: a column per series and the week's total. */
  private ChartView stacked(String id, String title, String description, List<Series> series, long[][] counts,
      Weeks weeks, String rowHeading, boolean withTotal, Texts t) {
    List<Category> categories = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    long[] totals = new long[series.size() + 1];
    for (int w = 0; w < counts.length; w++) {
      List<Double> values = new ArrayList<>();
      List<String> cells = new ArrayList<>();
      long sum = 0;
      for (int s = 0; s < series.size(); s++) {
        values.add((double) counts[w][s]);
        cells.add(Long.toString(counts[w][s]));
        sum += counts[w][s];
        totals[s] += counts[w][s];
      }
      cells.add(Long.toString(sum));
      totals[series.size()] += sum;
      categories.add(new Category(weeks.axisLabels().get(w), weeks.labels().get(w), values));
      rows.add(new Row(weeks.keys().get(w), weeks.labels().get(w), cells));
    }
    List<Column> columns = new ArrayList<>(series.stream().map(s -> new Column(s.key(), s.label())).toList());
    columns.add(new Column("total", t.get("report.total")));
    String svg = SvgBarChart.columns(new Columns(id, title, description, Layout.STACKED, series, categories, false,
        value -> t.get("report.charts.count", (long) value), t.get("report.charts.empty")));
    Row total = withTotal ? new Row("total", t.get("report.charts.periodTotal"),
        Arrays.stream(totals).mapToObj(Long::toString).toList()) : null;
    return new ChartView(id, title, svg, rowHeading, columns, rows, total);
  }

  private ChartView timeliness(Trends trends, Weeks weeks, Texts t) {
    List<Series> series = List.of(new Series("withinTarget", t.get("report.charts.withinTarget")),
        new Series("withinArt39Date", t.get("report.charts.withinArt39Date")));
    List<Category> categories = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int w = 0; w < trends.weeks().size(); w++) {
      long closed = trends.closedIn(w);
      categories.add(new Category(weeks.axisLabels().get(w), weeks.labels().get(w),
          Arrays.asList(share(trends.withinTarget()[w], closed), share(trends.withinArt39Date()[w], closed))));
      rows.add(new Row(weeks.keys().get(w), weeks.labels().get(w),
          timelinessCells(closed, trends.withinTarget()[w], trends.withinArt39Date()[w])));
    }
    List<Column> columns = List.of(new Column("closed", t.get("report.charts.closedCount")),
        new Column("withinTarget", t.get("report.charts.withinTarget")),
        new Column("withinTargetShare", t.get("report.charts.withinTargetShare")),
        new Column("withinArt39Date", t.get("report.charts.withinArt39Date")),
        new Column("withinArt39DateShare", t.get("report.charts.withinArt39DateShare")));
    String title = t.get("report.charts.timeliness.title");
    String svg = SvgBarChart.columns(new Columns("chart-timeliness", title, t.get("report.charts.timeliness.desc"),
        Layout.SIDE_BY_SIDE, series, categories, true, TrendCharts::percent, t.get("report.charts.empty")));
    Row total = new Row("total", t.get("report.charts.periodTotal"), timelinessCells(trends.closedTotal(),
        trends.withinTargetTotal(), trends.withinArt39DateTotal()));
    return new ChartView("chart-timeliness", title, svg, t.get("report.charts.closedWeek"), columns, rows, total);
  }

  private static List<String> timelinessCells(long closed, long withinTarget, long withinArt39Date) {
    return List.of(Long.toString(closed), Long.toString(withinTarget), shareText(withinTarget, closed),
        Long.toString(withinArt39Date), shareText(withinArt39Date, closed));
  }

  private ChartView stageDays(Trends trends, Texts t) {
    List<Bar> bars = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (StageDays days : trends.stageDays()) {
      String label = t.get("report.stage." + days.stage().name());
      Integer median = days.medianBusinessDays();
      bars.add(new Bar(label, median == null ? null : median.doubleValue(), median == null
          ? t.get("report.charts.none") : t.get("report.charts.daysOf", median, days.requests())));
      rows.add(new Row(days.stage().name(), label, List.of(Integer.toString(days.requests()),
          median == null ? "-" : Integer.toString(median))));
    }
    String title = t.get("report.charts.stageDays.title");
    String svg = SvgBarChart.bars(new SvgBarChart.Bars("chart-stage-days", title,
        t.get("report.charts.stageDays.desc"), bars, t.get("report.charts.empty")));
    return new ChartView("chart-stage-days", title, svg, t.get("report.charts.stage"),
        List.of(new Column("requests", t.get("report.charts.requests")),
            new Column("median", t.get("report.charts.median"))), rows, null);
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : 100.0 * part / whole;
  }

  /** A share in whole percent, as the table and the chart write it. */
  static String percent(double share) {
    return Math.round(share) + "%";
  }

  /** {@code part} of {@code whole} in whole percent, or "-" of nothing. */
  static String shareText(long part, long whole) {
    return whole == 0 ? "-" : percent(100.0 * part / whole);
  }

  /** Messages in the reader's language. */
  private record Texts(MessageSource messages, Locale locale) {
    String get(String code, Object... arguments) {
      return messages.getMessage(code, arguments, locale);
    }
  }
}
