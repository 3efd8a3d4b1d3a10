package jp.madoguchi.correspondence;

import java.util.List;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records letters in the outbox, in the transaction of the step that causes them; a sender delivers them after
 * commit. A step that runs again with the same letter key records nothing new.
 */
@Service
public class CorrespondenceService {

  private final JdbcClient jdbc;
  private final RequestRegister register;

  CorrespondenceService(JdbcClient jdbc, RequestRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /**
   * Queues a notice or a written reply to the requester: the agent when an agent made the request, else the
   * principal. It goes by e-mail (a reply as a download link) when the addressee gave an address and did not ask
   * for paper; otherwise on paper by registered mail to the verified address.
   */
  public Delivery queueToRequester(long requestId, LetterKind kind, String letterKey) {
    DeskRequest request = register.find(requestId);
    DeskRequest.Party addressee = request.addressee();
    boolean byEmail = hasEmail(addressee) && request.disclosureMethod() != DisclosureMethod.PAPER;
    Delivery delivery = byEmail ? Delivery.EMAIL : Delivery.PAPER;
    queue(request, kind, requesterRole(request), addressee.name(), addressee.email(), delivery, letterKey);
    return delivery;
  }

  /** Queues a notice to a client company whose entrusted data the request concerns. */
  public void queueToClient(long requestId, LetterKind kind, String companyName, String email, String letterKey) {
    DeskRequest request = register.find(requestId);
    Delivery delivery = email == null || email.isBlank() ? Delivery.PAPER : Delivery.EMAIL;
    queue(request, kind, RecipientRole.CLIENT, companyName, email, delivery, letterKey);
  }

  /** Queues a reminder to a member of staff. */
  public void queueToStaff(long requestId, LetterKind kind, String userId, String email, String letterKey) {
    DeskRequest request = register.find(requestId);
    queue(request, kind, RecipientRole.STAFF, userId, email, Delivery.EMAIL, letterKey);
  }

  public List<OutboundLetter> lettersOf(long requestId) {
    return jdbc.sql("SELECT * FROM outbound_letter WHERE request_id = ? ORDER BY id")
        .param(requestId)
        .query((rs, n) -> new OutboundLetter(rs.getLong("id"), rs.getLong("request_id"),
            LetterKind.valueOf(rs.getString("letter_kind")), RecipientRole.valueOf(rs.getString("recipient_role")),
            rs.getString("recipient_name"), rs.getString("recipient_email"),
            Delivery.valueOf(rs.getString("delivery")), rs.getString("language"), rs.getString("status"),
            rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Records the registered-mail tracking number of the paper letters of a request not yet dispatched. */
  public void recordDispatch(long requestId, String trackingNumber, String actor) {
    jdbc.sql("""
            UPDATE outbound_letter SET status = 'DISPATCHED', tracking_number = ?, sent_at = ?
            WHERE request_id = ? AND delivery = 'PAPER' AND status = 'QUEUED'
            """)
        .params(trackingNumber, RequestRegister.now().atOffset(java.time.ZoneOffset.UTC), requestId)
        .update();
    register.recordEvent(requestId, actor, "REPLY_DISPATCHED", "registered mail " + trackingNumber);
  }

  private void queue(DeskRequest request, LetterKind kind, RecipientRole role, String name, String email,
      Delivery delivery, String letterKey) {
    boolean known = jdbc.sql("SELECT COUNT(*) FROM outbound_letter WHERE letter_key = ?").param(letterKey)
        .query(Long.class).single() > 0;
    if (known) {
      return;
    }
    jdbc.sql("""
            INSERT INTO outbound_letter (request_id, letter_kind, recipient_role, recipient_name, recipient_email,
              delivery, language, status, letter_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
            """)
        .params(request.id(), kind.name(), role.name(), name, email, delivery.name(), request.language(), letterKey,
            RequestRegister.now().atOffset(java.time.ZoneOffset.UTC))
        .update();
    register.recordEvent(request.id(), RequestRegister.SYSTEM_ACTOR, "LETTER_QUEUED",
        kind.name() + " to " + role.name() + " by " + delivery.name());
  }

  private static RecipientRole requesterRole(DeskRequest request) {
    return request.hasAgent() ? RecipientRole.AGENT : RecipientRole.PRINCIPAL;
  }

  private static boolean hasEmail(DeskRequest.Party party) {
    return party != null && party.email() != null && !party.email().isBlank();
  }
}
