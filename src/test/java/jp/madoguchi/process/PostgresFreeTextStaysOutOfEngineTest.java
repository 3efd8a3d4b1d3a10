package jp.madoguchi.process;

import java.util.List;
import java.util.Map;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same search on PostgreSQL, where the engine keeps byte arrays in {@code bytea} columns. No demo users there:
 * the test has users of its own (the database is shared with {@code PostgresApplicationTest}, which checks that the
 * demo users do not exist).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresFreeTextStaysOutOfEngineTest extends FreeTextStaysOutOfEngineTest {

  private static final Map<String, List<String>> ROLES = Map.of(
      "desk", List.of(DeskGroups.PRIVACY_DESK),
      "manager", List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS),
      "designer", List.of(DeskGroups.PROCESS_DESIGNERS));

  @BeforeEach
  void usersExist() {
    IdentityService identity = engine.getIdentityService();
    ROLES.forEach((role, groups) -> {
      if (identity.createUserQuery().userId(user(role)).count() == 0) {
        User user = identity.newUser(user(role));
        user.setPassword(password(role));
        identity.saveUser(user);
        groups.forEach(group -> identity.createMembership(user(role), group));
      }
    });
  }

  @Override
  String user(String role) {
    return "free-text-" + role;
  }

  @Override
  String password(String role) {
    return "Free-text-" + role + "-2026";
  }
}
