package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import jp.madoguchi.request.DocumentKind;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which documents a request accepts, without the application: the limits come from the intake's settings. */
class DocumentRulesTest {

  static final byte[] PDF = "%PDF-1.7 a document".getBytes(StandardCharsets.US_ASCII);

  final DocumentRules rules = new DocumentRules(new IntakeProperties(DataSize.ofKilobytes(1536), 3, Duration.ofHours(24),
      Period.ofYears(1), Duration.ofMinutes(15)));

  @Test
  void aPdfJpegOrPngWithinTheLimitsHasNoProblem() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01};
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00};

    assertThat(rules.problems(List.of(upload("a", PDF), upload("b", jpeg), upload("c", png)), 0)).isEmpty();
  }

  @Test
  void anEmptyATooLargeAndAnUnknownFileAreEachNamedByTheirField() {
    byte[] tooLarge = Arrays.copyOf(PDF, 1536 * 1024 + 1);

    assertThat(rules.problems(List.of(upload("empty", new byte[0]), upload("large", tooLarge),
        upload("text", "just text".getBytes(StandardCharsets.US_ASCII))), 0))
        .containsExactly(new FieldProblem("empty", "intake.error.emptyDocument"),
            new FieldProblem("large", "intake.error.documentTooLarge", "1.5"),
            new FieldProblem("text", "intake.error.documentType"));
  }

  @Test
  void documentsOverTheLimitPerRequestCountThoseTheRequestAlreadyHasAndAreOneProblemOfTheFirstField() {
    assertThat(rules.problems(List.of(upload("late", PDF)), 2)).isEmpty();
    assertThat(rules.problems(List.of(upload("late", PDF), upload("later", new byte[0])), 2))
        .containsExactly(new FieldProblem("late", "intake.error.tooManyDocuments", 3));
    assertThat(rules.problems(List.of(), 4))
        .containsExactly(new FieldProblem("file", "intake.error.tooManyDocuments", 3));
  }

  @Test
  void aSizeLimitReadsInWholeMegabytesOrWithOneDecimal() {
    assertThat(DocumentRules.megabytes(10L * 1024 * 1024)).isEqualTo("10");
    assertThat(DocumentRules.megabytes(1536L * 1024)).isEqualTo("1.5");
    assertThat(DocumentRules.megabytes(512L * 1024)).isEqualTo("0.5");
  }

  private static DocumentUpload upload(String field, byte[] content) {
    return new DocumentUpload(field, DocumentKind.IDENTITY_DOCUMENT, field + ".pdf", content);
  }
}
