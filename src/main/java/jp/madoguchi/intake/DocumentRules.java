package jp.madoguchi.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.request.DocumentFormat;
import org.springframework.stereotype.Component;

/** Which documents a request accepts: not empty, not too large, of a known format, and not too many in all. */
@Component
class DocumentRules {

  private final IntakeProperties properties;

  DocumentRules(IntakeProperties properties) {
    this.properties = properties;
  }

  /**
   * What is wrong with the uploads, field by field; empty when they may be kept.
   *
   * @param alreadyStored how many documents the request has already
   */
  List<FieldProblem> problems(List<DocumentUpload> uploads, int alreadyStored) {
    List<FieldProblem> problems = new ArrayList<>();
    long maxBytes = properties.maxDocumentBytes().toBytes();
    if (alreadyStored + uploads.size() > properties.maxDocumentsPerRequest()) {
      String field = uploads.isEmpty() ? "file" : uploads.get(0).field();
      problems.add(new FieldProblem(field, "intake.error.tooManyDocuments", properties.maxDocumentsPerRequest()));
      return problems;
    }
    for (DocumentUpload upload : uploads) {
      if (upload.content().length == 0) {
        problems.add(new FieldProblem(upload.field(), "intake.error.emptyDocument"));
      } else if (upload.content().length > maxBytes) {
        problems.add(new FieldProblem(upload.field(), "intake.error.documentTooLarge", megabytes(maxBytes)));
      } else if (DocumentFormat.of(upload.content()).isEmpty()) {
        problems.add(new FieldProblem(upload.field(), "intake.error.documentType"));
      }
    }
    return problems;
  }

  /** A size limit as people read it: whole megabytes, or one decimal. */
  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
        : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
