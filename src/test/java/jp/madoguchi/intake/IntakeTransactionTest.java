package jp.madoguchi.intake;

import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A submission is one transaction: register row, status token, process instance and documents, or nothing. */
@DeskTest
class IntakeTransactionTest {

  @Autowired RequestSubmission intake;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;

  @Test
  void aDatabaseFailureWhileTheProcessStartsLeavesNeitherARegisterRowNorAProcessInstance() {
    new SubmissionRollback(intake, jdbc, history, runtime).whenTheProcessStartFails();
  }

  @Test
  void aDatabaseFailureAfterTheProcessStartedLeavesNeitherARegisterRowNorAProcessInstance() {
    new SubmissionRollback(intake, jdbc, history, runtime).whenTheLastDocumentFails();
  }
}
