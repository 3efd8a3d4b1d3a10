package jp.madoguchi.intake;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.EmailAddress;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestType;

/**
 * Checks a submission field by field and turns it into the register's {@link NewRequest}. All problems are collected,
 * so that the requester sees every wrong field at once. Text is kept as typed (HTML included: it is stored as text
 * and always shown escaped), except that values people type in many ways are normalised: full-width digits and
 * signs in postal codes, telephone numbers and e-mail addresses (NFKC), and CRLF line ends in the details.
 */
final class SubmissionValidator {

  static final int NAME_MAX = 200;
  static final int ADDRESS_MAX = 400;
  static final int PHONE_MAX = 32;
  static final int EMAIL_MAX = EmailAddress.MAX_LENGTH;
  static final int DETAILS_MAX = 4000;
  static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private static final Pattern POSTAL_CODE = Pattern.compile("〒?\\s*(\\d{3})-?(\\d{4})");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,31}");

  /**
   * Who submits and when.
   *
   * @param staff the desk registers the request (any channel, an earlier arrival date)
   * @param today the desk's date (Tokyo)
   * @param earliestArrival the earliest arrival date the desk may record
   * @param defaultLanguage the caller's language when the submission names none
   * @param defaultChannel the channel when the submission names none
   * @param staffChannels the channels besides the web the company accepts requests by (its configuration): staff
   *     register no other
   * @param defaultArrival the arrival day of a submission that names none: today, or the next business day when
   *     it arrives after closing time or on a closed day (see {@code DeskCalendar.arrivalDay})
   */
  record Context(boolean staff, LocalDate today, LocalDate earliestArrival, String defaultLanguage,
      Channel defaultChannel, LocalDate defaultArrival, List<Channel> staffChannels) {}

  private final Context context;
  private final List<FieldProblem> problems = new ArrayList<>();

  private SubmissionValidator(Context context) {
    this.context = context;
  }

  /**
   * The register's request, when the submission is valid.
   *
   * @throws InvalidSubmissionException listing every wrong field
   */
  static NewRequest validate(IntakeRequest submission, Context context) {
    return new SubmissionValidator(context).check(submission);
  }

  private NewRequest check(IntakeRequest submission) {
    RequestType type = enumValue("type", submission.getType(), RequestType.class, true);
    Party principal = principal(submission.getPrincipal());
    IntakeRequest.Agent agentForm = submission.getAgent();
    AgentKind agentKind = null;
    Party agent = null;
    if (agentForm != null && agentGiven(agentForm)) {
      agentKind = enumValue("agent.kind", agentForm.getKind(), AgentKind.class, true);
      agent = agent(agentForm);
    }
    DisclosureMethod method = enumValue("disclosureMethod", submission.getDisclosureMethod(),
        DisclosureMethod.class, false);
    if (type != null && type.disclosureMethodApplies() && method == null && !has("disclosureMethod")) {
      problem("disclosureMethod", "intake.error.required");
    }
    if (type != null && !type.disclosureMethodApplies() && method != null) {
      problem("disclosureMethod", "intake.error.disclosureMethodNotApplicable");
    }
    String details = multiLine("details", submission.getDetails(), DETAILS_MAX, true);
    PersonalInformationKind kind = enumValue("personalInformationKind", submission.getPersonalInformationKind(),
        PersonalInformationKind.class, false);
    Channel channel = channel(submission.getChannel());
    LocalDate arrivedOn = arrivedOn(submission.getArrivedOn());
    String language = language(submission.getLanguage());
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException(problems);
    }
    return new NewRequest(type, channel, kind == null ? PersonalInformationKind.ORDINARY : kind, method, language,
        arrivedOn, null, principal, agentKind, agent, details);
  }

  private Party principal(IntakeRequest.Principal form) {
    IntakeRequest.Principal p = form == null ? new IntakeRequest.Principal() : form;
    String name = singleLine("principal.name", p.getName(), NAME_MAX, true);
    String kana = singleLine("principal.nameKana", nfkc(p.getNameKana()), NAME_MAX, false);
    LocalDate birthDate = birthDate(p.getDateOfBirth());
    String postalCode = postalCode("principal.postalCode", p.getPostalCode());
    String address = singleLine("principal.address", p.getAddress(), ADDRESS_MAX, false);
    String phone = phone("principal.phone", p.getPhone());
    String email = email("principal.email", p.getEmail());
    requireContact("principal", p.getAddress(), p.getPhone(), p.getEmail());
    return new Party(name, kana, birthDate, postalCode, address, phone, email);
  }

  private Party agent(IntakeRequest.Agent a) {
    String name = singleLine("agent.name", a.getName(), NAME_MAX, true);
    String address = singleLine("agent.address", a.getAddress(), ADDRESS_MAX, false);
    String phone = phone("agent.phone", a.getPhone());
    String email = email("agent.email", a.getEmail());
    requireContact("agent", a.getAddress(), a.getPhone(), a.getEmail());
    return new Party(name, null, null, null, address, phone, email);
  }

  private static boolean agentGiven(IntakeRequest.Agent a) {
    return Arrays.asList(a.getKind(), a.getName(), a.getAddress(), a.getPhone(), a.getEmail()).stream()
        .anyMatch(value -> value != null && !value.isBlank());
  }

  /** The desk must be able to answer: a postal address, a telephone number or an e-mail address. */
  private void requireContact(String party, String address, String phone, String email) {
    if (blank(address) && blank(phone) && blank(email)) {
      problem(party + ".contact", "intake.error.contactMissing");
    }
  }

  private LocalDate birthDate(String value) {
    LocalDate date = date("principal.dateOfBirth", value);
    if (date == null) {
      return null;
    }
    if (date.isAfter(context.today())) {
      problem("principal.dateOfBirth", "intake.error.futureDate");
      return null;
    }
    if (date.isBefore(EARLIEST_BIRTH_DATE)) {
      problem("principal.dateOfBirth", "intake.error.invalidDate");
      return null;
    }
    return date;
  }

  private String postalCode(String field, String value) {
    String text = singleLine(field, nfkc(value), 16, false);
    if (text == null) {
      return null;
    }
    var matcher = POSTAL_CODE.matcher(text);
    if (!matcher.matches()) {
      problem(field, "intake.error.invalidPostalCode");
      return null;
    }
    return matcher.group(1) + "-" + matcher.group(2);
  }

  private String phone(String field, String value) {
    String text = singleLine(field, nfkc(value), PHONE_MAX, false);
    if (text != null && !PHONE.matcher(text).matches()) {
      problem(field, "intake.error.invalidPhone");
      return null;
    }
    return text;
  }

  private String email(String field, String value) {
    String text = singleLine(field, nfkc(value), EMAIL_MAX, false);
    if (text != null && !EmailAddress.valid(text)) {
      problem(field, "intake.error.invalidEmail");
      return null;
    }
    return text;
  }

  private Channel channel(String value) {
    Channel channel = enumValue("channel", value, Channel.class, false);
    if (channel == null) {
      return has("channel") ? null : context.defaultChannel();
    }
    if (!context.staff() && channel != Channel.WEB) {
      problem("channel", "intake.error.channelStaffOnly");
    } else if (channel != Channel.WEB && !context.staffChannels().contains(channel)) {
      problem("channel", "intake.error.channelNotAccepted");
    }
    return channel;
  }

  private LocalDate arrivedOn(String value) {
    LocalDate date = date("arrivedOn", value);
    if (date == null) {
      return context.defaultArrival();
    }
    if (date.isAfter(context.today())) {
      problem("arrivedOn", "intake.error.futureDate");
    } else if (!context.staff() && date.isBefore(context.today())) {
      problem("arrivedOn", "intake.error.arrivedOnStaffOnly");
    } else if (date.isBefore(context.earliestArrival())) {
      problem("arrivedOn", "intake.error.arrivedOnTooEarly", context.earliestArrival().toString());
    }
    return date;
  }

  private String language(String value) {
    String text = singleLine("language", value, 8, false);
    if (text == null) {
      return has("language") ? null : context.defaultLanguage();
    }
    String language = text.toLowerCase(Locale.ROOT);
    if (!language.equals("ja") && !language.equals("en")) {
      problem("language", "intake.error.unknownValue");
      return null;
    }
    return language;
  }

  private LocalDate date(String field, String value) {
    String text = singleLine(field, value, 10, false);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problem(field, "intake.error.invalidDate");
      return null;
    }
  }

  private <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
    String text = singleLine(field, value, 64, required);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(field, "intake.error.unknownValue");
      return null;
    }
  }

  /** A one-line value: trimmed, blank as absent, no control character of any kind. */
  private String singleLine(String field, String value, int maxLength, boolean required) {
    // checked before trimming: strip() would silently drop some control characters at the ends
    if (value != null && value.codePoints().anyMatch(TextRules::forbiddenInLine)) {
      problem(field, "intake.error.controlCharacters");
      return null;
    }
    return present(field, value == null ? null : value.strip(), maxLength, required);
  }

  /** A multi-line value: line ends normalised to LF; new lines and tabs are the only control characters allowed. */
  private String multiLine(String field, String value, int maxLength, boolean required) {
    String lines = value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n');
    if (lines != null && lines.codePoints().anyMatch(TextRules::forbiddenInText)) {
      problem(field, "intake.error.controlCharacters");
      return null;
    }
    return present(field, lines == null ? null : lines.strip(), maxLength, required);
  }

  /** A trimmed value: blank is absent (a problem when required), longer than the limit is a problem. */
  private String present(String field, String text, int maxLength, boolean required) {
    if (text == null || text.isEmpty()) {
      if (required) {
        problem(field, "intake.error.required");
      }
      return null;
    }
    if (text.length() > maxLength) {
      problem(field, "intake.error.tooLong", maxLength);
      return null;
    }
    return text;
  }

  private static String nfkc(String value) {
    return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFKC);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private boolean has(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  private void problem(String field, String code, Object... arguments) {
    problems.add(new FieldProblem(field, code, arguments));
  }
}
