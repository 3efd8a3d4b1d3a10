package jp.madoguchi.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A request as the public page, the desk's registration page and the JSON API submit it. Every value is kept as the
 * text the requester typed, so that a wrong value becomes a message on its field (not a parsing failure) and the
 * page can show the form again exactly as it was filled in.
 */
@Schema(name = "NewRequest", description = "A request about personal data (APPI Art 32-35) or a complaint (Art 40)")
public class IntakeRequest {

  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PURPOSE_NOTIFICATION", "DISCLOSURE",
      "THIRD_PARTY_RECORDS_DISCLOSURE", "CORRECTION", "SUSPENSION_OF_USE", "SUSPENSION_OF_THIRD_PARTY_PROVISION",
      "COMPLAINT"}, example = "DISCLOSURE")
  private String type;

  @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
  private Principal principal = new Principal();

  @Schema(description = "Only when an agent makes the request for the principal")
  private Agent agent = new Agent();

  @Schema(description = "How the answer is given. Required for PURPOSE_NOTIFICATION, DISCLOSURE and "
      + "THIRD_PARTY_RECORDS_DISCLOSURE; not allowed for other types", allowableValues = {"ELECTRONIC", "PAPER", "OTHER"})
  private String disclosureMethod;

  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = SubmissionValidator.DETAILS_MAX,
      description = "The data sought (APPI Art 37(2)), or the complaint; new lines and tabs allowed",
      example = "2024年以降のお客様窓口での通話記録")
  private String details;

  @Schema(description = "SPECIFIC for My Number data; default ORDINARY", allowableValues = {"ORDINARY", "SPECIFIC"})
  private String personalInformationKind;

  @Schema(description = "How the request reached the desk; default WEB. Other channels only for desk staff",
      allowableValues = {"WEB", "POST", "TELEPHONE", "EMAIL", "IN_PERSON"})
  private String channel;

  @Schema(description = "Arrival date (yyyy-MM-dd), default today in Tokyo; an earlier date only for desk staff",
      format = "date")
  private String arrivedOn;

  @Schema(description = "Language of the desk's letters; default from Accept-Language", allowableValues = {"ja", "en"})
  private String language;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Principal getPrincipal() {
    return principal;
  }

  public void setPrincipal(Principal principal) {
    this.principal = principal == null ? new Principal() : principal;
  }

  public Agent getAgent() {
    return agent;
  }

  public void setAgent(Agent agent) {
    this.agent = agent == null ? new Agent() : agent;
  }

  public String getDisclosureMethod() {
    return disclosureMethod;
  }

  public void setDisclosureMethod(String disclosureMethod) {
    this.disclosureMethod = disclosureMethod;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }

  public String getPersonalInformationKind() {
    return personalInformationKind;
  }

  public void setPersonalInformationKind(String personalInformationKind) {
    this.personalInformationKind = personalInformationKind;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getArrivedOn() {
    return arrivedOn;
  }

  public void setArrivedOn(String arrivedOn) {
    this.arrivedOn = arrivedOn;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  /** The person the data is about. */
  @Schema(name = "Principal")
  public static class Principal {

    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "山田 太郎")
    private String name;
    @Schema(maxLength = 200, example = "ヤマダ タロウ")
    private String nameKana;
    @Schema(format = "date", example = "1980-04-01")
    private String dateOfBirth;
    @Schema(description = "Japanese postal code, 7 digits with or without hyphen", example = "100-0001")
    private String postalCode;
    @Schema(maxLength = 400, example = "東京都千代田区千代田1-1")
    private String address;
    @Schema(maxLength = 32, example = "03-1234-5678")
    private String phone;
    @Schema(maxLength = 254, example = "taro.yamada@example.jp")
    private String email;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getNameKana() {
      return nameKana;
    }

    public void setNameKana(String nameKana) {
      this.nameKana = nameKana;
    }

    public String getDateOfBirth() {
      return dateOfBirth;
    }

    public void setDateOfBirth(String dateOfBirth) {
      this.dateOfBirth = dateOfBirth;
    }

    public String getPostalCode() {
      return postalCode;
    }

    public void setPostalCode(String postalCode) {
      this.postalCode = postalCode;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }
  }

  /** The agent who makes the request for the principal. */
  @Schema(name = "Agent")
  public static class Agent {

    @Schema(allowableValues = {"AUTHORISED", "LEGAL_REPRESENTATIVE"})
    private String kind;
    @Schema(maxLength = 200)
    private String name;
    @Schema(maxLength = 400)
    private String address;
    @Schema(maxLength = 32)
    private String phone;
    @Schema(maxLength = 254)
    private String email;

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }
  }
}
