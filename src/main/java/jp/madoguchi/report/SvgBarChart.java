package jp.madoguchi.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Bar charts as SVG, drawn on the server: columns (stacked or side by side) over a row of categories such as weeks,
 * and bars across for one value per row. Every series has a colour of the Okabe-Ito palette (told apart with the
 * common kinds of colour blindness) and a pattern of its own (lines, dots, cross-hatching), so the series remain
 * apart in black and white print; the legend shows both, with the label. Each chart is an image with a title and a
 * description for assistive technology ({@code role="img"}, {@code aria-labelledby}); its figures belong in a
 * table beside it, which the page gives. Each bar carries a {@code <title>} naming its category, series and value,
 * which browsers show on hover.
 */
final class SvgBarChart {

  static final int WIDTH = 760;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int PLOT_HEIGHT = 220;
  private static final int FONT_SIZE = 12;
  private static final int LEGEND_ROW = 20;
  private static final String TEXT = "#1b1b1b";
  private static final String GRID = "#b1b4b6";

  /** Colours (Okabe and Ito, 2008) and whether a pattern drawn on them must be white to be seen. */
  private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
      "#F0E442", "#999999", "#5E3C99", "#000000"};
  private static final boolean[] DARK = {true, false, true, false, false, true, false, false, true, true};

  /** A series of values: its key (for the page's table) and its label in the legend. */
  record Series(String key, String label) {}

  /**
   * A place along the axis: the short label the axis shows (null: none), the full label bars name on hover, and one
   * value per series (null: none, e.g. a share of nothing).
   */
  record Category(String axisLabel, String label, List<Double> values) {}

  enum Layout { STACKED, SIDE_BY_SIDE }

  /**
   * A chart of columns.
   *
   * @param id unique on the page; the chart's element ids and its patterns' ids start with it
   * @param percent values are shares in percent: the axis runs from 0 to 100 %
   * @param valueText how a value reads on hover, e.g. "3件" or "75%"
   * @param emptyText what the chart says when it has no value above zero
   */
  record Columns(String id, String title, String description, Layout layout, List<Series> series,
      List<Category> categories, boolean percent, DoubleFunction<String> valueText, String emptyText) {}

  /** A bar across: its label, its value (null: none), and what is written at its end. */
  record Bar(String label, Double value, String valueText) {}

  /** A chart of bars across, one series: e.g. the median days in each stage. */
  record Bars(String id, String title, String description, List<Bar> bars, String emptyText) {}

  static String columns(Columns chart) {
    int legendRows = legendRows(chart.series().size() > 1 ? chart.series() : List.of());
    int plotTop = 12 + legendRows * LEGEND_ROW + (legendRows > 0 ? 8 : 0);
    int plotBottom = plotTop + PLOT_HEIGHT;
    int height = plotBottom + 32;
    double plotWidth = WIDTH - LEFT - RIGHT;
    double max = 0;
    for (Category category : chart.categories()) {
      double sum = 0;
      for (Double value : category.values()) {
        double v = value == null ? 0 : value;
        sum += v;
        max = Math.max(max, v);
      }
      if (chart.layout() == Layout.STACKED) {
        max = Math.max(max, sum);
      }
    }
    double step = chart.percent() ? 25 : step(max);
    double axisMax = chart.percent() ? 100 : Math.max(step, Math.ceil(max / step) * step);

    Svg svg = start(chart.id(), chart.title(), chart.description(), height, chart.series().size());
    if (chart.series().size() > 1) {
      legend(svg, chart.id(), chart.series());
    }
    svg.open("g", "class", "chart__axis");
    for (double tick = 0; tick <= axisMax + step / 2; tick += step) {
      double y = plotBottom - tick / axisMax * PLOT_HEIGHT;
      svg.empty("line", "x1", (double) LEFT, "x2", (double) (WIDTH - RIGHT), "y1", y, "y2", y,
          "stroke", tick == 0 ? TEXT : GRID, "stroke-width", tick == 0 ? "1.5" : "1");
      svg.element("text", Svg.number(tick) + (chart.percent() ? "%" : ""), "x", (double) (LEFT - 6), "y", y + 4,
          "text-anchor", "end", "fill", TEXT);
    }
    svg.close();

    int n = chart.categories().size();
    double slot = plotWidth / Math.max(1, n);
    svg.open("g", "class", "chart__bars");
    for (int i = 0; i < n; i++) {
      Category category = chart.categories().get(i);
      double x0 = LEFT + i * slot;
      double stacked = 0;
      int seriesCount = chart.series().size();
      double groupWidth = chart.layout() == Layout.STACKED ? slot * 0.7 : slot * 0.8;
      double barWidth = Math.max(1, chart.layout() == Layout.STACKED ? groupWidth : groupWidth / seriesCount);
      for (int s = 0; s < seriesCount; s++) {
        Double value = category.values().get(s);
        if (value == null || value <= 0) {
          continue;
        }
        double h = value / axisMax * PLOT_HEIGHT;
        double x = x0 + (slot - groupWidth) / 2 + (chart.layout() == Layout.STACKED ? 0 : s * barWidth);
        double y = plotBottom - stacked - h;
        if (chart.layout() == Layout.STACKED) {
          stacked += h;
        }
        svg.open("rect", "x", x, "y", y, "width", barWidth, "height", h, "fill", fill(chart.id(), s),
                "stroke", barWidth >= 4 ? "#ffffff" : null, "stroke-width", barWidth >= 4 ? "0.75" : null)
            .element("title", category.label() + " " + chart.series().get(s).label() + ": "
                + chart.valueText().apply(value))
            .close();
      }
    }
    svg.close();

    // as many labels along the axis as fit side by side; the table beside the chart has them all
    double labelWidth = 0;
    for (Category category : chart.categories()) {
      labelWidth = Math.max(labelWidth, category.axisLabel() == null ? 0 : textWidth(category.axisLabel()) + 12);
    }
    int every = Math.max(1, (int) Math.ceil(labelWidth / slot));
    svg.open("g", "class", "chart__labels");
    for (int i = 0; i < n; i += every) {
      String label = chart.categories().get(i).axisLabel();
      if (label == null) {
        continue;
      }
      double centre = LEFT + (i + 0.5) * slot;
      double half = textWidth(label) / 2;
      double x = Math.min(Math.max(centre, half + 2), WIDTH - half - 2);
      svg.empty("line", "x1", centre, "x2", centre, "y1", (double) plotBottom, "y2", plotBottom + 4.0,
          "stroke", TEXT);
      svg.element("text", label, "x", x, "y", plotBottom + 18.0, "text-anchor", "middle", "fill", TEXT);
    }
    svg.close();
    if (max <= 0) {
      svg.element("text", chart.emptyText(), "x", LEFT + plotWidth / 2, "y", plotTop + PLOT_HEIGHT / 2.0,
          "text-anchor", "middle", "fill", TEXT, "class", "chart__empty");
    }
    return svg.close().toString();
  }

  static String bars(Bars chart) {
    int rowHeight = 28;
    int top = 28;
    double labelWidth = 0;
    double valueWidth = 0;
    double max = 0;
    for (Bar bar : chart.bars()) {
      labelWidth = Math.max(labelWidth, textWidth(bar.label()));
      valueWidth = Math.max(valueWidth, textWidth(bar.valueText()));
      max = Math.max(max, bar.value() == null ? 0 : bar.value());
    }
    double barLeft = Math.min(260, labelWidth + 16);
    // the longest bar still has room for its value after it
    double barRight = Math.max(barLeft + 120, WIDTH - RIGHT - valueWidth - 8);
    double step = step(max);
    double axisMax = Math.max(step, Math.ceil(max / step) * step);
    int height = top + chart.bars().size() * rowHeight + 8;

    Svg svg = start(chart.id(), chart.title(), chart.description(), height, 1);
    svg.open("g", "class", "chart__axis");
    for (double tick = 0; tick <= axisMax + step / 2; tick += step) {
      double x = barLeft + tick / axisMax * (barRight - barLeft);
      svg.empty("line", "x1", x, "x2", x, "y1", top - 6.0, "y2", (double) (height - 8),
          "stroke", tick == 0 ? TEXT : GRID, "stroke-width", tick == 0 ? "1.5" : "1");
      svg.element("text", Svg.number(tick), "x", x, "y", top - 12.0, "text-anchor", "middle", "fill", TEXT);
    }
    svg.close();
    svg.open("g", "class", "chart__bars");
    for (int i = 0; i < chart.bars().size(); i++) {
      Bar bar = chart.bars().get(i);
      double y = top + i * rowHeight;
      svg.element("text", bar.label(), "x", barLeft - 8, "y", y + 18, "text-anchor", "end", "fill", TEXT);
      double length = bar.value() == null ? 0 : bar.value() / axisMax * (barRight - barLeft);
      if (length > 0) {
        svg.open("rect", "x", barLeft, "y", y + 5, "width", length, "height", 18.0, "fill", fill(chart.id(), 0),
                "stroke", TEXT, "stroke-width", "0.75")
            .element("title", bar.label() + ": " + bar.valueText())
            .close();
      }
      svg.element("text", bar.valueText(), "x", barLeft + length + 6, "y", y + 18, "fill", TEXT);
    }
    svg.close();
    if (max <= 0 && chart.bars().stream().allMatch(bar -> bar.value() == null)) {
      svg.element("text", chart.emptyText(), "x", (barLeft + barRight) / 2, "y", top + 40.0,
          "text-anchor", "middle", "fill", TEXT, "class", "chart__empty");
    }
    return svg.close().toString();
  }

  /** The root element, its accessible name and description, and the series' patterns. */
  private static Svg start(String id, String title, String description, int height, int seriesCount) {
    Svg svg = new Svg().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart__image",
        "viewBox", "0 0 " + WIDTH + " " + height, "width", WIDTH, "height", height, "role", "img",
        "aria-labelledby", id + "-title " + id + "-desc", "font-size", FONT_SIZE, "id", id + "-svg");
    svg.element("title", title, "id", id + "-title");
    svg.element("desc", description, "id", id + "-desc");
    svg.open("defs");
    for (int s = 0; s < seriesCount; s++) {
      pattern(svg, id, s);
    }
    return svg.close();
  }

  /**
   * Series {@code s}'s fill: its colour with a pattern of its own drawn over it, in white on dark colours and in
   * near-black on light ones (0: plain, 1 and 2: diagonal lines, 3: across, 4: upright, 5: dots, 6: squares, 7:
   * diagonal squares, 8: checks, 9: large dots).
   */
  private static void pattern(Svg svg, String id, int s) {
    String colour = COLOURS[s % COLOURS.length];
    String ink = DARK[s % COLOURS.length] ? "#ffffff" : TEXT;
    int kind = s % COLOURS.length;
    String rotate = switch (kind) {
      case 1, 7 -> "rotate(45)";
      case 2 -> "rotate(-45)";
      default -> null;
    };
    svg.open("pattern", "id", id + "-p" + s, "width", 8, "height", 8, "patternUnits", "userSpaceOnUse",
        "patternTransform", rotate);
    svg.empty("rect", "width", 8, "height", 8, "fill", colour);
    switch (kind) {
      case 1, 2, 4 -> svg.empty("line", "x1", 2, "y1", 0, "x2", 2, "y2", 8, "stroke", ink, "stroke-width", 2);
      case 3 -> svg.empty("line", "x1", 0, "y1", 2, "x2", 8, "y2", 2, "stroke", ink, "stroke-width", 2);
      case 5 -> svg.empty("circle", "cx", 4, "cy", 4, "r", 1.6, "fill", ink);
      case 6, 7 -> svg.empty("path", "d", "M0 1H8M1 0V8", "stroke", ink, "stroke-width", 1.5, "fill", "none");
      case 8 -> svg.empty("path", "d", "M0 0H4V4H0ZM4 4H8V8H4Z", "fill", ink, "fill-opacity", "0.6");
      case 9 -> svg.empty("circle", "cx", 4, "cy", 4, "r", 2.6, "fill", ink);
      default -> { }
    }
    svg.close();
  }

  private static String fill(String id, int series) {
    return "url(#" + id + "-p" + series + ")";
  }

  private static int legendRows(List<Series> series) {
    int rows = series.isEmpty() ? 0 : 1;
    double x = LEFT;
    for (Series one : series) {
      double width = legendItemWidth(one);
      if (x + width > WIDTH - RIGHT && x > LEFT) {
        rows++;
        x = LEFT;
      }
      x += width;
    }
    return rows;
  }

  /** The legend above the plot, in the series' order (the order in which columns are stacked from the axis up). */
  private static void legend(Svg svg, String id, List<Series> series) {
    svg.open("g", "class", "chart__legend");
    double x = LEFT;
    double y = 12;
    for (int s = 0; s < series.size(); s++) {
      double width = legendItemWidth(series.get(s));
      if (x + width > WIDTH - RIGHT && x > LEFT) {
        x = LEFT;
        y += LEGEND_ROW;
      }
      svg.empty("rect", "x", x, "y", y, "width", 14, "height", 14, "fill", fill(id, s), "stroke", TEXT,
          "stroke-width", "0.75");
      svg.element("text", series.get(s).label(), "x", x + 20, "y", y + 12, "fill", TEXT);
      x += width;
    }
    svg.close();
  }

  private static double legendItemWidth(Series series) {
    return 20 + textWidth(series.label()) + 18;
  }

  /** The width a text takes at the chart's font size: full width for Japanese, about 0.6 em for Latin. */
  static double textWidth(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      width += c >= 0x2E80 ? FONT_SIZE : FONT_SIZE * 0.6;
      i += Character.charCount(c);
    }
    return width;
  }

  /** A step between gridlines of 1, 2 or 5 times a power of ten, for about four lines up to {@code max}. */
  static double step(double max) {
    double rough = Math.max(1, max / 4);
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= rough) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private SvgBarChart() {}
}
