package jp.madoguchi.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import camundajar.impl.scala.util.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * The parse-once FEEL engine answers as Camunda's {@link ScalaFeelEngine} does, for input entries (unary tests) and
 * expressions, and fails as it does, with the same exception and message.
 */
class ParseOnceFeelEngineTest {

  private static final String INPUT = "cellInput";

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(null);
  private final ParseOnceFeelEngine parseOnce = new ParseOnceFeelEngine(null, 100);

  @Test
  void inputEntriesAnswerAsCamundasEngineDoesForEveryInput() {
    List<String> unaryTests = List.of("[0..90]", "> 10", "\"PASSPORT\",\"RESIDENCE_CARD\"", "not(\"NONE\")", "-",
        "null", "true", "? < x", "cellInput > 3", "[date(\"2026-01-01\")..date(\"2026-12-31\")]", "< 0, > 100",
        "x > 1 and", "assert(x, false)", "x.foo()");
    List<Object> inputs = Arrays.asList(null, 0L, 3, 45L, 90L, 91L, -1L, 12.5, "PASSPORT", "NONE", "abc", true, false,
        LocalDate.of(2026, 4, 1));

    for (String unaryTest : unaryTests) {
      for (Object input : inputs) {
        VariableContext context = decisionVariables().putValue(INPUT, input).asVariableContext();

        assertThat(outcome(() -> parseOnce.evaluateSimpleUnaryTests(unaryTest, INPUT, context)))
            .as("%s with %s", unaryTest, input)
            .isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(unaryTest, INPUT, context)));
      }
    }
  }

  @Test
  void expressionsAnswerAsCamundasEngineDoes() {
    List<String> expressions = List.of("x + 1", "if x > 3 then \"big\" else \"small\"", "{a: x}.a", "[1, 2, x]",
        "date(\"2026-04-01\")", "\"fee: \" + string(x)", "documentType", "y", "json.fee", "1 / 0", "x.foo()",
        "x +", "assert(x, x < 0)");

    for (String expression : expressions) {
      VariableContext context = decisionVariables().asVariableContext();

      assertThat(outcome(() -> parseOnce.evaluateSimpleExpression(expression, context)))
          .as(expression)
          .isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, context)));
    }
  }

  @Test
  void anInputEntryIsParsedOnceAndAnswersEachInputRight() {
    CountingParses engine = new CountingParses(100);
    Map<Long, Boolean> answers = new TreeMap<>();

    for (long age = -2; age <= 92; age++) {
      VariableContext context = decisionVariables().putValue(INPUT, age).asVariableContext();
      answers.put(age, engine.evaluateSimpleUnaryTests("[0..90]", INPUT, context));
    }

    assertThat(engine.unaryTestParses).containsExactly(Map.entry("[0..90]", 1));
    answers.forEach((age, accepted) -> assertThat(accepted).as("age %d", age).isEqualTo(age >= 0 && age <= 90));
    assertThat(engine.evaluateSimpleUnaryTests("[0..90]", INPUT,
        decisionVariables().putValue(INPUT, null).asVariableContext())).isFalse();
  }

  @Test
  void anExpressionIsParsedOnce() {
    CountingParses engine = new CountingParses(100);

    for (int x = 0; x < 50; x++) {
      Object result = engine.evaluateSimpleExpression("x * 2",
          Variables.createVariables().putValue("x", x).asVariableContext());
      assertThat(result).isEqualTo(2L * x);
    }

    assertThat(engine.expressionParses).containsExactly(Map.entry("x * 2", 1));
    assertThat(engine.unaryTestParses).isEmpty();
  }

  @Test
  void anInvalidTextFailsAsWithCamundasEngineEveryTimeAndIsParsedEachTime() {
    CountingParses engine = new CountingParses(100);
    VariableContext context = decisionVariables().putValue(INPUT, 5L).asVariableContext();
    Throwable camundasUnaryTestFailure =
        catchThrowable(() -> camunda.evaluateSimpleUnaryTests("[0..90", INPUT, context));
    Throwable camundasExpressionFailure = catchThrowable(() -> camunda.evaluateSimpleExpression("x +", context));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests("[0..90", INPUT, context))
          .isExactlyInstanceOf(FeelException.class)
          .hasMessage(camundasUnaryTestFailure.getMessage())
          .hasMessageContaining("failed to parse expression '[0..90'");
      assertThatThrownBy(() -> engine.evaluateSimpleExpression("x +", context))
          .isExactlyInstanceOf(FeelException.class)
          .hasMessage(camundasExpressionFailure.getMessage())
          .hasMessageContaining("failed to parse expression 'x +'");
    }

    assertThat(engine.unaryTestParses).containsExactly(Map.entry("[0..90", 3));
    assertThat(engine.expressionParses).containsExactly(Map.entry("x +", 3));
  }

  @Test
  void anEvaluationFailureNamesTheExpressionEveryTime() {
    CountingParses engine = new CountingParses(100);
    VariableContext context = decisionVariables().asVariableContext();

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> engine.evaluateSimpleExpression("x.foo()", context))
          .isExactlyInstanceOf(FeelException.class)
          .hasMessage(catchThrowable(() -> camunda.evaluateSimpleExpression("x.foo()", context)).getMessage())
          .hasMessageContaining("failed to evaluate expression 'x.foo()'");
    }

    assertThat(engine.expressionParses).containsExactly(Map.entry("x.foo()", 1));
  }

  @Test
  void withMoreTextsThanItKeepsItParsesSomeAgainAndStillAnswersRight() {
    CountingParses engine = new CountingParses(2);
    List<String> unaryTests = new ArrayList<>();
    for (int limit = 0; limit < 6; limit++) {
      unaryTests.add("< " + limit);
    }

    for (int round = 0; round < 3; round++) {
      for (String unaryTest : unaryTests) {
        int limit = Integer.parseInt(unaryTest.substring(2));
        VariableContext context = decisionVariables().putValue(INPUT, 3).asVariableContext();
        assertThat(engine.evaluateSimpleUnaryTests(unaryTest, INPUT, context)).isEqualTo(3 < limit);
      }
    }

    int parsesInAll = engine.unaryTestParses.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(parsesInAll).isGreaterThan(unaryTests.size()).isLessThanOrEqualTo(3 * unaryTests.size());
  }

  /** The variables a decision might see, one of them Spin JSON (Spin's value mapper is part of the engine). */
  private static VariableMap decisionVariables() {
    return Variables.createVariables()
        .putValue("x", 5)
        .putValue("documentType", "PASSPORT")
        .putValue("json", Spin.JSON("{\"fee\": 1000}"));
  }

  /** The result, or the exception's type and message. */
  private static Object outcome(Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** The engine with its parses counted, through the FEEL engine's parse methods. */
  private static final class CountingParses extends ParseOnceFeelEngine {

    final Map<String, Integer> unaryTestParses = new TreeMap<>();
    final Map<String, Integer> expressionParses = new TreeMap<>();

    CountingParses(int capacity) {
      super(null, capacity);
      feelEngine = new ParsingOnce(feelEngine, capacity) {
        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String text) {
          unaryTestParses.merge(text, 1, Integer::sum);
          return super.parseUnaryTests(text);
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String text) {
          expressionParses.merge(text, 1, Integer::sum);
          return super.parseExpression(text);
        }
      };
    }
  }
}
