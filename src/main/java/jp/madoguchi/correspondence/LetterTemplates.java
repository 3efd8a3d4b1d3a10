package jp.madoguchi.correspondence;

import java.util.Map;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The letters' Thymeleaf text templates under {@code templates/letters/}: one per kind and language
 * ({@code ja/disclosure.txt}, {@code en/disclosure.txt}), one for both languages where the reader may read either
 * ({@code bilingual/client-notification.txt}), and the e-mail wrappers under {@code mail/}.
 *
 * <p>An engine of its own, not the application's HTML view engine: these templates are plain text, and no web
 * page can ever resolve them.
 */
@Component
class LetterTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  /**
   * The SpEL evaluation context of this thread's renderings. Thymeleaf makes a new one for every rendering when none
   * is given, and with it new property accessors whose caches of the record accessors they found (which method
   * reads {@code co.name}) start empty: every rendering looked up its models' accessors by reflection anew. Kept
   * per thread, the renderings of the lifecycle benchmark took half the CPU samples (53 to 28; issue 21, session
   * 17). An evaluation context is not thread-safe, and one rendering runs on one thread from start to end (its
   * fragments too), so each thread keeps its own. It is the one Thymeleaf would make (no bean resolver, the same
   * restrictions): only its caches outlive a rendering; the variables and expression objects of each evaluation
   * are set by Thymeleaf before it evaluates.
   */
  private final ThreadLocal<ThymeleafEvaluationContextWrapper> evaluationContext =
      ThreadLocal.withInitial(() -> new ThymeleafEvaluationContextWrapper(new StandardEvaluationContext()));

  LetterTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/letters/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /** Renders {@code templates/letters/<name>.txt} with the model. */
  String render(String name, String language, Map<String, Object> model) {
    Context context = new Context(LetterVocabulary.locale(language));
    context.setVariables(model);
    ThymeleafEvaluationContextWrapper evaluation = evaluationContext.get();
    context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation);
    try {
      return engine.process(name, context);
    } finally {
      // the last evaluation's expression objects hold the letter's model: the thread keeps none of it
      evaluation.setExpressionObjects(null);
    }
  }
}
