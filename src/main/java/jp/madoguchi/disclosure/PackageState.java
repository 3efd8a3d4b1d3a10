package jp.madoguchi.disclosure;

import java.time.Instant;

/**
 * The package of a request as a whole: open while staff gather and review it, frozen (its archive's files and their
 * hashes fixed) once the decision is final, and erased with the request's personal data, when only the counts and
 * the manifest's hashes stay.
 */
public record PackageState(long requestId, State state, Instant frozenAt, String frozenBy, String manifestSha256,
    Integer itemCount, Integer withheldCount, Integer fileCount, Long totalBytes, Instant erasedAt) {

  public enum State { OPEN, FROZEN, ERASED }

  static PackageState open(long requestId) {
    return new PackageState(requestId, State.OPEN, null, null, null, null, null, null, null, null);
  }

  public boolean frozen() {
    return state == State.FROZEN;
  }
}
