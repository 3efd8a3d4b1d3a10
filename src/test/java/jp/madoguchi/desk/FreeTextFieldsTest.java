package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which fields of a form are free text, and which names a form shows. */
class FreeTextFieldsTest {

  private static final byte[] FORM = """
      {"id": "example", "type": "default", "components": [
        {"type": "text", "text": "Reasons: {{refusalReasons}} ({{ decisionLabel }})"},
        {"type": "textfield", "key": "clientCompanyName"},
        {"type": "textarea", "key": "investigationNote"},
        {"type": "textfield", "key": "trackingNumber", "validate": {"pattern": "^[0-9-]{8,20}$"},
         "properties": {"valueKind": "code"}},
        {"type": "number", "key": "feeAmountReceived"},
        {"type": "group", "components": [{"type": "textarea", "key": "nestedComment"}]}
      ]}
      """.getBytes(StandardCharsets.UTF_8);

  @Test
  void everyTextFieldAndTextAreaIsFreeTextUnlessMarkedACode() {
    assertThat(FreeTextFields.of(FORM))
        .containsExactlyInAnyOrder("clientCompanyName", "investigationNote", "nestedComment");
  }

  @Test
  void aFormReadsItsFieldsAndTheNamesItsTextsShow() {
    assertThat(FreeTextFields.namesRead(FORM)).contains("refusalReasons", "decisionLabel", "clientCompanyName",
        "trackingNumber", "feeAmountReceived", "nestedComment");
  }
}
