package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The desk's day is Tokyo's, whatever the server's clock zone: the test JVM runs in UTC (see the surefire
 * configuration), where 08:30 in Tokyo is still the evening before.
 */
@DeskTest
class ArrivalDayInTokyoTest {

  @Autowired TestRestTemplate rest;
  @Autowired RequestRegister register;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @CsvSource({
      // 2026-11-24 is a Tuesday after a holiday (Labour Thanksgiving Day, Monday 11-23)
      "2026-11-24T08:30+09:00, 2026-11-24",
      "2026-11-24T16:59+09:00, 2026-11-24",
      // after closing time: the next business day
      "2026-11-24T17:30+09:00, 2026-11-25",
      // on a Saturday: the next business day
      "2026-11-21T10:00+09:00, 2026-11-24",
      // December 30, 18:00: the desk is closed December 31 to January 3
      "2026-12-30T18:00+09:00, 2027-01-04"})
  void aWebRequestArrivesOnTheDesksBusinessDay(String instant, String expectedArrival) {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(instant).toInstant()));

    ResponseEntity<Map> created = rest.postForEntity("/api/requests", IntakeFixtures.disclosure(), Map.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = (String) created.getBody().get("reference");
    assertThat(register.findByReference(reference).orElseThrow().arrivedOn())
        .isEqualTo(LocalDate.parse(expectedArrival));
  }
}
