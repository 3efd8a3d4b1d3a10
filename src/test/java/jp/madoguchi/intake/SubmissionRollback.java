package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import jp.madoguchi.intake.IntakeFixtures.Stored;
import jp.madoguchi.request.DocumentKind;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the database refuse a submission half-way, with a constraint added for the moment of the test (and dropped
 * after it): the application is unchanged, the failure is the database's own. The submission must leave nothing.
 */
final class SubmissionRollback {

  private final RequestSubmission intake;
  private final JdbcClient jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;

  SubmissionRollback(RequestSubmission intake, JdbcClient jdbc, HistoryService history, RuntimeService runtime) {
    this.intake = intake;
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
  }

  /**
   * The engine's insert of the process instance's history fails: after the register row, token and first
   * process rows were written in the same transaction. The constraint only refuses instances started in 2099, so
   * the rows other tests left behind satisfy it; the engine's clock stands in 2099 for this submission.
   */
  void whenTheProcessStartFails() {
    expectNothingStored("ck_test_refuse_2099", "ALTER TABLE ACT_HI_PROCINST ADD CONSTRAINT ck_test_refuse_2099"
            + " CHECK (START_TIME_ < TIMESTAMP '2099-01-01 00:00:00')",
        "ALTER TABLE ACT_HI_PROCINST DROP CONSTRAINT ck_test_refuse_2099",
        List.of(), Instant.parse("2099-06-01T01:00:00Z"));
  }

  /** The last insert of a submission fails: its document, after the register row and the process instance. */
  void whenTheLastDocumentFails() {
    String refusedName = "refused-by-the-database.pdf";
    expectNothingStored("ck_test_refuse_document", "ALTER TABLE request_document ADD CONSTRAINT ck_test_refuse_document"
            + " CHECK (original_file_name IS NULL OR original_file_name <> '" + refusedName + "')",
        "ALTER TABLE request_document DROP CONSTRAINT ck_test_refuse_document",
        List.of(new DocumentUpload("identityDocument", DocumentKind.IDENTITY_DOCUMENT, "licence.pdf",
                IntakeFixtures.pdf()),
            new DocumentUpload("otherDocument", DocumentKind.OTHER, refusedName, IntakeFixtures.pdf())),
        null);
  }

  private void expectNothingStored(String constraint, String addConstraint, String dropConstraint,
      List<DocumentUpload> uploads, Instant clock) {
    IntakeRequest submission = submission();
    Stored before = Stored.now(jdbc, history);
    long runningBefore = runtime.createProcessInstanceQuery().count();
    jdbc.sql(addConstraint).update();
    try {
      if (clock != null) {
        ClockUtil.setCurrentTime(Date.from(clock));
      }
      assertThatThrownBy(() -> intake.submit(submission, uploads, RequestSubmission.Submitter.requester("ja"),
          "rollback-" + UUID.randomUUID()))
          .isInstanceOfAny(DataIntegrityViolationException.class, ProcessEnginePersistenceException.class)
          .satisfies(failure -> assertThat(rootCause(failure).getMessage()).containsIgnoringCase(constraint));
    } finally {
      ClockUtil.reset();
      jdbc.sql(dropConstraint).update();
    }
    assertThat(Stored.now(jdbc, history)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(runningBefore);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM desk_request WHERE details = ?").param(submission.getDetails())
        .query(Long.class).single()).isZero();
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static IntakeRequest submission() {
    IntakeRequest submission = new IntakeRequest();
    submission.setType("DISCLOSURE");
    submission.setDisclosureMethod("PAPER");
    submission.setDetails("rollback " + UUID.randomUUID());
    submission.getPrincipal().setName(IntakeFixtures.PRINCIPAL_NAME);
    submission.getPrincipal().setEmail(IntakeFixtures.PRINCIPAL_EMAIL);
    return submission;
  }
}
