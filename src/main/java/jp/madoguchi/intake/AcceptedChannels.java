package jp.madoguchi.intake;

import java.util.List;
import java.util.Locale;
import jp.madoguchi.correspondence.CompanyProperties;
import jp.madoguchi.request.RequestEnums.Channel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ways the desk accepts a request, as the company configured them ({@code madoguchi.company.desk.channels}):
 * the request page names the ways besides itself, and staff register only requests that came one of those ways.
 */
@Component
class AcceptedChannels {

  private final CompanyProperties company;
  private final MessageSource messages;

  AcceptedChannels(CompanyProperties company, MessageSource messages) {
    this.company = company;
    this.messages = messages;
  }

  /** The channels staff register (web requests register themselves), in the order the page lists them. */
  List<Channel> staffChannels() {
    return company.desk().channelsBesidesWeb();
  }

  /**
   * The request page's sentence naming the other ways to ask and the desk's hours, e.g. "You may also make a request
   * by post or by telephone."; none when the desk accepts requests through its web page only.
   */
  String otherWays(Locale locale) {
    List<String> ways = staffChannels().stream()
        .map(channel -> messages.getMessage("intake.otherWay." + channel.name(), null, locale)).toList();
    if (ways.isEmpty()) {
      return null;
    }
    String listed = ways.size() == 1 ? ways.get(0)
        : messages.getMessage("intake.otherWays.either",
            new Object[] {String.join(messages.getMessage("intake.otherWays.separator", null, locale),
                ways.subList(0, ways.size() - 1)), ways.get(ways.size() - 1)}, locale);
    String hours = company.desk().hours().in(locale.getLanguage());
    return hours.isEmpty() ? messages.getMessage("intake.page.otherWays", new Object[] {listed}, locale)
        : messages.getMessage("intake.page.otherWaysAndHours", new Object[] {listed, hours}, locale);
  }
}
