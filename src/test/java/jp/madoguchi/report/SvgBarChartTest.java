package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.madoguchi.report.SvgBarChart.Bar;
import jp.madoguchi.report.SvgBarChart.Bars;
import jp.madoguchi.report.SvgBarChart.Category;
import jp.madoguchi.report.SvgBarChart.Columns;
import jp.madoguchi.report.SvgBarChart.Layout;
import jp.madoguchi.report.SvgBarChart.Series;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The charts' SVG, read back with an XML parser: well-formed, named for assistive technology, bars as tall as
 * their values, every series with a pattern of its own, every text escaped.
 */
class SvgBarChartTest {

  static final List<Series> TWO = List.of(new Series("a", "開示"), new Series("b", "訂正等"));

  @Test
  void aChartIsAnImageNamedByItsTitleAndDescription() throws Exception {
    Document svg = parse(SvgBarChart.columns(columns("c1", Layout.STACKED, List.of(
        new Category("6月2日", "6月2日〜6月8日", List.of(3.0, 1.0))))));

    Element root = svg.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("aria-labelledby")).isEqualTo("c1-title c1-desc");
    assertThat(byId(svg, "title", "c1-title").getTextContent()).isEqualTo("受け付けた請求");
    assertThat(byId(svg, "desc", "c1-desc").getTextContent()).isEqualTo("種類別に積み上げた棒グラフ");
  }

  @Test
  void stackedColumnsAreAsTallAsTheirValuesAndSitOnEachOther() throws Exception {
    Document svg = parse(SvgBarChart.columns(columns("c2", Layout.STACKED, List.of(
        new Category("6月2日", "6月2日〜6月8日", List.of(3.0, 1.0)),
        new Category("6月9日", "6月9日〜6月15日", List.of(0.0, 2.0))))));

    List<Element> bars = bars(svg);
    assertThat(bars).as("no rectangle for a zero").hasSize(3);
    Element first = bars.get(0);
    Element onTop = bars.get(1);
    // the axis runs to 4 (steps of 1): 3 of 4 is three times 1 of 4
    assertThat(height(first)).isCloseTo(3 * height(onTop), within(0.2));
    assertThat(height(first) + height(onTop)).isCloseTo(2 * height(bars.get(2)), within(0.2));
    assertThat(y(onTop) + height(onTop)).as("the second series sits on the first").isCloseTo(y(first), within(0.2));
    assertThat(first.getAttribute("x")).isEqualTo(onTop.getAttribute("x"));
    assertThat(first.getAttribute("fill")).isEqualTo("url(#c2-p0)");
    assertThat(onTop.getAttribute("fill")).isEqualTo("url(#c2-p1)");
    assertThat(first.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("6月2日〜6月8日 開示: 3件");
    assertThat(texts(svg)).contains("0", "4", "6月2日", "6月9日", "開示", "訂正等");
  }

  @Test
  void sharesStandSideBySideOnAnAxisToAHundredPercentAndAShareOfNothingHasNoBar() throws Exception {
    Document svg = parse(SvgBarChart.columns(new Columns("c3", "期限内", "割合", Layout.SIDE_BY_SIDE, TWO,
        List.of(new Category("6月2日", "6月2日〜6月8日", List.of(100.0, 50.0)),
            new Category("6月9日", "6月9日〜6月15日", Arrays.asList(null, null))),
        true, TrendCharts::percent, "なし")));

    List<Element> bars = bars(svg);
    assertThat(bars).hasSize(2);
    assertThat(height(bars.get(0))).isCloseTo(2 * height(bars.get(1)), within(0.2));
    assertThat(x(bars.get(1))).as("beside, not on top").isGreaterThan(x(bars.get(0)));
    assertThat(y(bars.get(1))).isGreaterThan(y(bars.get(0)));
    assertThat(texts(svg)).contains("0%", "25%", "50%", "75%", "100%").doesNotContain("125%");
    assertThat(bars.get(1).getElementsByTagName("title").item(0).getTextContent()).endsWith(": 50%");
  }

  @Test
  void everySeriesHasItsOwnColourAndPatternAndTheLegendShowsBoth() throws Exception {
    List<Series> stages = new ArrayList<>();
    List<Double> ones = new ArrayList<>();
    // as many series as a request has open stages (the backlog chart)
    int count = Trends.STAGES.size();
    for (int i = 0; i < count; i++) {
      stages.add(new Series("s" + i, "段階" + i));
      ones.add(1.0);
    }
    Document svg = parse(SvgBarChart.columns(new Columns("c4", "t", "d", Layout.STACKED, stages,
        List.of(new Category("1", "1", ones)), false, v -> v + "", "なし")));

    NodeList patterns = svg.getElementsByTagName("pattern");
    assertThat(patterns.getLength()).isEqualTo(count);
    Set<String> looks = new HashSet<>();
    for (int i = 0; i < patterns.getLength(); i++) {
      Element pattern = (Element) patterns.item(i);
      assertThat(pattern.getAttribute("id")).isEqualTo("c4-p" + i);
      // what tells the series apart in black and white: the drawing over the colour, and its angle
      StringBuilder look = new StringBuilder(pattern.getAttribute("patternTransform"));
      for (int c = 1; c < pattern.getChildNodes().getLength(); c++) {
        Element mark = (Element) pattern.getChildNodes().item(c);
        look.append(mark.getTagName()).append(mark.getAttribute("d")).append(mark.getAttribute("y1"))
            .append(mark.getAttribute("r"));
      }
      looks.add(look.toString());
    }
    assertThat(looks).hasSize(count);
    Element legend = group(svg, "chart__legend");
    assertThat(legend.getElementsByTagName("rect").getLength()).isEqualTo(count);
    assertThat(((Element) legend.getElementsByTagName("rect").item(8)).getAttribute("fill")).isEqualTo("url(#c4-p8)");
    assertThat(legend.getTextContent()).contains("段階0", "段階8");
  }

  @Test
  void textIsEscapedAndAChartWithoutDataSaysSo() throws Exception {
    String markup = SvgBarChart.columns(new Columns("c5", "A <b> & \"c\"", "d'", Layout.STACKED, TWO,
        List.of(new Category("<x>", "<x>", List.of(0.0, 0.0))), false, v -> v + "", "この期間に該当する請求はありません"));
    Document svg = parse(markup);

    assertThat(markup).doesNotContain("<b>").contains("A &lt;b&gt; &amp; &quot;c&quot;");
    assertThat(byId(svg, "title", "c5-title").getTextContent()).isEqualTo("A <b> & \"c\"");
    assertThat(bars(svg)).isEmpty();
    assertThat(texts(svg)).contains("この期間に該当する請求はありません", "<x>");
  }

  @Test
  void manyWeeksGetAsManyAxisLabelsAsFitSideBySide() throws Exception {
    List<Category> weeks = new ArrayList<>();
    for (int w = 0; w < 100; w++) {
      weeks.add(new Category("12月" + (w % 28 + 1) + "日", "w" + w, List.of(1.0, 1.0)));
    }
    Document svg = parse(SvgBarChart.columns(columns("c6", Layout.STACKED, weeks)));

    int labels = group(svg, "chart__labels").getElementsByTagName("text").getLength();
    assertThat(labels).isBetween(5, 20);
    assertThat(bars(svg)).hasSize(200);
  }

  @Test
  void barsAcrossAreAsLongAsTheirValuesAndSayThemAtTheirEnd() throws Exception {
    Document svg = parse(SvgBarChart.bars(new Bars("c7", "段階ごと", "中央値", List.of(
        new Bar("受付", 2.0, "2営業日(3件の中央値)"), new Bar("調査中", 6.0, "6営業日(2件の中央値)"),
        new Bar("決定中", null, "該当なし")), "なし")));

    List<Element> bars = bars(svg);
    assertThat(bars).hasSize(2);
    assertThat(width(bars.get(1))).isCloseTo(3 * width(bars.get(0)), within(0.2));
    assertThat(texts(svg)).contains("受付", "調査中", "決定中", "2営業日(3件の中央値)", "該当なし").doesNotContain("なし");
    assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
  }

  @Test
  void stepsBetweenGridlinesAreRound() {
    assertThat(SvgBarChart.step(0)).isEqualTo(1);
    assertThat(SvgBarChart.step(4)).isEqualTo(1);
    assertThat(SvgBarChart.step(7)).isEqualTo(2);
    assertThat(SvgBarChart.step(17)).isEqualTo(5);
    assertThat(SvgBarChart.step(30)).isEqualTo(10);
    assertThat(SvgBarChart.step(1234)).isEqualTo(500);
  }

  // ------------------------------------------------------------------------------------------------------------

  private static Columns columns(String id, Layout layout, List<Category> categories) {
    return new Columns(id, "受け付けた請求", "種類別に積み上げた棒グラフ", layout, TWO, categories, false,
        value -> Math.round(value) + "件", "なし");
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element byId(Document svg, String tag, String id) {
    NodeList nodes = svg.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (((Element) nodes.item(i)).getAttribute("id").equals(id)) {
        return (Element) nodes.item(i);
      }
    }
    throw new AssertionError("no <" + tag + " id=" + id + ">");
  }

  private static Element group(Document svg, String className) {
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      if (((Element) groups.item(i)).getAttribute("class").equals(className)) {
        return (Element) groups.item(i);
      }
    }
    throw new AssertionError("no <g class=" + className + ">");
  }

  /** The bars: the rectangles of the group of bars. */
  private static List<Element> bars(Document svg) {
    NodeList rects = group(svg, "chart__bars").getElementsByTagName("rect");
    List<Element> bars = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      bars.add((Element) rects.item(i));
    }
    return bars;
  }

  private static List<String> texts(Document svg) {
    NodeList texts = svg.getElementsByTagName("text");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add(texts.item(i).getTextContent());
    }
    return all;
  }

  private static double x(Element e) {
    return Double.parseDouble(e.getAttribute("x"));
  }

  private static double y(Element e) {
    return Double.parseDouble(e.getAttribute("y"));
  }

  private static double width(Element e) {
    return Double.parseDouble(e.getAttribute("width"));
  }

  private static double height(Element e) {
    return Double.parseDouble(e.getAttribute("height"));
  }
}
