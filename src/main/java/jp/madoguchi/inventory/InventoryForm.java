package jp.madoguchi.inventory;

import java.util.Arrays;
import java.util.List;

/** How the desk's form shows each field of a kind: as a line, a text area, yes/no, one choice or several. */
final class InventoryForm {

  enum Type { LINE, TEXT, YES_NO, CHOICE, CHOICES }

  /** One choice: its value and its label (a message code, or the text itself for a category). */
  record Option(String value, String messageCode, String text) {}

  /** A field of the form. */
  record Field(String key, Type type, List<Option> options, int maxLength) {}

  static List<Field> fields(InventoryKind kind, InventorySnapshot inventory) {
    List<Option> categories = inventory.categories().stream()
        .map(category -> new Option(category.code(), null, category.nameJa() + " / " + category.nameEn()
            + " (" + category.code() + ")"))
        .toList();
    return switch (kind) {
      case CATEGORIES -> List.of(line("code", 64), line("name_ja", 200), line("name_en", 200),
          text("data_items_ja", 2000), text("data_items_en", 2000), yesNo("retained"), line("client_name", 200),
          text("client_contact", 500), yesNo("specific_personal_information"), line("retention_ja", 500),
          line("retention_en", 500), text("source_ja", 1000), text("source_en", 1000),
          new Field("relationships", Type.CHOICES, options(Relationship.values(), "inventory.relationship."), 0));
      case PURPOSES -> List.of(line("code", 64), text("text_ja", 1000), text("text_en", 1000), yesNo("published"),
          new Field("categories", Type.CHOICES, categories, 0));
      case SYSTEMS -> List.of(line("code", 64), line("name_ja", 200), line("name_en", 200),
          line("owning_group", 64), yesNo("specific_information_entitled"),
          new Field("search_kind", Type.CHOICE, options(SearchKind.values(), "inventory.searchKind."), 0),
          new Field("categories", Type.CHOICES, categories, 0));
      case PROVISIONS -> List.of(line("code", 64), new Field("category", Type.CHOICE, categories, 0),
          line("recipient_ja", 500), line("recipient_en", 500),
          new Field("legal_basis", Type.CHOICE, options(LegalBasis.values(), "inventory.legalBasis."), 0),
          text("joint_use_items_ja", 2000), text("joint_use_items_en", 2000));
    };
  }

  private static Field line(String key, int max) {
    return new Field(key, Type.LINE, List.of(), max);
  }

  private static Field text(String key, int max) {
    return new Field(key, Type.TEXT, List.of(), max);
  }

  private static Field yesNo(String key) {
    return new Field(key, Type.YES_NO, List.of(new Option("true", "inventory.yes", null),
        new Option("false", "inventory.no", null)), 0);
  }

  private static List<Option> options(Enum<?>[] values, String prefix) {
    return Arrays.stream(values).map(value -> new Option(value.name(), prefix + value.name(), null)).toList();
  }

  private InventoryForm() {}
}
