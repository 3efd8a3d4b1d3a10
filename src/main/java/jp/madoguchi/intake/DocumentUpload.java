package jp.madoguchi.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import jp.madoguchi.request.DocumentKind;
import org.springframework.web.multipart.MultipartFile;

/**
 * One uploaded file with the field it came in and what it is for.
 *
 * @param field the form field or multipart part, for messages
 * @param kind what the document is for
 * @param originalFileName the name the sender's computer gave it (kept for staff, never trusted)
 * @param content the bytes
 */
record DocumentUpload(String field, DocumentKind kind, String originalFileName, byte[] content) {

  static DocumentUpload of(String field, DocumentKind kind, MultipartFile file) {
    try {
      return new DocumentUpload(field, kind, file.getOriginalFilename(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the uploaded file of " + field, e);
    }
  }

  /** A file input left empty on a form sends a part without name and bytes. */
  static boolean chosen(MultipartFile file) {
    return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
        || file.getOriginalFilename().isBlank()));
  }

  /** The file name without any path, control characters or excess length. */
  String safeFileName() {
    if (originalFileName == null) {
      return null;
    }
    String name = originalFileName.substring(Math.max(originalFileName.lastIndexOf('/'),
        originalFileName.lastIndexOf('\\')) + 1);
    StringBuilder safe = new StringBuilder();
    name.codePoints().filter(c -> !TextRules.forbiddenInLine(c)).forEach(safe::appendCodePoint);
    String result = safe.toString().strip();
    if (result.length() > 255) {
      // keep the end, where the extension is; never start inside a surrogate pair
      int start = result.length() - 255;
      result = result.substring(Character.isLowSurrogate(result.charAt(start)) ? start + 1 : start);
    }
    return result.isEmpty() ? null : result;
  }
}
