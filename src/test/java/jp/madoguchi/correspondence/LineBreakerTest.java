package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line breaking with every character one unit wide: Japanese rules, English words, overlong words. */
class LineBreakerTest {

  static List<String> wrap(String text, int width) {
    return LineBreaker.wrap(text, width, String::length);
  }

  @Test
  void japaneseBreaksBetweenAnyTwoCharacters() {
    assertThat(wrap("個人情報の開示について", 4)).containsExactly("個人情報", "の開示に", "ついて");
  }

  @Test
  void aFullStopOrClosingBracketHangsIntoTheMarginInsteadOfStartingALine() {
    assertThat(wrap("開示します。以上", 5)).containsExactly("開示します。", "以上");
    assertThat(wrap("「請求書」在中", 4)).containsExactly("「請求書」", "在中");
  }

  @Test
  void anOpeningBracketMovesToTheNextLineRatherThanEndingOne() {
    assertThat(wrap("理由は(第33条", 4)).containsExactly("理由は", "(第33", "条");
  }

  @Test
  void englishBreaksBetweenWordsAndDropsTheSpaceAtTheBreak() {
    assertThat(wrap("We hold no personal data", 11)).containsExactly("We hold no", "personal", "data");
  }

  @Test
  void aWordLongerThanALineBreaksBetweenCharacters() {
    assertThat(wrap("see privacy-desk@example.jp", 10)).containsExactly("see", "privacy-de", "sk@example", ".jp");
  }

  @Test
  void emptyTextIsOneEmptyLine() {
    assertThat(wrap("", 10)).containsExactly("");
  }
}
