package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** What staff read about a failed attempt in the failed-mail list: one line, the failure and its root cause. */
class SmtpFailureDescriptionTest {

  @Test
  void aFailureWithACauseNamesItselfAndItsRootCauseOnOneLine() {
    Exception failure = new MailSendException("Mail server connection failed",
        new MessagingException("Could not connect\n  to host", new ConnectException("Connection refused")));

    assertThat(SmtpFailures.describe(failure))
        .isEqualTo("MailSendException: Mail server connection failed <- ConnectException: Connection refused");
  }

  @Test
  void aFailureWithoutACauseIsDescribedOnceAndWithoutAMessageByItsTypeAlone() {
    assertThat(SmtpFailures.describe(new IllegalStateException("Letter 7 was queued\twithout its composed text")))
        .isEqualTo("IllegalStateException: Letter 7 was queued without its composed text");
    assertThat(SmtpFailures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
  }

  @Test
  void aVeryLongMessageIsCutAfterFourHundredCharacters() {
    String described = SmtpFailures.describe(new IllegalStateException("x".repeat(1000)));

    assertThat(described).isEqualTo("IllegalStateException" + ": " + "x".repeat(398) + "…");
  }
}
