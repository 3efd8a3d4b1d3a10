package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which failures end a letter at once, and which are tried again later. */
class PermanentFailureTest {

  static final Address[] ONE = {addressOf("taro.yamada@example.jp")};
  static final Address[] NONE = {};

  @Test
  void anAddressThatCannotExistOrThatTheServerRefusesForGoodIsPermanent() {
    assertThat(SmtpFailures.isPermanent(new LetterMail.UndeliverableLetterException("no address", null))).isTrue();
    assertThat(SmtpFailures.isPermanent(new IllegalStateException(new AddressException("Illegal address")))).isTrue();
    assertThat(SmtpFailures.isPermanent(new MailSendException(Map.of(new Object(),
        new SendFailedException("550 5.1.1 user unknown", null, NONE, NONE, ONE))))).isTrue();
  }

  @Test
  void anOutageOrATemporaryRefusalIsTriedAgain() {
    assertThat(SmtpFailures.isPermanent(new MailSendException("Mail server connection failed",
        new MessagingException("Could not connect", new ConnectException("Connection refused"))))).isFalse();
    assertThat(SmtpFailures.isPermanent(new MailSendException(Map.of(new Object(),
        new SendFailedException("451 4.3.0 try again later", null, NONE, ONE, NONE))))).isFalse();
  }

  private static Address addressOf(String email) {
    try {
      return new InternetAddress(email);
    } catch (AddressException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
