package jp.madoguchi.provision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' search of the register: by what identifies a person (any identifier, normalised as for matching),
 * by recipient or provider (name or the inventory's code), by period (the provision's date). Every search, the
 * empty one that opens the page included, is written to the audit trail: who, what was asked (the kind of
 * identifier, never its value), how many records were shown.
 */
@Service
public class ProvisionSearch {

  /** The longest list a search shows. */
  static final int LIMIT = 200;

  /** What a manager asked for; blank means any. */
  public record Criteria(String identifier, String counterparty, LocalDate from, LocalDate to) {

    boolean empty() {
      return (identifier == null || identifier.isBlank()) && (counterparty == null || counterparty.isBlank())
          && from == null && to == null;
    }
  }

  /** One row of the result: the record and how many persons it covers. */
  public record Row(ProvisionRecord record, int persons) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  ProvisionSearch(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Transactional
  public List<Row> search(Criteria criteria, String actor) {
    StringBuilder sql = new StringBuilder("SELECT " + ProvisionRegister.COLUMNS
        + ", (SELECT COUNT(*) FROM provision_person c WHERE c.record_id = r.id) AS persons"
        + " FROM provision_record r WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> asked = new ArrayList<>();
    String identifier = criteria.identifier() == null ? "" : criteria.identifier().strip();
    if (!identifier.isEmpty()) {
      List<String> branches = new ArrayList<>();
      add(branches, params, "norm_email", "email", Identifiers.email(identifier));
      String digits = Identifiers.phone(identifier);
      if (digits != null && digits.length() >= 7) {
        add(branches, params, "norm_phone", "phone", digits);
      }
      add(branches, params, "norm_customer", "customer", Identifiers.customerNumber(identifier));
      add(branches, params, "norm_name", "name", Identifiers.name(identifier));
      add(branches, params, "norm_kana", "kana", Identifiers.name(identifier));
      sql.append(branches.isEmpty() ? " AND 1 = 0"
          : " AND r.id IN (" + String.join(" UNION ", branches) + ")");
      asked.add(identifier.contains("@") ? "identifier: e-mail" : "identifier: name, phone or number");
    }
    String party = criteria.counterparty() == null ? "" : criteria.counterparty().strip();
    if (!party.isEmpty()) {
      sql.append(" AND (LOWER(r.counterparty_name) LIKE :party OR r.recipient_code = :code)");
      params.put("party", "%" + party.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
      params.put("code", party);
      asked.add("recipient or provider: " + party);
    }
    if (criteria.from() != null) {
      sql.append(" AND COALESCE(r.provided_on, r.recorded_on) >= :from");
      params.put("from", criteria.from());
      asked.add("from " + criteria.from());
    }
    if (criteria.to() != null) {
      sql.append(" AND COALESCE(r.provided_on, r.recorded_on) <= :to");
      params.put("to", criteria.to());
      asked.add("to " + criteria.to());
    }
    sql.append(" ORDER BY COALESCE(r.provided_on, r.recorded_on) DESC, r.id DESC LIMIT ").append(LIMIT);
    List<Row> rows = jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new Row(ProvisionRegister.record(rs, n), rs.getInt("persons"))).list();
    events.publishEvent(new ProvisionAudit(actor, ProvisionAudit.REGISTER_SEARCHED,
        (asked.isEmpty() ? "all records" : String.join("; ", asked)) + " — " + rows.size() + " record(s) shown"));
    return rows;
  }

  private static void add(List<String> branches, Map<String, Object> params, String column, String name,
      String value) {
    if (value != null) {
      branches.add("SELECT record_id FROM provision_person WHERE " + column + " = :" + name);
      params.put(name, value);
    }
  }
}
