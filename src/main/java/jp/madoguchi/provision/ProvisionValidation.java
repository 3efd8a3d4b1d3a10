package jp.madoguchi.provision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks records against what Art 29 and 30 ask of each direction and turns them into {@link ValidRecord}s; every
 * problem of every record at once, each naming its record and field.
 */
final class ProvisionValidation {

  static final int MAX_TEXT = 200;
  static final int MAX_LONG_TEXT = 1000;
  private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private ProvisionValidation() {}

  /** One person as stored: as sent, and normalised for matching. */
  record ValidPerson(String name, String nameKana, LocalDate birthDate, String email, String phone,
      String customerNumber, String postalCode) {}

  /** One record that passed. */
  record ValidRecord(String sourceId, Direction direction, ProvisionBasis basis, RecordForm recordForm,
      LocalDate recordedOn, LocalDate providedOn, String counterpartyName, String counterpartyAddress,
      String counterpartyRepresentative, String acquisition, Boolean ppcNotificationConfirmed, String dataItems,
      String categoryCode, String recipientCode, List<ValidPerson> persons) {

    LocalDate lastProvisionOn() {
      return providedOn != null ? providedOn : recordedOn;
    }

    LocalDate keepUntil() {
      return recordForm.keepUntil(recordedOn, lastProvisionOn());
    }
  }

  /**
   * What the data inventory knows of the codes a record names: a category, and a provision of a category to a
   * recipient (whose legal basis says whether Art 29 asks for a record).
   */
  interface InventoryCodes {

    /** Whether the inventory has a category of this code. */
    boolean knowsCategory(String code);

    /** The inventory's provision of this code: whether it is recorded under Art 29, its category; empty if none. */
    java.util.Optional<KnownProvision> provision(String code);

    /** Knows every code: for checks that do not look at the inventory. */
    InventoryCodes ANY = new InventoryCodes() {
      @Override
      public boolean knowsCategory(String code) {
        return true;
      }

      @Override
      public java.util.Optional<KnownProvision> provision(String code) {
        return java.util.Optional.of(new KnownProvision(true, null));
      }
    };
  }

  /** A provision the inventory lists: whether Art 29 asks for a record of it, and its category's code. */
  record KnownProvision(boolean recorded, String categoryCode) {}

  /** Every record valid, or {@link InvalidProvisionRecords} naming every problem. */
  static List<ValidRecord> check(List<ProvisionRecordInput> inputs, LocalDate today) {
    return check(inputs, today, InventoryCodes.ANY);
  }

  /** As {@link #check(List, LocalDate)}, with the codes a record names checked against the data inventory. */
  static List<ValidRecord> check(List<ProvisionRecordInput> inputs, LocalDate today, InventoryCodes inventory) {
    List<ProvisionProblem> problems = new ArrayList<>();
    List<ValidRecord> valid = new ArrayList<>();
    if (inputs == null || inputs.isEmpty()) {
      throw new InvalidProvisionRecords(List.of(new ProvisionProblem(null, "records", ProvisionProblem.EMPTY)),
          false);
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      ProvisionRecordInput input = inputs.get(i);
      Checker checker = new Checker(input == null || blank(input.sourceId()) ? "#" + (i + 1) : input.sourceId(),
          problems, inventory);
      if (input == null) {
        checker.add("", ProvisionProblem.REQUIRED);
        continue;
      }
      ValidRecord record = checker.record(input, today);
      if (record != null && !ids.add(record.sourceId())) {
        checker.add("sourceId", ProvisionProblem.DUPLICATE_IN_BATCH);
      }
      valid.add(record);
    }
    if (!problems.isEmpty()) {
      throw new InvalidProvisionRecords(problems, false);
    }
    return valid;
  }

  /** A further provision's own id and date. */
  static LocalDate furtherProvision(String sourceId, String provisionId, String providedOn, LocalDate today) {
    List<ProvisionProblem> problems = new ArrayList<>();
    Checker checker = new Checker(sourceId, problems, InventoryCodes.ANY);
    if (blank(provisionId)) {
      checker.add("provisionId", ProvisionProblem.REQUIRED);
    } else if (!SOURCE_ID.matcher(provisionId).matches()) {
      checker.add("provisionId", ProvisionProblem.INVALID_SOURCE_ID);
    }
    LocalDate date = checker.date("providedOn", providedOn, true, today);
    if (!problems.isEmpty()) {
      throw new InvalidProvisionRecords(problems, false);
    }
    return date;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static final class Checker {
    private final String record;
    private final List<ProvisionProblem> problems;
    private final InventoryCodes inventory;
    private int before;

    Checker(String record, List<ProvisionProblem> problems, InventoryCodes inventory) {
      this.record = record;
      this.problems = problems;
      this.inventory = inventory;
    }

    void add(String field, String code) {
      problems.add(new ProvisionProblem(record, field, code));
    }

    ValidRecord record(ProvisionRecordInput in, LocalDate today) {
      before = problems.size();
      String sourceId = in.sourceId() == null ? null : in.sourceId().strip();
      if (blank(sourceId)) {
        add("sourceId", ProvisionProblem.REQUIRED);
      } else if (!SOURCE_ID.matcher(sourceId).matches()) {
        add("sourceId", ProvisionProblem.INVALID_SOURCE_ID);
      }
      Direction direction = known(Direction.class, "direction", in.direction());
      ProvisionBasis basis = known(ProvisionBasis.class, "basis", in.basis());
      if (basis != null && !basis.recorded()) {
        add("basis", ProvisionProblem.NO_RECORD_REQUIRED);
      }
      RecordForm form = known(RecordForm.class, "recordForm", in.recordForm());
      LocalDate recordedOn = date("recordedOn", in.recordedOn(), true, today);
      boolean providedOnRequired = direction == Direction.RECEIVED || basis == ProvisionBasis.OPT_OUT;
      LocalDate providedOn = date("providedOn", in.providedOn(), providedOnRequired, today);

      ProvisionRecordInput.Counterparty party = in.counterparty();
      boolean received = direction == Direction.RECEIVED;
      String name = text("counterparty.name", party == null ? null : party.name(), true, MAX_TEXT);
      String address = text("counterparty.address", party == null ? null : party.address(), received, 400);
      String representative = text("counterparty.representative", party == null ? null : party.representative(),
          received, MAX_TEXT);
      String acquisition = text("acquisition", in.acquisition(), received, MAX_LONG_TEXT);
      Boolean ppcConfirmed = in.ppcNotificationConfirmed();
      if (received && basis == ProvisionBasis.OPT_OUT && !Boolean.TRUE.equals(ppcConfirmed)) {
        add("ppcNotificationConfirmed", ppcConfirmed == null ? ProvisionProblem.REQUIRED
            : ProvisionProblem.MUST_BE_CONFIRMED);
      }
      String items = items(in.dataItems());
      String category = text("categoryCode", in.categoryCode(), false, 64);
      String recipient = text("recipientCode", in.recipientCode(), false, 64);
      if (category != null && !inventory.knowsCategory(category)) {
        add("categoryCode", ProvisionProblem.UNKNOWN_VALUE);
      }
      if (recipient != null) {
        java.util.Optional<KnownProvision> known = inventory.provision(recipient);
        if (known.isEmpty()) {
          add("recipientCode", ProvisionProblem.UNKNOWN_VALUE);
        } else if (!known.get().recorded()) {
          // the inventory's legal basis for this provision is one Art 29 asks no record of
          add("recipientCode", ProvisionProblem.NO_RECORD_REQUIRED);
        } else if (category != null && known.get().categoryCode() != null
            && !known.get().categoryCode().equals(category)) {
          add("recipientCode", ProvisionProblem.UNKNOWN_VALUE);
        }
      }
      List<ValidPerson> persons = persons(in.persons(), today);
      if (problems.size() > before) {
        return null;
      }
      return new ValidRecord(sourceId, direction, basis, form, recordedOn, providedOn, name, address,
          representative, acquisition, received ? ppcConfirmed : null, items, category, recipient, persons);
    }

    private String items(List<String> items) {
      if (items == null || items.stream().allMatch(ProvisionValidation::blank)) {
        add("dataItems", ProvisionProblem.REQUIRED);
        return null;
      }
      String joined = String.join("、", items.stream().filter(item -> !blank(item)).map(String::strip).toList());
      if (joined.length() > MAX_LONG_TEXT) {
        add("dataItems", ProvisionProblem.TOO_LONG);
      }
      return joined;
    }

    private List<ValidPerson> persons(List<ProvisionRecordInput.Person> persons, LocalDate today) {
      if (persons == null || persons.isEmpty()) {
        add("persons", ProvisionProblem.REQUIRED);
        return List.of();
      }
      List<ValidPerson> valid = new ArrayList<>(persons.size());
      for (int i = 0; i < persons.size(); i++) {
        ProvisionRecordInput.Person p = persons.get(i);
        String at = "persons[" + i + "].";
        if (p == null) {
          add(at.substring(0, at.length() - 1), ProvisionProblem.REQUIRED);
          continue;
        }
        String name = text(at + "name", p.name(), false, MAX_TEXT);
        String kana = text(at + "nameKana", p.nameKana(), false, MAX_TEXT);
        LocalDate birth = date(at + "birthDate", p.birthDate(), false, today);
        String email = text(at + "email", p.email(), false, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
          add(at + "email", ProvisionProblem.INVALID_EMAIL);
        }
        String phone = text(at + "phone", p.phone(), false, 40);
        String customer = text(at + "customerNumber", p.customerNumber(), false, 64);
        String postal = text(at + "postalCode", p.postalCode(), false, 16);
        if (name == null && kana == null && email == null && phone == null && customer == null) {
          add(at.substring(0, at.length() - 1), ProvisionProblem.NO_IDENTIFIER);
        }
        valid.add(new ValidPerson(name, kana, birth, email, phone, customer, postal));
      }
      return valid;
    }

    private <E extends Enum<E>> E known(Class<E> type, String field, String value) {
      if (blank(value)) {
        add(field, ProvisionProblem.REQUIRED);
        return null;
      }
      try {
        return Enum.valueOf(type, value.strip());
      } catch (IllegalArgumentException e) {
        add(field, ProvisionProblem.UNKNOWN_VALUE);
        return null;
      }
    }

    LocalDate date(String field, String value, boolean required, LocalDate today) {
      if (blank(value)) {
        if (required) {
          add(field, ProvisionProblem.REQUIRED);
        }
        return null;
      }
      try {
        LocalDate date = LocalDate.parse(value.strip());
        if (date.isAfter(today)) {
          add(field, ProvisionProblem.FUTURE_DATE);
        }
        return date;
      } catch (DateTimeParseException e) {
        add(field, ProvisionProblem.INVALID_DATE);
        return null;
      }
    }

    private String text(String field, String value, boolean required, int max) {
      if (blank(value)) {
        if (required) {
          add(field, ProvisionProblem.REQUIRED);
        }
        return null;
      }
      String text = value.strip();
      if (text.length() > max) {
        add(field, ProvisionProblem.TOO_LONG);
      }
      return text;
    }
  }
}
