package jp.madoguchi.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Camunda Form (a {@code .form} file) says about the text staff type into it. Every {@code textfield} and
 * {@code textarea} is free text about the request, which stays in the register (see {@link CaseNotes}), unless the
 * designer marked it a code with the custom property {@value #VALUE_KIND} = {@value #CODE} (a tracking number: a
 * value the engine may route on, not words about a person).
 */
final class FreeTextFields {

  static final String VALUE_KIND = "valueKind";
  static final String CODE = "code";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  private static final Pattern TEMPLATE_NAME = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private FreeTextFields() {}

  /** The keys of the form's free-text fields. */
  static Set<String> of(byte[] form) {
    Set<String> keys = new LinkedHashSet<>();
    collect(read(form), keys, null);
    return keys;
  }

  /** Every name the form reads: the keys of its fields and the names its text elements show ({@code {{name}}}). */
  static Set<String> namesRead(byte[] form) {
    Set<String> names = new LinkedHashSet<>();
    collect(read(form), null, names);
    return names;
  }

  private static void collect(JsonNode container, Set<String> freeText, Set<String> names) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      if (freeText != null && key != null && TEXT_TYPES.contains(type)
          && !CODE.equals(component.path("properties").path(VALUE_KIND).asText(null))) {
        freeText.add(key);
      }
      if (names != null) {
        if (key != null) {
          names.add(key);
        }
        Matcher template = TEMPLATE_NAME.matcher(component.path("text").asText(""));
        while (template.find()) {
          names.add(template.group(1));
        }
      }
      collect(component, freeText, names);
    }
  }

  private static JsonNode read(byte[] form) {
    try {
      return JSON.readTree(form);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("A deployed form is not JSON", unreadable);
    }
  }
}
