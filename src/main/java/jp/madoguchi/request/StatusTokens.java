package jp.madoguchi.request;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final RequestRegister register;
  private final SecureRandom random = new SecureRandom();

  StatusTokens(JdbcClient jdbc, RequestRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /** Gives the request a new token and returns it; only its hash is stored, so it cannot be shown again. */
  public String issue(long requestId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    int rows = jdbc.sql("UPDATE desk_request SET status_token_hash = ? WHERE id = ?")
        .params(Digests.sha256Hex(token), requestId)
        .update();
    if (rows != 1) {
      throw new UnknownRequestException("No request with id " + requestId);
    }
    return token;
  }

  /** The request with this reference, when the token is its status token. */
  public Optional<DeskRequest> find(String reference, String token) {
    if (reference == null || token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<String> storedHash = jdbc.sql("SELECT COALESCE(status_token_hash, '') FROM desk_request WHERE reference = ?")
        .param(reference)
        .query(String.class)
        .optional();
    boolean matches = Digests.sameDigest(storedHash.orElse(NO_SUCH_TOKEN_HASH), Digests.sha256Hex(token));
    return matches && storedHash.isPresent() ? register.findByReference(reference) : Optional.empty();
  }
}
