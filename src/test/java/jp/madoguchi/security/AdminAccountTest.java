package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.madoguchi.MadoguchiApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

@Tag("own-application")
class AdminAccountTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "short-pw", "password1234", "admin-demo-2026", "desk-demo-2026"})
  void withoutDemoUsersAMissingShortOrWellKnownAdminPasswordIsRefused(String password) {
    assertThatThrownBy(() -> new IdentityProperties(false, new IdentityProperties.Admin("admin", password)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MADOGUCHI_ADMIN_PASSWORD");
  }

  @Test
  void theAdministratorsOwnNameIsNoPassword() {
    assertThatThrownBy(
            () -> new IdentityProperties(false, new IdentityProperties.Admin("privacy-office-admin", "Privacy-Office-Admin")))
        .hasMessageContaining("well-known");
  }

  @Test
  void aStrongPasswordIsAccepted() {
    IdentityProperties properties =
        new IdentityProperties(false, new IdentityProperties.Admin("chief", "correct horse battery staple"));

    assertThat(properties.admin().userId()).isEqualTo("chief");
  }

  @Test
  void withDemoUsersNoAdminPasswordIsNeeded() {
    assertThat(new IdentityProperties(true, null).demoUsers()).isTrue();
  }

  @Test
  void thePostgresProfileRefusesToStartWithoutAnAdminPassword() {
    SpringApplicationBuilder application =
        new SpringApplicationBuilder(MadoguchiApplication.class).profiles("test", "postgres", "pgtest");

    assertThatThrownBy(() -> application.run("--server.port=0", "--camunda.bpm.process-engine-name=refused",
                    "--madoguchi.identity.admin.password="))
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MADOGUCHI_ADMIN_PASSWORD is not set");
  }
}
