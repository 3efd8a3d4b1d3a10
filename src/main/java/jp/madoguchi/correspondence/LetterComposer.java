package jp.madoguchi.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.calendar.DeskDates;
import jp.madoguchi.correspondence.CompanyProperties.Text;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.handling.PersonalDataRequestProcess.RequestDetail;
import jp.madoguchi.provision.DisclosedProvisionRecords;
import jp.madoguchi.search.SearchLetters;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses.PostalAddress;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Writes a letter: fills its template (the requester's language; Japanese and English together for clients and
 * staff) from the register, the request's history, the step's facts and the company's configuration, and lays it
 * out as a PDF. The subject of the e-mail is the letter's title with the reference number.
 */
@Component
class LetterComposer {

  private final LetterTemplates templates;
  private final LetterVocabulary vocabulary;
  private final PdfLetterWriter pdfWriter;
  private final CompanyProperties company;
  private final CorrespondenceProperties properties;
  private final PublicSiteProperties site;
  private final ZoneId zone;
  private final DeskDates dates;
  private final DisclosedProvisionRecords provisionRecords;
  private final ReplyAttachments attachments;
  private final EmailConfirmationProperties confirmation;
  private final java.util.function.BiFunction<Long, String, SearchLetters.Findings> searchFindings;

  LetterComposer(LetterTemplates templates, LetterVocabulary vocabulary, PdfLetterWriter pdfWriter,
      CompanyProperties company, CorrespondenceProperties properties, PublicSiteProperties site,
      DeskCalendar calendar, DeskDates dates, DisclosedProvisionRecords provisionRecords,
      EmailConfirmationProperties confirmation, ReplyAttachments attachments) {
    this(templates, vocabulary, pdfWriter, company, properties, site, calendar, dates, provisionRecords, confirmation,
        attachments, (requestId, language) -> SearchLetters.Findings.NONE);
  }

  @org.springframework.beans.factory.annotation.Autowired
  LetterComposer(LetterTemplates templates, LetterVocabulary vocabulary, PdfLetterWriter pdfWriter,
      CompanyProperties company, CorrespondenceProperties properties, PublicSiteProperties site,
      DeskCalendar calendar, DeskDates dates, DisclosedProvisionRecords provisionRecords,
      EmailConfirmationProperties confirmation, ReplyAttachments attachments, SearchLetters searchLetters) {
    this(templates, vocabulary, pdfWriter, company, properties, site, calendar, dates, provisionRecords, confirmation,
        attachments, searchLetters::findings);
  }

  private LetterComposer(LetterTemplates templates, LetterVocabulary vocabulary, PdfLetterWriter pdfWriter,
      CompanyProperties company, CorrespondenceProperties properties, PublicSiteProperties site,
      DeskCalendar calendar, DeskDates dates, DisclosedProvisionRecords provisionRecords,
      EmailConfirmationProperties confirmation, ReplyAttachments attachments,
      java.util.function.BiFunction<Long, String, SearchLetters.Findings> searchFindings) {
    this.attachments = attachments;
    this.templates = templates;
    this.vocabulary = vocabulary;
    this.pdfWriter = pdfWriter;
    this.company = company;
    this.properties = properties;
    this.site = site;
    this.zone = calendar.timeZone();
    this.dates = dates;
    this.provisionRecords = provisionRecords;
    this.confirmation = confirmation;
    this.searchFindings = searchFindings;
  }

  /**
   * To whom, and how, the letter goes; for a requester also the postal address the letter shows (none: the address
   * given at intake, as the register holds it).
   */
  record Recipient(RecipientRole role, String name, String email, Delivery delivery, PostalAddress postalAddress) {

    Recipient(RecipientRole role, String name, String email, Delivery delivery) {
      this(role, name, email, delivery, null);
    }
  }

  /** The letter as it is kept: the e-mail's subject, the plain text, and the PDF (none for staff). */
  record ComposedLetter(String subject, String text, byte[] pdf, int pages) {}

  /**
   * The letter, with the request's history read only when the letter's template shows something of it (the decision,
   * the grounds, staff's notes).
   */
  ComposedLetter compose(DeskRequest request, LetterKind kind, Recipient recipient, LetterFacts facts,
      Supplier<List<RequestEvent>> history, Instant now) {
    Supplier<CaseRecord> record = once(() -> CaseRecord.of(history.get()));
    LocalDate today = now.atZone(zone).toLocalDate();
    String language = kind.bilingual() ? "ja" : language(request);
    Map<String, Object> model;
    String template;
    if (kind.bilingual()) {
      // a template reads the two languages' models as maps, where Thymeleaf resolves no lazy variable: read now
      model = new HashMap<>();
      model.put("ja", model("ja", request, recipient, facts, record, today, false));
      model.put("en", model("en", request, recipient, facts, record, today, false));
      template = "bilingual/" + kind.fileName();
    } else {
      model = model(language, request, recipient, facts, record, today, true);
      template = language + "/" + kind.fileName();
    }
    LetterText text = LetterText.parse(templates.render(template, language, model));
    String title = text.title();
    String subject = vocabulary.word(language, "subject.pattern", title, request.reference(),
        company.name().in(language));
    if (!kind.hasPdf()) {
      return new ComposedLetter(subject, text.plain(language), null, 0);
    }
    PdfLetterWriter.Pdf pdf = pdfWriter.write(new PdfLetterWriter.Letter(language, title + " " + request.reference(),
        company.name().in(language), letterhead(language), vocabulary.date(language, today),
        vocabulary.word(language, "reference.label", request.reference()), addressee(language, request, recipient),
        "ja".equals(language) ? addresseeLinesBeforeName(request, recipient) : 0, sender(language), text,
        footer(language), now));
    return new ComposedLetter(subject, text.plain(language), pdf.bytes(), pdf.pages());
  }

  private static String language(DeskRequest request) {
    return "en".equals(request.language()) ? "en" : "ja";
  }

  /**
   * The template's variables. What only some letters show and the desk must read from other tables for (the case
   * record from the register's history, the search's findings, the enclosure, the provision records) is read, when
   * {@code lazily}, only if the template shows it: Thymeleaf resolves a {@link LazyContextVariable} the first time a
   * template reads it, so that an acknowledgement reads none of them (issue 21, session 32).
   */
  private Map<String, Object> model(String language, DeskRequest request, Recipient recipient, LetterFacts facts,
      Supplier<CaseRecord> record, LocalDate today, boolean lazily) {
    Map<String, Object> model = new HashMap<>();
    Later later = new Later(model, lazily);
    model.put("lang", language);
    model.put("ref", request.reference());
    model.put("typeCode", request.type().name());
    model.put("type", vocabulary.label(language, "requestType", request.type().name()));
    model.put("arrivedOn", vocabulary.date(language, request.arrivedOn()));
    model.put("today", vocabulary.date(language, today));
    model.put("name", recipient.name());
    model.put("honorific", honorific(language, recipient.role()));
    model.put("byAgent", request.hasAgent());
    model.put("principalName", request.principal().name());
    model.put("agentKind", request.hasAgent() ? vocabulary.label(language, "agentKind", request.agentKind().name())
        : null);
    model.put("requesterKind", request.hasAgent() ? request.agentKind().name() : "PRINCIPAL");
    model.put("checklist", vocabulary.labels(language, "finding", checklist(request)));
    model.put("principal", request.principal());
    model.put("principalAddress", request.principal().address() == null ? null
        : address(language, request.principal().postalCode(), request.principal().address()));
    model.put("agent", request.agent());
    model.put("details", request.details() == null ? null : LetterText.quote(request.details()));
    model.put("legalRepresentative", request.agentKind() == AgentKind.LEGAL_REPRESENTATIVE);
    model.put("co", CompanyView.of(company, language));
    model.put("org", OrganisationView.of(company.accreditedOrganisation(), language));
    // whether a fee applies is the request-fee table's answer, handed over in the facts (see LetterFacts.feeAmount)
    boolean feeApplies = feeApplies(facts);
    model.put("feeApplies", feeApplies);
    model.put("disclosureType", request.type().disclosureMethodApplies());
    model.put("noRecordsKept", noRecordsKept(request));
    model.put("fee", feeApplies ? vocabulary.yen(language, facts.feeAmount()) : company.fee().display().in(language));
    model.put("method", request.disclosureMethod() == null ? null
        : vocabulary.label(language, "method", request.disclosureMethod().name()));
    model.put("electronic", recipient.delivery() == Delivery.EMAIL);
    model.put("locations", vocabulary.labels(language, "location", facts.dataLocations()));
    later.put("decision", () -> record.get().decision());
    later.put("grounds", () -> vocabulary.labels(language, "ground", record.get().refusalGrounds()));
    later.put("groundCodes", () -> record.get().refusalGrounds());
    later.put("reasons", () -> quoted(record.get().refusalReasons()));
    later.put("paperReason", () -> quoted(record.get().paperReason()));
    model.put("addressUnconfirmed", facts.addressUnconfirmed());
    model.put("confirmationDays", confirmation.replyWaitBusinessDays());
    later.put("actionTaken", () -> quoted(record.get().actionTaken()));
    later.put("complaintOutcome", () -> quoted(record.get().complaintOutcome()));
    later.put("finding", () -> record.get().moreDocumentsFinding() == null ? null
        : vocabulary.label(language, "finding", record.get().moreDocumentsFinding()));
    later.put("rejection", () -> record.get().rejectionFinding() == null ? null
        : vocabulary.label(language, "finding", record.get().rejectionFinding()));
    String unmasked = facts.unmaskedNumber() == null ? null : facts.unmaskedNumber().name();
    model.put("unmasked", unmasked == null ? null : vocabulary.label(language, "unmasked", unmasked));
    model.put("unmaskedWhy", unmasked == null ? null : vocabulary.label(language, "unmaskedWhy", unmasked));
    model.put("unmaskedHowTo", unmasked == null ? null : vocabulary.label(language, "unmaskedHowTo", unmasked));
    model.put("awaited", facts.awaited() == null ? null : facts.awaited().name());
    model.put("awaitedLabel", facts.awaited() == null ? null
        : vocabulary.label(language, "awaited", facts.awaited().name()));
    List<String> missing = askedFor(facts.missingDetails());
    model.put("missing", missing.stream().map(code -> new AskedDetail(vocabulary.label(language, "detail", code),
        vocabulary.label(language, "detailField", code))).toList());
    // without e-mail among its channels, the desk takes written answers by post only
    model.put("answerByPost", answersByPost(request.channel()) || !company.desk().accepts(Channel.EMAIL));
    model.put("requestChannels", vocabulary.either(language,
        vocabulary.labels(language, "channel", company.desk().channels().stream().map(Channel::name).toList())));
    model.put("statusUrl", site.link("/status"));
    model.put("client", facts.clientCompanyName());
    model.put("entrustedInPart", facts.entrustedInPart());
    // a partly entrusted request: the letters about the desk's own part repeat which part went to the client
    later.put("referredTo", () -> record.get().referredTo());
    // the purposes of the categories in which the person's data was found (the data inventory, issue 16); a request
    // whose investigation recorded no category (handled before the inventory drove it) keeps the company's list
    Supplier<SearchLetters.Findings> findings = once(() -> searchFindings.apply(request.id(), language));
    later.put("purposes", () -> findings.get().recorded() ? findings.get().purposes()
        : company.purposesOfUse().stream().map(purpose -> purpose.in(language)).toList());
    later.put("noRetainedData", () -> findings.get().recorded() && findings.get().categories().isEmpty());
    later.put("categories", () -> findings.get().categories());
    // what was done on each system after the manager's approval, from the search's record (never the engine's)
    later.put("systemActions", () -> findings.get().actions().stream()
        .map(done -> new SystemActionView(done.system(),
            ("DONE".equals(done.outcome()) ? vocabulary.label(language, "systemAction", done.action())
                : vocabulary.label(language, "systemActionOutcome", done.outcome()))
                + (done.count() == null ? "" : vocabulary.word(language, "systemAction.count", done.count()))))
        .toList());
    model.put("validDays", properties.downloadValidDays());
    model.put("taskName", facts.taskName());
    model.put("taskDue", dates.dateTime(facts.taskDue(), LetterVocabulary.locale(language)));
    model.put("targetDueOn", vocabulary.date(language, request.deadlines().targetDueOn()));
    model.put("art39Date", vocabulary.date(language, request.deadlines().art39Date()));
    model.put("tasklistUrl", site.link("/camunda/app/tasklist/"));
    later.put("provisionRecords", () -> provisionRecords(language, request));
    later.put("enclosure", () -> attachments.enclosure(request.id(), language).orElse(null));
    return model;
  }

  private static String quoted(String note) {
    return note == null ? null : LetterText.quote(note);
  }

  /** What a supplier gives, asked for at most once. */
  private static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private boolean asked;
      private T value;

      @Override
      public T get() {
        if (!asked) {
          value = supplier.get();
          asked = true;
        }
        return value;
      }
    };
  }

  /** Puts a variable into a template's model: to be read when the template first shows it, or now. */
  private record Later(Map<String, Object> model, boolean lazily) {
    <T> void put(String name, Supplier<T> value) {
      model.put(name, lazily ? new LazyContextVariable<T>() {
        @Override
        protected T loadValue() {
          return value.get();
        }
      } : value.get());
    }
  }

  /** One system and what was done on it, in the letter's words. */
  record SystemActionView(String system, String text) {}

  /** One third-party provision record as a reply discloses it (Art 33(5)): the legally required items only. */
  record ProvisionRecordLine(String date, String direction, String counterparty, String items, String basis) {}

  /**
   * The records a third-party records request discloses: those the investigation confirmed, never one whose
   * existence is protected (Cabinet Order Art 11), which is simply not there; none for other requests.
   */
  private List<ProvisionRecordLine> provisionRecords(String language, DeskRequest request) {
    if (request.type() != RequestType.THIRD_PARTY_RECORDS_DISCLOSURE || noRecordsKept(request)) {
      return List.of();
    }
    return provisionRecords.disclosed(request.id()).stream()
        .map(record -> new ProvisionRecordLine(vocabulary.date(language, record.date()),
            vocabulary.label(language, "provisionDirection", record.direction().name()),
            oneLine(record.counterpartyName()), oneLine(record.dataItems()),
            vocabulary.label(language, "provisionBasis", record.basis().name())))
        .toList();
  }

  /** What another system wrote, on one line of the letter: its line breaks cannot start a heading or an item. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  /**
   * Whether the request costs a fee: the amount the {@code request-fee} decision table gave, never a rule of ours, so
   * that a designer who changes the table changes what the letters say.
   */
  static boolean feeApplies(LetterFacts facts) {
    return facts.feeAmount() != null && facts.feeAmount() > 0;
  }

  /** One thing the desk asks the requester for: what it is, and the label of the space to write it in. */
  record AskedDetail(String text, String field) {}

  /**
   * What the letter asks for. A request checked before the desk kept what was missing (contract version 2, still
   * running) asks for the one detail every request may be asked for (Art 37(2)), never for a whole new form.
   */
  static List<String> askedFor(List<String> missingDetails) {
    return missingDetails.isEmpty() ? List.of(RequestDetail.DATA_CONCERNED.name()) : missingDetails;
  }

  /**
   * The requester answers by the channel they used: who wrote on paper, telephoned or came replies by post; who used
   * the web page or e-mail answers by e-mail or through the status page, and never has to post a form.
   */
  static boolean answersByPost(Channel channel) {
    return channel != Channel.WEB && channel != Channel.EMAIL;
  }

  /**
   * A third-party records request about specific personal information (My Number): the law requires no records
   * for such information (it may be provided only as the My Number Act allows), so the answer is that none exist.
   */
  static boolean noRecordsKept(DeskRequest request) {
    return request.type() == RequestType.THIRD_PARTY_RECORDS_DISCLOSURE
        && request.personalInformationKind() == PersonalInformationKind.SPECIFIC;
  }

  /** The documents a requester of this kind sends to prove who they are (PPC General Guidelines). */
  static List<String> checklist(DeskRequest request) {
    if (!request.hasAgent()) {
      return List.of("PRINCIPAL_IDENTITY_DOCUMENT");
    }
    return request.agentKind() == AgentKind.AUTHORISED
        ? List.of("POWER_OF_ATTORNEY", "PRINCIPAL_SEAL_CERTIFICATE_WITHIN_3_MONTHS", "AGENT_IDENTITY_DOCUMENT")
        : List.of("PROOF_OF_LEGAL_REPRESENTATION", "REPRESENTATIVE_IDENTITY_DOCUMENT");
  }

  private String honorific(String language, RecipientRole role) {
    return vocabulary.word(language, role == RecipientRole.CLIENT ? "honorific.organisation" : "honorific.person");
  }

  private List<String> letterhead(String language) {
    List<String> lines = new ArrayList<>();
    lines.add(company.name().in(language));
    lines.add(address(language, company.desk().postalCode(), company.desk().address().in(language)));
    lines.add(vocabulary.word(language, "letterhead.contact", company.desk().name().in(language),
        company.desk().phone(), company.desk().email()));
    return lines;
  }

  /** Japanese: postal code, address, then the name with 様 or 御中. English: name first, then the address. */
  private List<String> addressee(String language, DeskRequest request, Recipient recipient) {
    List<String> address = new ArrayList<>();
    PostalAddress postal = postalAddress(request, recipient);
    if (postal != null) {
      address.add(address(language, postal.postalCode(), postal.address()));
    }
    String name = "ja".equals(language)
        ? (recipient.name() + " " + honorific(language, recipient.role())).strip()
        : recipient.name();
    List<String> lines = new ArrayList<>();
    if ("ja".equals(language)) {
      lines.addAll(address);
      lines.add(name);
    } else {
      lines.add(name);
      lines.addAll(address);
    }
    if (recipient.role() == RecipientRole.AGENT) {
      lines.add(vocabulary.word(language, "principal.onBehalf", request.principal().name()));
    }
    return lines;
  }

  private int addresseeLinesBeforeName(DeskRequest request, Recipient recipient) {
    return postalAddress(request, recipient) != null ? 1 : 0;
  }

  /** The address the letter shows: the one the sender chose, else the one given at intake; null when none. */
  private static PostalAddress postalAddress(DeskRequest request, Recipient recipient) {
    if (recipient.postalAddress() != null) {
      return recipient.postalAddress();
    }
    DeskRequest.Party party = switch (recipient.role()) {
      case PRINCIPAL -> request.principal();
      case AGENT -> request.agent();
      default -> null;
    };
    return party != null && party.address() != null && !party.address().isBlank()
        ? new PostalAddress(party.postalCode(), party.address(), false)
        : null;
  }

  private List<String> sender(String language) {
    List<String> lines = new ArrayList<>();
    for (Text line : List.of(company.name(), company.representative(), company.protectionManager())) {
      if (!line.in(language).isBlank()) {
        lines.add(line.in(language));
      }
    }
    return lines;
  }

  private String footer(String language) {
    return vocabulary.word(language, "footer.pattern", company.desk().name().in(language), company.desk().phone(),
        company.desk().email(), company.desk().hours().in(language));
  }

  private String address(String language, String postalCode, String address) {
    String code = formatPostalCode(postalCode);
    return code.isEmpty() ? address.strip() : vocabulary.word(language, "address.pattern", code, address).strip();
  }

  /** {@code 1000001} as {@code 100-0001}; anything else as written. */
  static String formatPostalCode(String code) {
    if (code == null) {
      return "";
    }
    String digits = code.replaceAll("[^0-9]", "");
    return digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : code.strip();
  }

  /** The company's facts in one language, as templates read them. */
  record CompanyView(String name, String postalCode, String address, String representative, String manager,
      String deskName, String deskPostalCode, String deskAddress, String phone, String email, String hours,
      String feeDisplay, String bankAccount, String feeRefund) {

    static CompanyView of(CompanyProperties company, String language) {
      return new CompanyView(company.name().in(language), formatPostalCode(company.postalCode()),
          company.address().in(language), company.representative().in(language),
          company.protectionManager().in(language), company.desk().name().in(language),
          formatPostalCode(company.desk().postalCode()), company.desk().address().in(language), company.desk().phone(),
          company.desk().email(), company.desk().hours().in(language), company.fee().display().in(language),
          company.fee().bankAccount().in(language), company.fee().refundPolicy().in(language));
    }
  }

  /** The accredited personal information protection organisation in one language. */
  record OrganisationView(boolean configured, String name, String postalCode, String address, String phone) {

    static OrganisationView of(CompanyProperties.AccreditedOrganisation organisation, String language) {
      return new OrganisationView(organisation.configured(), organisation.name().in(language),
          formatPostalCode(organisation.postalCode()), organisation.address().in(language), organisation.phone());
    }
  }
}
