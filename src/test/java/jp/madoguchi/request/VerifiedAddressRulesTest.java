package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.VerifiedAddresses.Field;
import jp.madoguchi.request.VerifiedAddresses.Problem;
import org.junit.jupiter.api.Test;

/** What staff may enter as the address on a verified identity document, and when it differs from intake. */
class VerifiedAddressRulesTest {

  private static final Party INTAKE = new Party("山田 太郎", null, LocalDate.of(1980, 4, 1), "1000001",
      "東京都千代田区千代田1-1", null, null);

  @Test
  void thePostalCodeIsSevenDigitsWithOrWithoutTheMarkAndTheHyphenInEitherWidth() {
    for (String good : new String[] {"100-0001", "1000001", "〒100-0001", "〒 100-0001", "１００－０００１"}) {
      assertThat(VerifiedAddresses.problems(good, "東京都千代田区千代田1-1", null)).as(good).isEmpty();
    }
    for (String bad : new String[] {"100-001", "10-00001", "abc-defg", "100-00011", "100 0001"}) {
      assertThat(VerifiedAddresses.problems(bad, "東京都千代田区千代田1-1", null)).as(bad)
          .containsExactlyEntriesOf(Map.of(Field.POSTAL_CODE, Problem.INVALID));
    }
  }

  @Test
  void everyFieldIsJudgedAtOnce() {
    assertThat(VerifiedAddresses.problems(null, "  ", "x".repeat(VerifiedAddresses.LINE_MAX + 1)))
        .containsEntry(Field.POSTAL_CODE, Problem.MISSING)
        .containsEntry(Field.LINE1, Problem.MISSING)
        .containsEntry(Field.LINE2, Problem.TOO_LONG);
    assertThat(VerifiedAddresses.problems("100-0001", "東京都\u0007千代田区", "\t301"))
        .containsEntry(Field.LINE1, Problem.INVALID)
        .doesNotContainKey(Field.LINE2);
    assertThat(VerifiedAddresses.problems("100-0001", "東京都千代田区千代田1-1", "  ")).isEmpty();
  }

  @Test
  void theSameAddressInOtherSpacingOrWidthIsNoDifferenceAnotherCodeOrPlaceIs() {
    assertThat(VerifiedAddresses.differsFromIntake(INTAKE, "100-0001", "東京都千代田区 千代田１－１", null)).isFalse();
    assertThat(VerifiedAddresses.differsFromIntake(INTAKE, "100-0001", "東京都千代田区千代田", "1-1")).isFalse();
    assertThat(VerifiedAddresses.differsFromIntake(INTAKE, "100-0002", "東京都千代田区千代田1-1", null)).isTrue();
    assertThat(VerifiedAddresses.differsFromIntake(INTAKE, "150-0002", "東京都渋谷区渋谷2-24-12", null)).isTrue();
    Party noAddress = new Party("山田 太郎", null, null, null, null, null, "taro@example.jp");
    assertThat(VerifiedAddresses.differsFromIntake(noAddress, "100-0001", "東京都千代田区千代田1-1", null))
        .as("no address at intake").isTrue();
    Party codeInText = new Party("弁護士 佐藤 花子", null, null, null, "〒105-0011 東京都港区芝公園4-2-8", null, null);
    assertThat(VerifiedAddresses.differsFromIntake(codeInText, "105-0011", "東京都港区芝公園4-2-8", null)).isFalse();
    assertThat(VerifiedAddresses.differsFromIntake(codeInText, "105-0012", "東京都港区芝公園4-2-8", null)).isTrue();
  }
}
