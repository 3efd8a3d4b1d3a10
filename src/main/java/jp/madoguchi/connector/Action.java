package jp.madoguchi.connector;

import java.util.Optional;
import jp.madoguchi.request.RequestType;

/** What the desk carries out on a system after an approved decision. */
public enum Action {
  ERASURE,
  CORRECTION,
  SUSPENSION;

  /**
   * The action an approved decision of this request type leads to (ADR 0034): a correction corrects, a suspension of
   * provision suspends, a suspension of use erases or suspends as the decider chose ({@code measure}); empty for the
   * types that change nothing on a system (and for a suspension of use without a valid measure).
   */
  public static Optional<Action> approvedFor(RequestType type, String measure) {
    if (type == null) {
      return Optional.empty();
    }
    return switch (type) {
      case CORRECTION -> Optional.of(CORRECTION);
      case SUSPENSION_OF_THIRD_PARTY_PROVISION -> Optional.of(SUSPENSION);
      case SUSPENSION_OF_USE -> ERASURE.name().equals(measure) ? Optional.of(ERASURE)
          : SUSPENSION.name().equals(measure) ? Optional.of(SUSPENSION) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** Whether a request of this type leads to an action on the systems once decided (four eyes first). */
  public static boolean actionRequest(RequestType type) {
    return type == RequestType.CORRECTION || type == RequestType.SUSPENSION_OF_USE
        || type == RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION;
  }
}
