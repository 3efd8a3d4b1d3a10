package jp.madoguchi.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in at start-up: demo users on the embedded default, otherwise one administrator from the
 * environment whose password must not be missing, short or well known.
 *
 * @param demoUsers create one demo user per role (never on a production database)
 * @param admin the first administrator, required when there are no demo users
 */
@ConfigurationProperties("madoguchi.identity")
public record IdentityProperties(boolean demoUsers, Admin admin) {

  static final int MINIMUM_ADMIN_PASSWORD_LENGTH = 12;

  private static final Set<String> WELL_KNOWN_PASSWORDS =
      Set.of(
          "admin", "administrator", "password", "passw0rd", "camunda", "demo", "changeme", "change-me",
          "secret", "madoguchi", "123456789012", "password1234", "admin-demo-2026", "qwertyuiopas",
          "adminadminadmin", "password123!");

  public IdentityProperties {
    if (admin == null) {
      admin = new Admin("admin", "");
    }
    if (!demoUsers) {
      admin.requireUsablePassword();
    }
  }

  /**
   * @param userId the administrator's login
   * @param password the administrator's initial password; used only when the user does not exist yet
   */
  public record Admin(String userId, String password) {

    public Admin {
      userId = userId == null || userId.isBlank() ? "admin" : userId.trim();
      password = password == null ? "" : password;
    }

    boolean hasPassword() {
      return !password.isBlank();
    }

    void requireUsablePassword() {
      if (password.isBlank()) {
        throw new IllegalStateException(
            "MADOGUCHI_ADMIN_PASSWORD is not set. Without demo users the desk needs a first administrator: "
                + "set MADOGUCHI_ADMIN_USER and MADOGUCHI_ADMIN_PASSWORD (at least "
                + MINIMUM_ADMIN_PASSWORD_LENGTH + " characters).");
      }
      if (password.length() < MINIMUM_ADMIN_PASSWORD_LENGTH) {
        throw new IllegalStateException(
            "MADOGUCHI_ADMIN_PASSWORD is too short: use at least " + MINIMUM_ADMIN_PASSWORD_LENGTH
                + " characters.");
      }
      String lower = password.toLowerCase(Locale.ROOT);
      if (WELL_KNOWN_PASSWORDS.contains(lower) || lower.equals(userId.toLowerCase(Locale.ROOT))
          || DemoUsers.passwords().contains(password)) {
        throw new IllegalStateException(
            "MADOGUCHI_ADMIN_PASSWORD is a well-known password (or the demo one): choose another.");
      }
    }
  }
}
