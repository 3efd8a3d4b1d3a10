package jp.madoguchi.correspondence;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import jp.madoguchi.calendar.DeskDates;
import jp.madoguchi.correspondence.LetterDocuments.StoredLetter;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Turns a composed letter into the e-mail that carries it, at the moment of sending: a notice carries its text; a
 * written reply (and a notice to a client) carries only a download link, since its content is personal data; a
 * staff reminder is its text. The link's token is new for each attempt, so it is never stored in the clear.
 */
@Component
class LetterMail {

  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader for every header it encodes or decodes
    // and every body part it writes (jakartaee/mail-api#861): a search through every jar on the class path, each
    // time, was a tenth of a letter's sending. Named, the provider is found by its class name instead.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final JavaMailSender mailSender;
  private final LetterTemplates templates;
  private final CompanyProperties company;
  private final PublicSiteProperties site;
  private final DeskDates dates;
  private final ReplyAttachments attachments;

  LetterMail(JavaMailSender mailSender, LetterTemplates templates, CompanyProperties company,
      PublicSiteProperties site, DeskDates dates,
      org.springframework.beans.factory.ObjectProvider<ReplyAttachments> attachments) {
    this.attachments = attachments.getIfAvailable(() -> ReplyAttachments.NONE);
    this.mailSender = mailSender;
    this.templates = templates;
    this.company = company;
    this.site = site;
    this.dates = dates;
  }

  /** The letter cannot be sent as it is (no address, an address that cannot exist): trying again will not help. */
  static final class UndeliverableLetterException extends RuntimeException {
    UndeliverableLetterException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The e-mail of a letter, with what is drawn for this attempt: the written reply's download link, the new
   * status key, or the link that confirms the address.
   */
  MimeMessage build(OutboundLetter letter, StoredLetter stored, DownloadTokens.Issued link, String statusKey,
      EmailConfirmations.Issued confirmation, Instant now) throws MessagingException {
    if (letter.kind().carriesStatusKey() && (statusKey == null || statusKey.isBlank())) {
      throw new IllegalStateException("Letter " + letter.id() + " is to carry a new status key and has none");
    }
    if (letter.kind().carriesConfirmationLink() && confirmation == null) {
      throw new IllegalStateException("Letter " + letter.id() + " is to carry a confirmation link and has none");
    }
    String language = letter.kind().bilingual() ? "ja" : ("en".equals(letter.language()) ? "en" : "ja");
    Session session = mailSender.createMimeMessage().getSession();
    MimeMessage message = new StableIdMessage(session, messageId(letter));
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name()) {
      @Override
      protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
        // the helper would read Spring's table of file types anew for every e-mail; ours carry no attachments
        return FileTypeMap.getDefaultFileTypeMap();
      }
    };
    InternetAddress from = address(company.desk().email(), company.desk().name().in(language), "desk");
    helper.setFrom(from);
    helper.setReplyTo(from);
    helper.setTo(address(letter.recipientEmail(), letter.recipientRole() == RecipientRole.STAFF ? null
        : letter.recipientName(), "recipient"));
    helper.setSubject(stored.subject());
    helper.setSentDate(Date.from(now));
    helper.setText(body(language, letter, stored, link, statusKey, confirmation), false);
    message.setHeader("X-Madoguchi-Reference", letter.reference());
    message.setHeader("X-Madoguchi-Letter", letter.kind().name());
    return message;
  }

  private String body(String language, OutboundLetter letter, StoredLetter stored, DownloadTokens.Issued link,
      String statusKey, EmailConfirmations.Issued confirmation) {
    if (letter.kind().audience() == LetterKind.Audience.STAFF) {
      return stored.text();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("name", letter.recipientName());
    model.put("client", letter.recipientRole() == RecipientRole.CLIENT);
    model.put("ref", letter.reference());
    model.put("subject", stored.subject());
    model.put("text", stored.text());
    model.put("link", link == null ? null : site.link("/letters/download/" + link.token()));
    model.put("archiveLink", link == null || !attachments.hasArchive(letter.requestId(), letter.kind()) ? null
        : site.link("/letters/download/" + link.token() + "/archive"));
    model.put("validUntil", link == null ? null : until(language, link.expiresAt()));
    model.put("validUntilEn", link == null ? null : until("en", link.expiresAt()));
    model.put("co", LetterComposer.CompanyView.of(company, language));
    model.put("coEn", LetterComposer.CompanyView.of(company, "en"));
    model.put("statusKey", statusKey);
    model.put("statusLink", site.link("/status?reference=" + letter.reference()));
    model.put("confirmLink", confirmation == null ? null
        : site.link(EmailConfirmationLetters.PAGE + "?token=" + confirmation.token()
            + ("en".equals(language) ? "&lang=en" : "")));
    model.put("confirmUntil", confirmation == null ? null : until(language, confirmation.expiresAt()));
    String folder = letter.kind().bilingual() ? "bilingual" : language;
    String template = letter.kind().carriesStatusKey() ? "status-key"
        : letter.kind().carriesConfirmationLink() ? "email-confirmation"
        : letter.kind().writtenReply() ? "reply" : "notice";
    return templates.render("mail/" + folder + "/" + template, language, model);
  }

  private String until(String language, Instant expiresAt) {
    return dates.letterDateTime(expiresAt, LetterVocabulary.locale(language));
  }

  private static InternetAddress address(String email, String personal, String what) {
    if (email == null || email.isBlank()) {
      throw new UndeliverableLetterException("The " + what + " has no e-mail address", null);
    }
    try {
      InternetAddress address = new InternetAddress(email.strip(), true);
      if (personal != null && !personal.isBlank()) {
        address.setPersonal(personal, StandardCharsets.UTF_8.name());
      }
      return address;
    } catch (jakarta.mail.internet.AddressException | UnsupportedEncodingException invalid) {
      throw new UndeliverableLetterException("The " + what + " e-mail address is not valid", invalid);
    }
  }

  /**
   * The same Message-ID for every attempt at one letter: should a node die between handing a message to the SMTP
   * server and recording it, the copy sent after its claim goes stale is recognisably the same message.
   */
  private String messageId(OutboundLetter letter) {
    String key = LetterDocuments.sha256(letter.letterKey().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    String email = company.desk().email();
    String domain = email.contains("@") ? email.substring(email.indexOf('@') + 1) : "madoguchi.invalid";
    return "<letter-" + letter.id() + "." + key + "@" + domain + ">";
  }

  /** A message whose Message-ID is set by the desk rather than drawn afresh when it is saved. */
  private static final class StableIdMessage extends MimeMessage {

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
