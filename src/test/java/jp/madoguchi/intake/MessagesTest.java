package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every text a person sees exists in Japanese and in English. */
class MessagesTest {

  @Test
  void japaneseAndEnglishHaveTheSameKeysAndNoEmptyText() throws Exception {
    Properties japanese = load("messages_ja.properties");
    Properties english = load("messages_en.properties");

    assertThat(japanese.stringPropertyNames()).isNotEmpty();
    assertThat(english.stringPropertyNames()).isEqualTo(japanese.stringPropertyNames());
    for (String key : japanese.stringPropertyNames()) {
      assertThat(japanese.getProperty(key)).as(key).isNotBlank();
      assertThat(english.getProperty(key)).as(key).isNotBlank();
    }
    Set<String> shared = load("messages.properties").stringPropertyNames();
    assertThat(shared).doesNotContainAnyElementsOf(japanese.stringPropertyNames());
  }

  private static Properties load(String name) throws Exception {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name),
        StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
