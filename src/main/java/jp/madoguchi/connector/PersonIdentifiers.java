package jp.madoguchi.connector;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;

/**
 * The person's identifiers as the register holds them (the principal of the request, never the agent), the way a
 * system is asked for them: NFKC and trimmed; e-mail in lower case; phone as its digits; names as written (systems
 * store them as they were given). The register holds no customer number yet: {@code :customerNumber} is null.
 */
public record PersonIdentifiers(String email, String phone, String name, String nameKana, java.time.LocalDate birthDate,
    String customerNumber) {

  static PersonIdentifiers of(DeskRequest request) {
    Party person = request.principal();
    String email = text(person.email());
    String phone = text(person.phone());
    return new PersonIdentifiers(email == null ? null : email.replaceAll("\\s", "").toLowerCase(Locale.ROOT),
        phone == null ? null : blankToNull(phone.replaceAll("[^0-9]", "")), text(person.name()),
        text(person.nameKana()), person.birthDate(), null);
  }

  /** The named parameters of a statement. */
  Map<String, Object> parameters() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("email", email);
    parameters.put("phone", phone);
    parameters.put("name", name);
    parameters.put("nameKana", nameKana);
    parameters.put("birthDate", birthDate);
    parameters.put("customerNumber", customerNumber);
    return parameters;
  }

  /** As JSON for a system: every identifier, null when unknown; the birth date as ISO date. */
  Map<String, Object> json() {
    Map<String, Object> json = parameters();
    json.put("birthDate", birthDate == null ? null : birthDate.toString());
    return json;
  }

  private static String text(String value) {
    return value == null ? null : blankToNull(Normalizer.normalize(value, Normalizer.Form.NFKC).strip());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
