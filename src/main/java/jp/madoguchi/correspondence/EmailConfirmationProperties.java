package jp.madoguchi.correspondence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The confirmation of a requester's e-mail address.
 *
 * @param linkValidFor how long a confirmation link works after its e-mail was sent
 * @param replyWaitBusinessDays how many business days a reply ready to go by e-mail waits, with the SLA clock
 *     stopped, for the requester to confirm the address; then it goes on paper by registered mail
 */
@ConfigurationProperties("madoguchi.email-confirmation")
public record EmailConfirmationProperties(
    @DefaultValue("P21D") Duration linkValidFor,
    @DefaultValue("10") int replyWaitBusinessDays) {

  public EmailConfirmationProperties {
    if (linkValidFor.isNegative() || linkValidFor.isZero()) {
      throw new IllegalArgumentException("madoguchi.email-confirmation.link-valid-for must be positive");
    }
    if (replyWaitBusinessDays < 1) {
      throw new IllegalArgumentException("madoguchi.email-confirmation.reply-wait-business-days must be at least 1");
    }
  }
}
