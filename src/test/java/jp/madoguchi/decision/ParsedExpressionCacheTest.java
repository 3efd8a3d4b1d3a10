package jp.madoguchi.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import camundajar.impl.scala.util.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.junit.jupiter.api.Test;

/** The parses kept by text: once per text, never a failure, never more than the capacity. */
class ParsedExpressionCacheTest {

  private final FeelEngine feel = new FeelEngine.Builder().build();
  private final Map<String, Integer> parses = new TreeMap<>();

  private ParsedExpressionCache cache(int capacity) {
    return new ParsedExpressionCache(capacity, text -> {
      parses.merge(text, 1, Integer::sum);
      return feel.parseUnaryTests(text);
    });
  }

  @Test
  void parsesEachTextOnceHoweverOftenItIsAskedFor() {
    ParsedExpressionCache cache = cache(10);

    Either<Failure, ParsedExpression> first = cache.parse("[0..90]");
    for (int i = 0; i < 100; i++) {
      assertThat(cache.parse("[0..90]")).isSameAs(first);
      assertThat(cache.parse("\"PASSPORT\",\"RESIDENCE_CARD\"").isRight()).isTrue();
    }

    assertThat(parses).containsExactly(Map.entry("\"PASSPORT\",\"RESIDENCE_CARD\"", 1), Map.entry("[0..90]", 1));
    assertThat(first.toOption().get().text()).isEqualTo("[0..90]");
  }

  @Test
  void aTextThatDoesNotParseIsParsedAgainAndFailsAgainEveryTime() {
    ParsedExpressionCache cache = cache(10);

    for (int i = 0; i < 3; i++) {
      Either<Failure, ParsedExpression> parse = cache.parse("[0..90");
      assertThat(parse.isLeft()).isTrue();
      assertThat(parse.left().toOption().get().message()).startsWith("failed to parse expression '[0..90'");
    }

    assertThat(parses).containsExactly(Map.entry("[0..90", 3));
    assertThat(cache.size()).isZero();
  }

  @Test
  void keepsNoMoreTextsThanItsCapacityAndParsesAgainWhatItLetGo() {
    ParsedExpressionCache cache = cache(3);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      texts.add("> " + i);
    }

    for (int round = 0; round < 2; round++) {
      for (String text : texts) {
        Either<Failure, ParsedExpression> parse = cache.parse(text);
        assertThat(parse.toOption().get().text()).isEqualTo(text);
        assertThat(cache.size()).isLessThanOrEqualTo(3);
      }
    }

    assertThat(parses.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(texts.size());
    assertThat(cache.parse(texts.get(9))).isSameAs(cache.parse(texts.get(9)));
  }

  @Test
  void aCacheHoldsAtLeastOneText() {
    assertThatThrownBy(() -> cache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
