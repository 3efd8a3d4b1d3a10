package jp.madoguchi.correspondence;

import java.util.List;
import jp.madoguchi.request.RequestEnums.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The facts about the company that its letters print: who writes, where the desk is, how to pay a fee and where to
 * complain. They belong to the company, not to the code: each operator sets its own in configuration (defaults in
 * {@code application.yaml}). Every text comes in Japanese and English; a missing English text falls back to the
 * Japanese one.
 *
 * @param name the company's name, as in its register
 * @param postalCode the head office's postal code
 * @param address the head office's address
 * @param representative the representative's title and name
 * @param protectionManager the personal information protection manager's title and name (JIS Q 15001)
 * @param desk the desk that receives requests (Cabinet Order Art 12: the published contact point)
 * @param fee how a fee is shown and paid
 * @param accreditedOrganisation where a person may complain outside the company (APPI Art 47 ff.)
 * @param purposesOfUse the published purposes of use, told in a notification of the purpose of use (Art 32(2))
 */
@ConfigurationProperties("madoguchi.company")
public record CompanyProperties(
    Text name,
    String postalCode,
    Text address,
    Text representative,
    Text protectionManager,
    Desk desk,
    Fee fee,
    AccreditedOrganisation accreditedOrganisation,
    List<Text> purposesOfUse) {

  public CompanyProperties {
    name = Text.orEmpty(name);
    address = Text.orEmpty(address);
    representative = Text.orEmpty(representative);
    protectionManager = Text.orEmpty(protectionManager);
    desk = desk == null ? new Desk(null, null, null, null, null, null, null) : desk;
    fee = fee == null ? new Fee(null, null, null) : fee;
    accreditedOrganisation =
        accreditedOrganisation == null ? new AccreditedOrganisation(null, null, null, null) : accreditedOrganisation;
    purposesOfUse = purposesOfUse == null ? List.of() : List.copyOf(purposesOfUse);
    // a letter without a sender cannot go out: better not to start than to fail every letter
    if (name.in("ja").isBlank()) {
      throw new IllegalArgumentException("madoguchi.company.name must be set: every letter is written in its name");
    }
    if (desk.email().isBlank()) {
      throw new IllegalArgumentException("madoguchi.company.desk.email must be set: letters are sent from it");
    }
  }

  /** A text in Japanese and in English. */
  public record Text(String ja, String en) {

    static Text orEmpty(Text text) {
      return text == null ? new Text("", "") : text;
    }

    public Text {
      ja = ja == null ? "" : ja.strip();
      en = en == null ? "" : en.strip();
    }

    /** The text in the given language ({@code ja} or {@code en}); English falls back to Japanese when unset. */
    public String in(String language) {
      if ("en".equals(language)) {
        return en.isEmpty() ? ja : en;
      }
      return ja.isEmpty() ? en : ja;
    }
  }

  /**
   * @param name the desk's name
   * @param postalCode where requests and fees are sent: postal code
   * @param address where requests and fees are sent: address
   * @param phone the desk's telephone
   * @param email the desk's e-mail address; letters are sent from it
   * @param hours when the desk answers
   * @param channels the ways the desk accepts a request (its own policy; the law prescribes none): the request page
   *     and the letters name only these, and staff register only these; unset, all of them. Without
   *     {@code IN_PERSON} the desk takes no visits, and no page or letter mentions one
   */
  public record Desk(Text name, String postalCode, Text address, String phone, String email, Text hours,
      List<Channel> channels) {

    /** Every channel, in the order pages and letters name them. */
    static final List<Channel> ALL_CHANNELS =
        List.of(Channel.WEB, Channel.POST, Channel.EMAIL, Channel.TELEPHONE, Channel.IN_PERSON);

    @ConstructorBinding
    public Desk {
      name = Text.orEmpty(name);
      address = Text.orEmpty(address);
      hours = Text.orEmpty(hours);
      postalCode = postalCode == null ? "" : postalCode.strip();
      phone = phone == null ? "" : phone.strip();
      email = email == null ? "" : email.strip();
      List<Channel> configured = channels == null || channels.isEmpty() ? ALL_CHANNELS : channels;
      channels = ALL_CHANNELS.stream().filter(configured::contains).toList();
    }

    /** A desk that accepts requests through every channel. */
    public Desk(Text name, String postalCode, Text address, String phone, String email, Text hours) {
      this(name, postalCode, address, phone, email, hours, null);
    }

    /** Whether the desk accepts requests through this channel. */
    public boolean accepts(Channel channel) {
      return channels.contains(channel);
    }

    /** The channels besides the web page, in the order pages and letters name them. */
    public List<Channel> channelsBesidesWeb() {
      return channels.stream().filter(channel -> channel != Channel.WEB).toList();
    }
  }

  /**
   * @param display the fee as published, e.g. "1,000円(税込)", for letters written before the amount is decided
   * @param bankAccount the account for payment by bank transfer
   * @param refundPolicy what the fee request says about refunds: the law names no case for a refund, so each desk
   *     says its own (empty: the letter says nothing about it)
   */
  public record Fee(Text display, Text bankAccount, Text refundPolicy) {
    public Fee {
      display = Text.orEmpty(display);
      bankAccount = Text.orEmpty(bankAccount);
      refundPolicy = Text.orEmpty(refundPolicy);
    }
  }

  /**
   * An accredited personal information protection organisation whose member the company is, e.g. JIPDEC's PrivacyMark
   * consultation office; a company that is no member of one leaves it unset, and no letter names one.
   */
  public record AccreditedOrganisation(Text name, String postalCode, Text address, String phone) {

    /** Whether the company is the member of an accredited organisation, so that its letters name it. */
    public boolean configured() {
      return !name.in("ja").isBlank();
    }

    public AccreditedOrganisation {
      name = Text.orEmpty(name);
      address = Text.orEmpty(address);
      postalCode = postalCode == null ? "" : postalCode.strip();
      phone = phone == null ? "" : phone.strip();
    }
  }
}
