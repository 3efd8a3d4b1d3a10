package jp.madoguchi.provision;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which records of the register are about the person of a request, and what the investigation decided about each:
 * the only writer of {@code provision_match}. A record is a candidate when a strong identifier matches (e-mail,
 * phone, customer number) or the name and the date of birth both do; a candidate one of whose identifiers
 * contradicts the request is a conflict. Only what staff confirmed is disclosed, never a record whose existence is
 * protected.
 */
@Service
public class ProvisionMatches implements DisclosedProvisionRecords {

  /** What staff decided about a candidate. */
  public enum Verdict { CONFIRMED, REJECTED }

  /** What matched. */
  public enum MatchedOn { EMAIL, PHONE, CUSTOMER_NUMBER, NAME_AND_BIRTH_DATE }

  /** What contradicts the request. */
  public enum Contradiction { BIRTH_DATE, EMAIL, PHONE, NAME_KANA }

  /** One candidate record for a request, with why it matched, what contradicts, and the verdict if any. */
  public record Candidate(ProvisionRecord record, Set<MatchedOn> matchedOn, Set<Contradiction> contradictions,
      Verdict verdict) {

    public boolean conflict() {
      return !contradictions.isEmpty();
    }
  }

  /** The person the desk looks for, normalised. */
  record Wanted(Set<String> names, String kana, LocalDate birthDate, String email, String phone,
      String customerNumber) {

    static Wanted of(DeskRequest.Party person, String customerNumber) {
      Set<String> names = new LinkedHashSet<>();
      String name = Identifiers.name(person.name());
      String kana = Identifiers.name(person.nameKana());
      if (name != null) {
        names.add(name);
      }
      if (kana != null) {
        names.add(kana);
      }
      return new Wanted(names, kana, person.birthDate(), Identifiers.email(person.email()),
          Identifiers.phone(person.phone()), Identifiers.customerNumber(customerNumber));
    }
  }

  private record PersonRow(long recordId, String normName, String normKana, LocalDate birthDate, String email,
      String phone, String customer) {}

  private final JdbcClient jdbc;
  private final RequestRegister requests;

  ProvisionMatches(JdbcClient jdbc, RequestRegister requests) {
    this.jdbc = jdbc;
    this.requests = requests;
  }

  /** The candidates for the request's person (the principal, also when an agent asked), oldest record first. */
  public List<Candidate> candidates(DeskRequest request) {
    Wanted wanted = Wanted.of(request.principal(), null);
    Map<Long, List<PersonRow>> matched = new LinkedHashMap<>();
    for (PersonRow row : matchingPersons(wanted)) {
      matched.computeIfAbsent(row.recordId(), id -> new ArrayList<>()).add(row);
    }
    Map<Long, Verdict> verdicts = verdicts(request.id());
    Set<Long> ids = new LinkedHashSet<>(matched.keySet());
    ids.addAll(verdicts.keySet());
    List<Candidate> candidates = new ArrayList<>();
    for (long id : ids) {
      ProvisionRecord record = jdbc.sql("SELECT " + ProvisionRegister.COLUMNS + " FROM provision_record r WHERE r.id = ?")
          .param(id).query(ProvisionRegister::record).optional().orElse(null);
      if (record == null) {
        continue;
      }
      List<PersonRow> rows = matched.getOrDefault(id, List.of());
      // the person of the record that best fits: the fewest contradictions
      Set<MatchedOn> on = EnumSet.noneOf(MatchedOn.class);
      Set<Contradiction> contradictions = null;
      for (PersonRow row : rows) {
        Set<MatchedOn> rowOn = matchedOn(wanted, row);
        Set<Contradiction> rowContradictions = contradictions(wanted, row);
        if (contradictions == null || rowContradictions.size() < contradictions.size()) {
          contradictions = rowContradictions;
          on = rowOn;
        }
      }
      candidates.add(new Candidate(record, on, contradictions == null ? Set.of() : contradictions,
          verdicts.get(id)));
    }
    candidates.sort(Comparator.comparing((Candidate c) -> c.record().date()).thenComparing(c -> c.record().id()));
    return candidates;
  }

  static Set<MatchedOn> matchedOn(Wanted wanted, PersonRow row) {
    Set<MatchedOn> on = EnumSet.noneOf(MatchedOn.class);
    if (wanted.email() != null && wanted.email().equals(row.email())) {
      on.add(MatchedOn.EMAIL);
    }
    if (wanted.phone() != null && wanted.phone().equals(row.phone())) {
      on.add(MatchedOn.PHONE);
    }
    if (wanted.customerNumber() != null && wanted.customerNumber().equals(row.customer())) {
      on.add(MatchedOn.CUSTOMER_NUMBER);
    }
    if (wanted.birthDate() != null && wanted.birthDate().equals(row.birthDate())
        && (wanted.names().contains(row.normName()) || wanted.names().contains(row.normKana()))) {
      on.add(MatchedOn.NAME_AND_BIRTH_DATE);
    }
    return on;
  }

  static Set<Contradiction> contradictions(Wanted wanted, PersonRow row) {
    Set<Contradiction> found = EnumSet.noneOf(Contradiction.class);
    if (differ(wanted.birthDate(), row.birthDate())) {
      found.add(Contradiction.BIRTH_DATE);
    }
    if (differ(wanted.email(), row.email())) {
      found.add(Contradiction.EMAIL);
    }
    if (differ(wanted.phone(), row.phone())) {
      found.add(Contradiction.PHONE);
    }
    if (differ(wanted.kana(), row.normKana())) {
      found.add(Contradiction.NAME_KANA);
    }
    return found;
  }

  private static boolean differ(Object wanted, Object held) {
    return wanted != null && held != null && !Objects.equals(wanted, held);
  }

  /** Each identifier looked up on its own index, the results put together. */
  private List<PersonRow> matchingPersons(Wanted wanted) {
    List<String> branches = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    String columns = "SELECT record_id, norm_name, norm_kana, birth_date, norm_email, norm_phone, norm_customer "
        + "FROM provision_person WHERE ";
    if (wanted.email() != null) {
      branches.add(columns + "norm_email = :email");
      params.put("email", wanted.email());
    }
    if (wanted.phone() != null) {
      branches.add(columns + "norm_phone = :phone");
      params.put("phone", wanted.phone());
    }
    if (wanted.customerNumber() != null) {
      branches.add(columns + "norm_customer = :customer");
      params.put("customer", wanted.customerNumber());
    }
    if (wanted.birthDate() != null && !wanted.names().isEmpty()) {
      branches.add(columns + "norm_name IN (:names) AND birth_date = :birth");
      branches.add(columns + "norm_kana IN (:names) AND birth_date = :birth");
      params.put("names", List.copyOf(wanted.names()));
      params.put("birth", wanted.birthDate());
    }
    if (branches.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(String.join(" UNION ", branches) + " ORDER BY record_id").params(params)
        .query((rs, n) -> new PersonRow(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }

  private Map<Long, Verdict> verdicts(long requestId) {
    Map<Long, Verdict> verdicts = new LinkedHashMap<>();
    jdbc.sql("SELECT record_id, verdict FROM provision_match WHERE request_id = ? ORDER BY record_id")
        .param(requestId)
        .query(rs -> {
          verdicts.put(rs.getLong(1), Verdict.valueOf(rs.getString(2)));
        });
    return verdicts;
  }

  /** Staff's verdict on one candidate, recorded in the request's history. */
  @Transactional
  public void decide(long requestId, long recordId, Verdict verdict, String actor) {
    int updated = jdbc.sql("UPDATE provision_match SET verdict = ?, decided_by = ?, decided_at = ? "
            + "WHERE request_id = ? AND record_id = ?")
        .params(verdict.name(), actor, RequestRegister.now().atOffset(ZoneOffset.UTC), requestId, recordId)
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO provision_match (request_id, record_id, verdict, decided_by, decided_at) "
              + "VALUES (?, ?, ?, ?, ?)")
          .params(requestId, recordId, verdict.name(), actor, RequestRegister.now().atOffset(ZoneOffset.UTC))
          .update();
    }
    requests.recordEvent(requestId, actor, "PROVISION_RECORD_" + verdict.name(), "#" + recordId);
  }

  /**
   * What the reply discloses: the records staff confirmed for the request, still kept, whose existence is not
   * protected; oldest first. A protected record is simply not there.
   */
  @Override
  public List<ProvisionRecord> disclosed(long requestId) {
    return jdbc.sql("SELECT " + ProvisionRegister.COLUMNS + """
             FROM provision_record r JOIN provision_match m ON m.record_id = r.id
            WHERE m.request_id = ? AND m.verdict = 'CONFIRMED' AND r.existence_protected = FALSE
            ORDER BY COALESCE(r.provided_on, r.recorded_on), r.id""")
        .param(requestId).query(ProvisionRegister::record).list();
  }

  @EventListener
  void forget(ProvisionRecordsPurging purging) {
    List<Long> ids = purging.recordIds();
    for (int i = 0; i < ids.size(); i += 500) {
      jdbc.sql("DELETE FROM provision_match WHERE record_id IN (:ids)")
          .param("ids", ids.subList(i, Math.min(ids.size(), i + 500))).update();
    }
  }
}
