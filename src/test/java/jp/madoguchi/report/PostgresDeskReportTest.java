package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.report.DeskReport.Report;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The desk report's queries on a real PostgreSQL server (grouping, time ranges across the Tokyo day, the record of
 * handling), in a month of 2032 that no other PostgreSQL test uses (same context configuration as
 * {@code PostgresApplicationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresDeskReportTest {

  static final LocalDate FROM = LocalDate.of(2032, 3, 1);
  static final LocalDate TO = LocalDate.of(2032, 3, 31);

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RequestRegister register;
  @Autowired DeskReport reports;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void theReportAndTheRecordOfHandlingOnPostgresql() {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    Report before = reports.of(FROM, TO);
    // Mon 1 March 2032, target Mon 15 March, closed Fri 12 March at 00:30 Tokyo (still the 11th in UTC): in time
    DeskRequest inTime = TestRequests.request(register).type(RequestType.DISCLOSURE).arrivedOn(FROM).register();
    register.updateDeadlines(inTime.id(), new Deadlines(10, LocalDate.of(2032, 3, 15), LocalDate.of(2032, 3, 15),
        null, 0, false, false));
    DeskReportTest.closeAt(register, inTime, "DECIDED_FULL", "2032-03-12T00:30");
    register.recordEvent(inTime.id(), RequestRegister.SYSTEM_ACTOR, "REFERRED_TO_CLIENT", "株式会社サンプル通販");
    // by an agent, My Number, still open
    TestRequests.request(register).type(RequestType.CORRECTION).byAgent(AgentKind.LEGAL_REPRESENTATIVE).specific()
        .arrivedOn(LocalDate.of(2032, 3, 2)).register();

    Report after = reports.of(FROM, TO);

    assertThat(after.received().total()).isEqualTo(before.received().total() + 2);
    assertThat(DeskReportTest.map(after.received().byType()).get("CORRECTION"))
        .isEqualTo(DeskReportTest.map(before.received().byType()).get("CORRECTION") + 1);
    assertThat(after.received().myNumber()).isEqualTo(before.received().myNumber() + 1);
    assertThat(after.received().byAgent()).isEqualTo(before.received().byAgent() + 1);
    assertThat(after.closed().total()).isEqualTo(before.closed().total() + 1);
    assertThat(after.closed().withinTarget()).isEqualTo(before.closed().withinTarget() + 1);
    assertThat(after.closed().referredInPart()).isEqualTo(before.closed().referredInPart() + 1);
    assertThat(DeskReportTest.map(after.closed().byOutcome()).get("DECIDED_FULL"))
        .isEqualTo(DeskReportTest.map(before.closed().byOutcome()).get("DECIDED_FULL") + 1);
    assertThat(after.open().total()).isGreaterThanOrEqualTo(1);

    List<DeskReport.HandlingEntry> entries = new ArrayList<>();
    reports.handling(LocalDate.of(2032, 3, 12), LocalDate.of(2032, 3, 12), entries::add);
    assertThat(entries).anySatisfy(entry -> {
      assertThat(entry.reference()).isEqualTo(inTime.reference());
      assertThat(entry.eventType()).isEqualTo("REQUEST_CLOSED");
      assertThat(entry.occurredAt().toString()).isEqualTo("2032-03-12T00:30+09:00");
    });
  }
}
