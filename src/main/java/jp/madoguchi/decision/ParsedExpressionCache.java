package jp.madoguchi.decision;

import camundajar.impl.scala.util.Either;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL texts parsed once: the parse of each distinct text is kept and handed out again, for at most {@code capacity}
 * texts. A text that does not parse is not kept; it is parsed again, and fails again, every time it is asked for.
 *
 * <p>When full, an arbitrary text makes room for the new one. The deployed tables hold far fewer distinct texts than
 * the bound, which only keeps a desk that deploys new tables for years from growing without limit; a text pushed out
 * is simply parsed again when next needed. Two threads that ask for a new text at the same moment may both parse it.
 */
final class ParsedExpressionCache {

  private final int capacity;
  private final Function<String, Either<Failure, ParsedExpression>> parser;
  private final ConcurrentMap<String, Either<Failure, ParsedExpression>> parsed = new ConcurrentHashMap<>();

  ParsedExpressionCache(int capacity, Function<String, Either<Failure, ParsedExpression>> parser) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.parser = parser;
  }

  /** The parse of {@code text}: the kept one, or a new one (kept if it succeeded). */
  Either<Failure, ParsedExpression> parse(String text) {
    if (text == null) {
      return parser.apply(null);
    }
    Either<Failure, ParsedExpression> known = parsed.get(text);
    if (known != null) {
      return known;
    }
    Either<Failure, ParsedExpression> result = parser.apply(text);
    if (result.isRight()) {
      makeRoom();
      parsed.put(text, result);
    }
    return result;
  }

  /** How many parsed texts are kept. */
  int size() {
    return parsed.size();
  }

  private void makeRoom() {
    Iterator<String> texts = parsed.keySet().iterator();
    while (parsed.size() >= capacity && texts.hasNext()) {
      parsed.remove(texts.next());
    }
  }
}
