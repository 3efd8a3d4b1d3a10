package jp.madoguchi.correspondence;

import java.util.Locale;

/**
 * Every message the desk sends. The reply kinds are chosen by the decision table {@code reply-letter}.
 *
 * <p>A notice (receipt, what to send, reminders) carries its text in the e-mail itself, since the person needs it to
 * act. A written reply carries personal data and decisions: its e-mail holds only a download link to the PDF letter.
 * Every letter to a requester or a client is also composed as a PDF, the copy printed for registered mail, except
 * a new status key, which only ever goes by e-mail.
 */
public enum LetterKind {
  ACKNOWLEDGEMENT(Audience.REQUESTER, false),
  REQUEST_FORM_AND_CHECKLIST(Audience.REQUESTER, false),
  MISSING_DOCUMENTS(Audience.REQUESTER, false),
  FEE_REQUEST(Audience.REQUESTER, false),
  REMINDER(Audience.REQUESTER, false),
  ABANDONED(Audience.REQUESTER, false),
  WITHDRAWAL_CONFIRMATION(Audience.REQUESTER, false),
  IDENTITY_REJECTED(Audience.REQUESTER, true),
  ENTRUSTED_REFERRAL(Audience.REQUESTER, true),
  CLIENT_NOTIFICATION(Audience.CLIENT, true),
  PURPOSE_NOTIFICATION(Audience.REQUESTER, true),
  DISCLOSURE(Audience.REQUESTER, true),
  PARTIAL_DISCLOSURE(Audience.REQUESTER, true),
  NON_DISCLOSURE(Audience.REQUESTER, true),
  NO_DATA_HELD(Audience.REQUESTER, true),
  METHOD_CHANGED_TO_PAPER(Audience.REQUESTER, true),
  CORRECTION_RESULT(Audience.REQUESTER, true),
  SUSPENSION_RESULT(Audience.REQUESTER, true),
  COMPLAINT_ACKNOWLEDGEMENT(Audience.REQUESTER, false),
  COMPLAINT_ANSWER(Audience.REQUESTER, true),
  COMPLAINT_ANSWER_UNRESOLVED(Audience.REQUESTER, true),
  /**
   * A new status key for a requester who lost theirs: by e-mail only, without a PDF; the key is drawn when the
   * e-mail is sent and is written into it then, never into the stored letter.
   */
  STATUS_KEY(Audience.REQUESTER, false, false),
  /**
   * A link that confirms the requester's e-mail address (an electronic reply goes only to a confirmed address): by
   * e-mail only, without a PDF; the link's token is drawn when the e-mail is sent, never stored in the letter.
   */
  EMAIL_CONFIRMATION(Audience.REQUESTER, false, false),
  STAFF_REMINDER(Audience.STAFF, false);

  /** Who reads a letter of this kind. */
  public enum Audience { REQUESTER, CLIENT, STAFF }

  private final Audience audience;
  private final boolean writtenReply;
  private final boolean pdf;

  LetterKind(Audience audience, boolean writtenReply) {
    this(audience, writtenReply, audience != Audience.STAFF);
  }

  LetterKind(Audience audience, boolean writtenReply, boolean pdf) {
    this.audience = audience;
    this.writtenReply = writtenReply;
    this.pdf = pdf;
  }

  public Audience audience() {
    return audience;
  }

  /** A written reply: its e-mail carries a download link only, never the letter's content. */
  public boolean writtenReply() {
    return writtenReply;
  }

  /** Whether the letter is composed as a PDF (everything but the staff's own reminders and a new status key). */
  public boolean hasPdf() {
    return pdf;
  }

  /** The e-mail carries a new status key, drawn when it is sent. */
  public boolean carriesStatusKey() {
    return this == STATUS_KEY;
  }

  /**
   * A letter the desk writes before it verified who the requester is (the acknowledgement, what to send, the missing
   * documents, the refusal because identity could not be verified): it goes to the address given at intake. Every
   * other letter to the requester goes to the address on the verified identity document once staff recorded it
   * ({@code request.VerifiedAddresses#postalAddressForReplies}).
   */
  public boolean beforeIdentityVerified() {
    return this == ACKNOWLEDGEMENT || this == REQUEST_FORM_AND_CHECKLIST || this == MISSING_DOCUMENTS
        || this == IDENTITY_REJECTED || this == COMPLAINT_ACKNOWLEDGEMENT;
  }

  /**
   * Whether the letter says what the request costs: only these are given the {@code request-fee} table's answer when
   * the step that queues them knew none (an evaluation of the table for every letter was a tenth of a letter's cost).
   * {@code LetterKindTest} keeps this true to the templates.
   */
  public boolean showsFee() {
    return this == ACKNOWLEDGEMENT || this == FEE_REQUEST || this == REMINDER || this == ENTRUSTED_REFERRAL
        || this == NO_DATA_HELD;
  }

  /** The e-mail carries a link that confirms the address it goes to, drawn when it is sent. */
  public boolean carriesConfirmationLink() {
    return this == EMAIL_CONFIRMATION;
  }

  /** Goes by e-mail or not at all: a secret drawn when it is sent is never put on paper. */
  public boolean emailOnly() {
    return carriesStatusKey() || carriesConfirmationLink();
  }

  /**
   * The receipt of a request or complaint: when it goes by e-mail, the e-mail with the first link that confirms the
   * address goes with it ({@link EmailConfirmationLetters#queueWithReceipt}).
   */
  public boolean isReceipt() {
    return this == ACKNOWLEDGEMENT || this == COMPLAINT_ACKNOWLEDGEMENT;
  }

  /** Letters to clients and staff are written in Japanese and English together; requesters get their language. */
  public boolean bilingual() {
    return audience != Audience.REQUESTER;
  }

  /** The name of its template and of its PDF file, e.g. {@code partial-disclosure}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
