package jp.madoguchi.correspondence;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
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
    return engine.process(name, context);
  }
}
