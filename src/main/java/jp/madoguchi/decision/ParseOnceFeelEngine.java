package jp.madoguchi.decision;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;

/**
 * Camunda's FEEL engine for DMN, parsing each distinct input entry and expression once. {@link ScalaFeelEngine}
 * hands the text to {@code FeelEngine.evalUnaryTests(String, Context)} or {@code evalExpression(String, Context)} at
 * every evaluation, and those parse the text every time before they evaluate it. Here the FEEL engine underneath
 * keeps the parsed expressions ({@link ParsedExpressionCache}, one for unary tests and one for expressions, since a
 * text parses differently as each).
 *
 * <p>Everything else is Camunda's own code: {@code ScalaFeelEngine} builds the FEEL engine (value mappers with Spin's,
 * custom functions, external functions off) and its contexts (the {@code inputVariableName} entry, the decision's
 * variables), and turns a failure into the same {@code FeelException} naming the expression. The FEEL engine
 * underneath has the same function provider, value mapper, configuration and clock as the one it replaces.
 * {@code ScalaFeelEngine} and FEEL engine 1.19 internals are touched here and nowhere else; an upgrade that changes
 * them breaks here (and in {@code ParseOnceFeelEngineTest}, which compares this engine with Camunda's).
 */
class ParseOnceFeelEngine extends ScalaFeelEngine {

  ParseOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int capacity) {
    super(functionProviders);
    feelEngine = new ParsingOnce(feelEngine, capacity);
  }

  /** A FEEL engine that evaluates a text's kept parse, as {@code FeelEngine} does with a fresh one. */
  static class ParsingOnce extends FeelEngine {

    private final ParsedExpressionCache unaryTests;
    private final ParsedExpressionCache expressions;

    ParsingOnce(FeelEngine built, int capacity) {
      super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
      unaryTests = new ParsedExpressionCache(capacity, this::parseUnaryTests);
      expressions = new ParsedExpressionCache(capacity, this::parseExpression);
    }

    // FeelEngine's own: parseUnaryTests(expression).flatMap(eval(_, context)).map(_.asInstanceOf[Boolean])
    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      return unaryTests.parse(expression)
          .<Failure, Object>flatMap(parsed -> eval(parsed, context))
          .<Object>map(BoxesRunTime::unboxToBoolean);
    }

    // FeelEngine's own: parseExpression(expression).flatMap(eval(_, context))
    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return expressions.parse(expression).flatMap(parsed -> eval(parsed, context));
    }
  }
}
