package jp.madoguchi.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.report.TrendFigures.ClosedRequest;
import jp.madoguchi.report.TrendFigures.StageChange;
import jp.madoguchi.report.TrendFigures.TrackedRequest;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestType;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the register for the report's charts ({@link Trends}): arrivals counted by day and type in the database;
 * the requests closed in the period, and those open at the end of some week of it, read once each with their
 * changes of stage ({@code STATUS_<STAGE>} entries of {@code request_event}), request by request, and added up by
 * {@link TrendFigures}. Each query looks rows up by the indexed columns ({@code arrived_on}, {@code closed_at}, the
 * history by time); nothing is written.
 */
@Service
class DeskTrends {

  /** The history entries that move a request to a stage: {@code RequestRegister.changeStatus} records them. */
  private static final List<String> STAGE_EVENTS = Trends.STAGES.stream().map(stage -> "STATUS_" + stage.name())
      .toList();

  private final JdbcClient jdbc;
  private final DeskCalendar calendar;

  DeskTrends(JdbcClient jdbc, DeskCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** The weekly figures for the days {@code from} to {@code to}, both included ({@code from <= to}). */
  @Transactional(readOnly = true)
  Trends of(LocalDate from, LocalDate to) {
    TrendFigures figures = new TrendFigures(from, to, calendar.timeZone(), calendar::businessDaysBetween);
    jdbc.sql("""
            SELECT arrived_on, request_type, COUNT(*) AS n FROM desk_request
            WHERE arrived_on BETWEEN :from AND :to GROUP BY arrived_on, request_type
            """)
        .param("from", from).param("to", to)
        .query(rs -> {
          figures.arrived(rs.getObject("arrived_on", LocalDate.class),
              RequestType.valueOf(rs.getString("request_type")), rs.getLong("n"));
        });
    // the same requests as DeskReport counts closed: closed from the period's first midnight to its last
    String closedInPeriod = "r.closed_at >= :start AND r.closed_at < :end";
    OffsetDateTime since = firstRegistration(closedInPeriod, Map.of("start", timestamp(figures.start()),
        "end", timestamp(figures.end())));
    if (since != null) {
      jdbc.sql("""
              SELECT r.id, r.request_type, r.arrived_on, r.target_due_on, r.legal_risk_flagged, r.closed_at,
                e.occurred_at, e.event_type
              FROM desk_request r
                LEFT JOIN request_event e ON e.request_id = r.id AND e.event_type IN (:stageEvents)
                  AND e.occurred_at >= :since AND e.occurred_at < :end
              WHERE %s
              ORDER BY r.id, e.occurred_at, e.id
              """.formatted(closedInPeriod))
          .param("stageEvents", STAGE_EVENTS).param("since", since).param("start", timestamp(figures.start()))
          .param("end", timestamp(figures.end()))
          .query(new ByRequest<>(figures::closed, (rs, changes) -> new ClosedRequest(
              RequestType.valueOf(rs.getString("request_type")), rs.getObject("arrived_on", LocalDate.class),
              instant(rs, "closed_at"), rs.getObject("target_due_on", LocalDate.class),
              rs.getBoolean("legal_risk_flagged"), changes)));
    }
    // open at the end of the first week or later: arrived by the period's end and not closed before that
    String openInPeriod = "r.arrived_on <= :to AND (r.closed_at IS NULL OR r.closed_at >= :firstWeekEnd)";
    since = firstRegistration(openInPeriod, Map.of("to", to, "firstWeekEnd", timestamp(figures.endOf(0))));
    if (since != null) {
      jdbc.sql("""
              SELECT r.id, r.arrived_on, r.closed_at, e.occurred_at, e.event_type
              FROM desk_request r
                LEFT JOIN request_event e ON e.request_id = r.id AND e.event_type IN (:stageEvents)
                  AND e.occurred_at >= :since AND e.occurred_at < :end
              WHERE %s
              ORDER BY r.id, e.occurred_at, e.id
              """.formatted(openInPeriod))
          .param("stageEvents", STAGE_EVENTS).param("since", since).param("end", timestamp(figures.end()))
          .param("to", to).param("firstWeekEnd", timestamp(figures.endOf(0)))
          .query(new ByRequest<>(figures::tracked, (rs, changes) -> new TrackedRequest(
              rs.getObject("arrived_on", LocalDate.class), instant(rs, "closed_at"), changes)));
    }
    return figures.trends();
  }

  /**
   * When the first of the requests {@code condition} selects was registered, or null when it selects none. A
   * request's history starts with its registration (both at the engine's clock), so its entries are looked up from
   * then on: by the index on {@code occurred_at}, a short period's history is a short range of it rather than the
   * whole history of every request (PostgreSQL otherwise reads the whole table to join it by hash).
   */
  private OffsetDateTime firstRegistration(String condition, Map<String, Object> parameters) {
    List<OffsetDateTime> first = jdbc.sql("SELECT MIN(r.created_at) FROM desk_request r WHERE " + condition)
        .params(parameters).query(OffsetDateTime.class).list();
    return first.isEmpty() ? null : first.get(0);
  }

  /** What a request's first row and its changes of stage make. */
  private interface RequestRow<T> {
    T of(ResultSet rs, List<StageChange> changes) throws SQLException;
  }

  /**
   * Gathers the rows of one request (the request joined with each of its changes of stage, ordered by request) and
   * hands the request on when the next one starts: one request's history in memory at a time. Answers how many
 * requests it handed on.
   */
  private static final class ByRequest<T> implements ResultSetExtractor<Integer> {

    private final Consumer<T> sink;
    private final RequestRow<T> row;

    ByRequest(Consumer<T> sink, RequestRow<T> row) {
      this.sink = sink;
      this.row = row;
    }

    @Override
    public Integer extractData(ResultSet rs) throws SQLException {
      int requests = 0;
      long current = -1;
      List<StageChange> changes = new ArrayList<>();
      T request = null;
      while (rs.next()) {
        long id = rs.getLong("id");
        if (id != current) {
          if (request != null) {
            sink.accept(request);
          }
          requests++;
          current = id;
          // the request keeps this list, which its following rows fill before it is handed on
          changes = new ArrayList<>();
          request = row.of(rs, changes);
        }
        String event = rs.getString("event_type");
        if (event != null) {
          changes.add(new StageChange(instant(rs, "occurred_at"),
              RequestStatus.valueOf(event.substring("STATUS_".length()))));
        }
      }
      if (request != null) {
        sink.accept(request);
      }
      return requests;
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
