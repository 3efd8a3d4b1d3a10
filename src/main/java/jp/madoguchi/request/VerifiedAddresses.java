package jp.madoguchi.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postal address shown on the identity document the desk verified: the principal's, or the agent's when an agent
 * made the request (letters go to the agent then). Paper letters written after the verification go there, not to
 * the address typed at intake, which anyone could have typed: the reply must reach the person whose identity was
 * checked. The only writer of {@code verified_address}. The request's history says who recorded an address and
 * when, and whether it differs from the one given at intake, never the address itself (history details outlive
 * the personal data); the row goes when the request's personal data is erased.
 */
@Service
public class VerifiedAddresses {

  /** The longest address line. */
  public static final int LINE_MAX = 200;

  /** 〒NNN-NNNN, with or without the mark and the hyphen, in full- or half-width digits. */
  private static final Pattern POSTAL_CODE = Pattern.compile("〒?\\s*(\\d{3})[-‐−ー]?(\\d{4})");
  private static final Pattern LEADING_POSTAL_CODE = Pattern.compile("^〒?\\s*(\\d{3})[-‐−ー]?(\\d{4})\\s*");

  private final JdbcClient jdbc;
  private final RequestRegister register;

  VerifiedAddresses(JdbcClient jdbc, RequestRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /** Whose identity document shows the address: the principal's, or the agent's. */
  public enum Holder { PRINCIPAL, AGENT }

  /** A field of the address as staff enter it. */
  public enum Field { POSTAL_CODE, LINE1, LINE2 }

  /** What is wrong with a field: missing, not in the required form, too long. */
  public enum Problem { MISSING, INVALID, TOO_LONG }

  /** The address as recorded, with who recorded it and when. */
  public record VerifiedAddress(Holder holder, String postalCode, String line1, String line2,
      boolean differsFromIntake, String recordedBy, Instant recordedAt) {

    /** The address lines as one line, for a letter. */
    public String address() {
      return line2 == null ? line1 : line1 + " " + line2;
    }
  }

  /**
   * Where a paper letter to the requester goes.
   *
   * @param verified whether it is the address on the verified identity document; false: the address given at intake
   */
  public record PostalAddress(String postalCode, String address, boolean verified) {}

  /** Bad input: what is wrong with which field. Nothing was stored. */
  public static final class InvalidAddress extends RuntimeException {
    private final transient Map<Field, Problem> problems;

    InvalidAddress(Map<Field, Problem> problems) {
      super("Invalid verified address: " + problems);
      this.problems = Map.copyOf(problems);
    }

    public Map<Field, Problem> problems() {
      return problems;
    }
  }

  /**
   * What is wrong with the address as entered, field by field (every field at once); empty when it can be recorded.
   * The postal code is 〒NNN-NNNN (the mark and the hyphen optional, full-width digits taken); the first line (the
   * prefecture, city, district and number) is required, the second (building and room) is not; each line at most
   * {@value #LINE_MAX} characters, without control characters.
   */
  public static Map<Field, Problem> problems(String postalCode, String line1, String line2) {
    Map<Field, Problem> problems = new LinkedHashMap<>();
    String code = clean(postalCode);
    if (code == null) {
      problems.put(Field.POSTAL_CODE, Problem.MISSING);
    } else if (!POSTAL_CODE.matcher(Normalizer.normalize(code, Normalizer.Form.NFKC)).matches()) {
      problems.put(Field.POSTAL_CODE, Problem.INVALID);
    }
    line(Field.LINE1, line1, true, problems);
    line(Field.LINE2, line2, false, problems);
    return problems;
  }

  /**
   * Records the address shown on the verified identity document (replacing one recorded before) and notes in the
   * request's history that it was recorded, and whether it differs from the address given at intake. Throws
   * {@link InvalidAddress} for bad input and {@link UnknownRequestException} for an unknown request or one whose
   * personal data has been erased; then nothing is stored.
   */
  @Transactional
  public VerifiedAddress record(long requestId, String postalCode, String line1, String line2, String actor) {
    Map<Field, Problem> problems = problems(postalCode, line1, line2);
    if (!problems.isEmpty()) {
      throw new InvalidAddress(problems);
    }
    register.lock(requestId);
    boolean erased = jdbc.sql("SELECT personal_data_erased_at IS NOT NULL FROM desk_request WHERE id = ?")
        .param(requestId).query(Boolean.class).single();
    if (erased) {
      throw new UnknownRequestException("The personal data of request " + requestId + " has been erased");
    }
    DeskRequest request = register.find(requestId);
    Holder holder = request.hasAgent() ? Holder.AGENT : Holder.PRINCIPAL;
    String code = formatted(postalCode);
    String first = clean(line1);
    String second = clean(line2);
    boolean differs = differsFromIntake(request.addressee(), code, first, second);
    Instant now = RequestRegister.now();
    jdbc.sql("DELETE FROM verified_address WHERE request_id = ?").param(requestId).update();
    jdbc.sql("""
            INSERT INTO verified_address (request_id, holder, postal_code, address_line1, address_line2,
              differs_from_intake, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(requestId, holder.name(), code, first, second, differs, actor, now.atOffset(ZoneOffset.UTC))
        .update();
    register.recordEvent(requestId, actor, "VERIFIED_ADDRESS_RECORDED", null);
    if (differs) {
      register.recordEvent(requestId, actor, "ADDRESS_DIFFERS_FROM_INTAKE", null);
    }
    return new VerifiedAddress(holder, code, first, second, differs, actor, now);
  }

  /** The verified address recorded for the request, if any. */
  public Optional<VerifiedAddress> find(long requestId) {
    return jdbc.sql("SELECT * FROM verified_address WHERE request_id = ?").param(requestId)
        .query(VerifiedAddresses::map).optional();
  }

  public boolean isRecorded(long requestId) {
    return find(requestId).isPresent();
  }

  /**
   * The one answer to "where does a paper reply to this request go": the address on the verified identity document
   * of whoever receives the desk's letters (the agent when an agent asked), when staff recorded it; otherwise the
   * address given at intake, marked as not verified; empty when there is neither. Every letter written after the
   * identity verification (the reply, the notice of the change to paper, refusals, fee requests and reminders)
   * takes its address from here.
   */
  public Optional<PostalAddress> postalAddressForReplies(long requestId) {
    DeskRequest request = register.find(requestId);
    Holder addressee = request.hasAgent() ? Holder.AGENT : Holder.PRINCIPAL;
    Optional<VerifiedAddress> verified = find(requestId).filter(address -> address.holder() == addressee);
    if (verified.isPresent()) {
      return Optional.of(new PostalAddress(verified.get().postalCode(), verified.get().address(), true));
    }
    return intakeAddress(request);
  }

  /** The address given at intake for whoever receives the desk's letters, if any: the letters before verification. */
  public static Optional<PostalAddress> intakeAddress(DeskRequest request) {
    DeskRequest.Party party = request.addressee();
    if (party == null || party.address() == null || party.address().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new PostalAddress(party.postalCode(), party.address(), false));
  }

  /** The request's personal data is erased: so is its verified address. */
  @EventListener
  void erase(PersonalDataErased erased) {
    jdbc.sql("DELETE FROM verified_address WHERE request_id = ?").param(erased.requestId()).update();
  }

  /**
   * Whether the verified address is another than the one given at intake: the postal codes differ (when intake gave
   * one, also at the start of the address), or the address text differs, ignoring spaces and the width of letters
   * and digits. No address at intake counts as different.
   */
  static boolean differsFromIntake(DeskRequest.Party intake, String postalCode, String line1, String line2) {
    if (intake == null || intake.address() == null || intake.address().isBlank()) {
      return true;
    }
    String intakeText = Normalizer.normalize(intake.address(), Normalizer.Form.NFKC).strip();
    String intakeCode = intake.postalCode();
    Matcher leading = LEADING_POSTAL_CODE.matcher(intakeText);
    if (leading.find()) {
      intakeCode = intakeCode == null ? leading.group(1) + leading.group(2) : intakeCode;
      intakeText = intakeText.substring(leading.end());
    }
    if (intakeCode != null && !digits(intakeCode).isEmpty() && !digits(intakeCode).equals(digits(postalCode))) {
      return true;
    }
    return !comparable(intakeText).equals(comparable(line1 + (line2 == null ? "" : line2)));
  }

  private static String comparable(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]", "")
        .replaceAll("[‐−ー—–]", "-").toLowerCase(java.util.Locale.ROOT);
  }

  private static String digits(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
  }

  private static String formatted(String postalCode) {
    String digits = digits(postalCode);
    return digits.substring(0, 3) + "-" + digits.substring(3);
  }

  private static void line(Field field, String value, boolean required, Map<Field, Problem> problems) {
    String text = clean(value);
    if (text == null) {
      if (required) {
        problems.put(field, Problem.MISSING);
      }
    } else if (text.length() > LINE_MAX) {
      problems.put(field, Problem.TOO_LONG);
    } else if (text.chars().anyMatch(Character::isISOControl)) {
      problems.put(field, Problem.INVALID);
    }
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static VerifiedAddress map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
    return new VerifiedAddress(Holder.valueOf(rs.getString("holder")), rs.getString("postal_code"),
        rs.getString("address_line1"), rs.getString("address_line2"), rs.getBoolean("differs_from_intake"),
        rs.getString("recorded_by"), at == null ? null : at.toInstant());
  }
}
