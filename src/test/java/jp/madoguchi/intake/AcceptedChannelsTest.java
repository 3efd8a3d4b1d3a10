package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import jp.madoguchi.correspondence.CompanyProperties;
import jp.madoguchi.correspondence.CompanyProperties.Desk;
import jp.madoguchi.correspondence.CompanyProperties.Text;
import jp.madoguchi.request.RequestEnums.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The request page names the ways the company accepts requests, from configuration, and the desk registers only
 * those (a form that names another way is refused, naming the field): two companies, two sentences; a desk that
 * takes no visits mentions none. Without Spring, with the page's
 * own messages.
 */
class AcceptedChannelsTest {

  private static final Text HOURS = new Text("平日 9:00〜17:00", "weekdays 9:00-17:00");

  @Test
  void twoCompaniesNameTheirOwnWaysAndOnlyTheOneThatTakesVisitsMentionsThem() {
    AcceptedChannels everyWay = channels(null);
    AcceptedChannels postAndTelephone = channels(List.of(Channel.WEB, Channel.TELEPHONE, Channel.POST));

    assertThat(everyWay.otherWays(Locale.JAPANESE)).isEqualTo("このページのほか、郵送、電子メール、お電話又は窓口へのご来訪"
        + "でもご請求を受け付けております。窓口の受付時間は、平日 9:00〜17:00です。");
    assertThat(postAndTelephone.otherWays(Locale.JAPANESE))
        .isEqualTo("このページのほか、郵送又はお電話でもご請求を受け付けております。窓口の受付時間は、平日 9:00〜17:00です。");
    assertThat(everyWay.otherWays(Locale.ENGLISH)).isEqualTo("You may also make a request by post, by e-mail, "
        + "by telephone or in person at our desk. Our desk is open weekdays 9:00-17:00.");
    assertThat(postAndTelephone.otherWays(Locale.ENGLISH))
        .isEqualTo("You may also make a request by post or by telephone. Our desk is open weekdays 9:00-17:00.");

    assertThat(everyWay.staffChannels())
        .containsExactly(Channel.POST, Channel.EMAIL, Channel.TELEPHONE, Channel.IN_PERSON);
    assertThat(postAndTelephone.staffChannels()).containsExactly(Channel.POST, Channel.TELEPHONE);
    assertThat(channels(List.of(Channel.WEB)).otherWays(Locale.JAPANESE)).as("a desk on the web only").isNull();
  }

  @Test
  void noPageTextMentionsAVisitButTheVisitChannelsOwnLabelsShownOnlyWhenTheDeskTakesVisits() throws IOException {
    for (String file : List.of("messages_ja.properties", "messages_en.properties")) {
      Properties messages = new Properties();
      try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
        messages.load(reader);
      }
      messages.forEach((key, value) -> {
        String text = value.toString();
        if (text.contains("来訪") || text.contains("来社") || text.toLowerCase(Locale.ROOT).contains("visit")
            || text.contains("in person")) {
          assertThat(key.toString()).as("%s in %s", key, file).endsWith(".IN_PERSON");
        }
      });
    }
  }

  @Test
  void staffCannotRegisterARequestByAWayTheDeskDoesNotAccept() {
    AcceptedChannels postAndTelephone = channels(List.of(Channel.WEB, Channel.TELEPHONE, Channel.POST));
    SubmissionValidator.Context desk = new SubmissionValidator.Context(true, LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 11, 1), "ja", Channel.WEB, LocalDate.of(2026, 12, 1), postAndTelephone.staffChannels());

    assertThatThrownBy(() -> SubmissionValidator.validate(submission("IN_PERSON"), desk))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid -> assertThat(invalid.problems())
            .containsExactly(new FieldProblem("channel", "intake.error.channelNotAccepted")));
    assertThat(SubmissionValidator.validate(submission("TELEPHONE"), desk).channel()).isEqualTo(Channel.TELEPHONE);
  }

  private static IntakeRequest submission(String channel) {
    IntakeRequest submission = new IntakeRequest();
    submission.setType("DISCLOSURE");
    submission.setDisclosureMethod("PAPER");
    submission.setDetails("通話録音");
    submission.setChannel(channel);
    submission.getPrincipal().setName("山田 太郎");
    submission.getPrincipal().setEmail("taro@example.jp");
    return submission;
  }

  private static AcceptedChannels channels(List<Channel> accepted) {
    CompanyProperties company = new CompanyProperties(new Text("株式会社サンプル", "Sample Co., Ltd."), "1000005",
        null, null, null, new Desk(new Text("窓口", "Desk"), "1000005", null, "03-0000-0000", "desk@example.jp",
            HOURS, accepted), null, null, null);
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new AcceptedChannels(company, messages);
  }
}
