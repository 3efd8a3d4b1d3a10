package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;

/** What {@link LetterKind} says about its letters, checked against the letters' templates. */
class LetterKindTest {

  private static final Pattern INSERT = Pattern.compile("~\\{(\\w+/_[\\w-]+)}");
  private static final Pattern FEE = Pattern.compile("\\$\\{(fee|feeApplies)\\b");

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void aLetterIsGivenTheFeeExactlyWhenItsTemplatesShowIt(LetterKind kind) throws IOException {
    for (String language : new String[] {"ja", "en"}) {
      String template = language + "/" + kind.fileName();
      if (!new ClassPathResource("templates/letters/" + template + ".txt").exists()) {
        continue;
      }
      assertThat(showsFee(template))
          .as("%s (%s) shows the fee in its template, with what it inserts", kind, language)
          .isEqualTo(kind.showsFee());
    }
  }

  /** Whether the template, or a part it inserts, reads the fee. */
  private static boolean showsFee(String template) throws IOException {
    String text;
    try (InputStream in = new ClassPathResource("templates/letters/" + template + ".txt").getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (FEE.matcher(text).find()) {
      return true;
    }
    Matcher inserts = INSERT.matcher(text);
    while (inserts.find()) {
      if (showsFee(inserts.group(1))) {
        return true;
      }
    }
    return false;
  }
}
