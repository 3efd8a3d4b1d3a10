package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every kind of letter, in Japanese and English, queued as its step queues it, arrives by e-mail once, at the right
 * address, in the requester's language; a written reply carries a download link and none of its content.
 */
@DeskTest
class LetterMailTest {

  static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
  static final Pattern LINK = Pattern.compile("http://localhost:8080/letters/download/[A-Za-z0-9_-]{43}");

  static final Smtp SMTP = new Smtp();

  @Autowired RequestRegister register;
  @Autowired RequestDecisions decisions;
  @Autowired CorrespondenceService correspondence;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired LetterSendScheduler sender;
  @Autowired Outbox outbox;

  LetterFixtures fixtures;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void fixtures() {
    fixtures = new LetterFixtures(register, decisions, correspondence, outbox, transactionManager);
  }

  static Stream<Arguments> everyKindInBothLanguages() {
    List<Arguments> arguments = new ArrayList<>();
    for (LetterKind kind : LetterKind.values()) {
      arguments.add(Arguments.of(kind, "ja"));
      arguments.add(Arguments.of(kind, "en"));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyKindInBothLanguages")
  void eachLetterArrivesOnceToItsRecipientInTheRequestersLanguage(LetterKind kind, String language)
      throws Exception {
    DeskRequest request = fixtures.requestFor(kind, TestRequests.request(register).language(language));
    long letterId = fixtures.queue(request, kind, true);

    MimeMessage message = arrivesOnce(request, kind, letterId);
    writeExample(kind, language, message);

    String expectedRecipient = switch (kind.audience()) {
      case REQUESTER -> TestRequests.PRINCIPAL.email();
      case CLIENT -> LetterFixtures.CLIENT_EMAIL;
      case STAFF -> LetterFixtures.STAFF_EMAIL;
    };
    assertThat(recipients(message)).containsExactly(expectedRecipient);
    String subject = message.getSubject();
    String body = message.getContent().toString();
    assertThat(subject).contains(request.reference());
    if (kind.bilingual()) {
      assertThat(subject).containsPattern(JAPANESE).containsPattern("[A-Za-z]{4,} [a-z]{2,}");
      assertThat(body).containsPattern(JAPANESE).contains(request.reference());
    } else if ("ja".equals(language)) {
      assertThat(subject).containsPattern(JAPANESE).contains("受付番号");
      assertThat(body).startsWith(TestRequests.PRINCIPAL.name() + " 様").contains("受付番号");
    } else {
      assertThat(subject).doesNotContainPattern(JAPANESE).contains("reference");
      assertThat(body).contains("Dear " + TestRequests.PRINCIPAL.name()).contains("reference");
    }
    if (kind.hasPdf()) {
      assertThat(body).containsPattern(LINK);
    } else {
      assertThat(body).doesNotContainPattern(LINK);
    }
    if (kind.writtenReply()) {
      assertThat(body).as("a written reply keeps its content out of the e-mail")
          .doesNotContain(LetterFixtures.REFUSAL_REASONS, LetterFixtures.PARTIAL_REASONS, LetterFixtures.PAPER_REASON,
              LetterFixtures.ACTION_TAKEN, LetterFixtures.ALTERNATIVE_MEASURE, TestRequests.PRINCIPAL.address());
    }
    assertThat(message.getFrom()).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("privacy-desk@example.jp");
    // people read dates and words, never an ISO date or one of our codes
    assertThat(subject + "\n" + body).doesNotContainPattern("(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)")
        .doesNotContainPattern("(?<![A-Za-z0-9_])(" + kind.name() + "|" + request.type().name() + ")(?![A-Za-z0-9_])");
  }

  @Test
  void aNoticeCarriesItsTextInTheEmailItself() throws Exception {
    DeskRequest request = fixtures.requestFor(LetterKind.FEE_REQUEST, TestRequests.request(register));
    long letterId = fixtures.queue(request, LetterKind.FEE_REQUEST, true);

    String body = arrivesOnce(request, LetterKind.FEE_REQUEST, letterId).getContent().toString();

    assertThat(body).contains("1,000円", "定額小為替", "現金書留", "郵便切手", "銀行振込", "〒100-0005");
  }

  @Test
  void aRequestByAnAgentIsAnsweredToTheAgentAlone() throws Exception {
    DeskRequest request = fixtures.requestFor(LetterKind.DISCLOSURE,
        TestRequests.request(register).byAgent(AgentKind.AUTHORISED));
    long letterId = fixtures.queue(request, LetterKind.DISCLOSURE, true);

    MimeMessage message = arrivesOnce(request, LetterKind.DISCLOSURE, letterId);

    assertThat(recipients(message)).containsExactly(TestRequests.AGENT.email());
    assertThat(message.getContent().toString()).startsWith(TestRequests.AGENT.name() + " 様");
    assertThat(SMTP.about(request.reference())).hasSize(1);
  }

  /** Waits for the letter's one message, then checks a further round of sending adds none. */
  private MimeMessage arrivesOnce(DeskRequest request, LetterKind kind, long letterId) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> outbox.find(letterId).orElseThrow().status() == LetterStatus.SENT);
    sender.sendDue();
    List<MimeMessage> messages = SMTP.about(request.reference(), kind);
    assertThat(messages).hasSize(1);
    assertThat(outbox.find(letterId).orElseThrow().attempts()).isEqualTo(1);
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("LETTER_SENT")).hasSize(1);
    return messages.get(0);
  }

  /** The e-mail as text, for {@code docs/examples/}. */
  private static void writeExample(LetterKind kind, String language, MimeMessage message) throws Exception {
    Path file = LetterPdfTest.EXAMPLES.resolve("mail").resolve(language).resolve(kind.fileName() + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "From: " + message.getHeader("From", null) + "\nTo: " + message.getHeader("To", null)
        + "\nSubject: " + message.getSubject() + "\n\n" + message.getContent());
  }

  private static List<String> recipients(MimeMessage message) throws Exception {
    Address[] to = message.getAllRecipients();
    return Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList();
  }
}
