package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The verified address on a real PostgreSQL server: recorded, replaced, read for the letters, and gone with the
 * personal data (same context configuration as {@code PostgresApplicationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresVerifiedAddressTest {

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RequestRegister register;
  @Autowired VerifiedAddresses addresses;
  @Autowired PersonalDataErasure erasure;

  @Test
  void recordedReplacedReadAndErasedOnPostgresql() {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    DeskRequest request = TestRequests.request(register).register();

    addresses.record(request.id(), "〒150-0002", "東京都渋谷区渋谷2-24-12", null, "desk");
    addresses.record(request.id(), "1000001", "東京都千代田区千代田１－１", null, "desk");

    assertThat(addresses.find(request.id())).hasValueSatisfying(address -> {
      assertThat(address.postalCode()).isEqualTo("100-0001");
      assertThat(address.differsFromIntake()).isFalse();
      assertThat(address.recordedAt()).isNotNull();
    });
    assertThat(addresses.postalAddressForReplies(request.id())).hasValueSatisfying(postal ->
        assertThat(postal.verified()).isTrue());
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("VERIFIED_ADDRESS_RECORDED"))
        .hasSize(2);

    register.close(request.id(), "DECIDED_FULL", LocalDate.of(2027, 1, 1), "desk");
    erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));

    assertThat(addresses.find(request.id())).isEmpty();
    assertThatThrownBy(() -> addresses.record(request.id(), "100-0001", "東京都", null, "desk"))
        .isInstanceOf(UnknownRequestException.class);
  }
}
