package jp.madoguchi.request;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The requester's key to the status of a request: 256 random bits, shown once, of which the register keeps only the
 * SHA-256. A look-up needs the reference and the token; an unknown reference and a wrong token look the same.
 */
@Service
public class StatusTokens {

  private static final int TOKEN_BYTES = 32;
  // compared against when the reference is unknown, so that both answers take the same work
  private static final String NO_SUCH_TOKEN_HASH = Digests.sha256Hex("no request has this token");

  private final RequestRegister register;
  private final SecureRandom random = new SecureRandom();

  StatusTokens(RequestRegister register) {
    this.register = register;
  }

  /** Gives the request a new token and returns it; only its hash is stored, so it cannot be shown again. */
  public String issue(long requestId) {
    return replace(requestId).token();
  }

  /**
   * The first token of a request about to be registered: the register stores its hash with the request
   * ({@link RequestRegister#register(NewRequest, String, String)}); the token is shown once, to the requester.
   */
  public First first() {
    String token = newToken();
    return new First(token, Digests.sha256Hex(token));
  }

  /** A request's first token and the hash the register keeps of it. */
  public record First(String token, String hash) {

    @Override
    public String toString() {
      // the token is a secret: never in a log line
      return "First[token and hash not shown]";
    }
  }

  /**
   * A token that replaced the request's earlier one, with what it replaced, so that a replacement whose e-mail
   * could not be sent can be undone ({@link #restore(Replacement)}).
   */
  public record Replacement(long requestId, String token, String previousHash) {

    @Override
    public String toString() {
      // the token is a secret: never in a log line
      return "Replacement[requestId=" + requestId + "]";
    }
  }

  /** Gives the request a new token, which replaces the earlier one at once, and returns it. */
  public Replacement replace(long requestId) {
    String token = newToken();
    String previousHash = register.lockStatusTokenHash(requestId)
        .orElseThrow(() -> new UnknownRequestException("No request with id " + requestId))
        .orElse(null);
    register.replaceStatusTokenHash(requestId, Digests.sha256Hex(token), null);
    return new Replacement(requestId, token, previousHash);
  }

  /**
   * Gives the request back the token a replacement replaced (its e-mail never left), unless another token has
   * replaced this one since. Returns whether it did.
   */
  public boolean restore(Replacement replacement) {
    return register.replaceStatusTokenHash(replacement.requestId(), replacement.previousHash(),
        Digests.sha256Hex(replacement.token()));
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The request with this reference, when the token is its status token. */
  public Optional<DeskRequest> find(String reference, String token) {
    if (reference == null || token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<String> storedHash = register.statusTokenHash(reference);
    boolean matches = Digests.sameDigest(storedHash.orElse(NO_SUCH_TOKEN_HASH), Digests.sha256Hex(token));
    return matches && storedHash.isPresent() ? register.findByReference(reference) : Optional.empty();
  }
}
