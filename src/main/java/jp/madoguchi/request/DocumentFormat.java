package jp.madoguchi.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats the desk accepts, recognised by their first bytes. A file's name and the content type its sender
 * declares say nothing reliable about what it is; the bytes do.
 */
public enum DocumentFormat {
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

  private final String contentType;
  private final byte[] magic;

  DocumentFormat(String contentType, byte[] magic) {
    this.contentType = contentType;
    this.magic = magic;
  }

  public String contentType() {
    return contentType;
  }

  /** The format the bytes are in, or empty when they are none of the accepted ones. */
  public static Optional<DocumentFormat> of(byte[] content) {
    if (content == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(format -> content.length > format.magic.length
            && Arrays.equals(content, 0, format.magic.length, format.magic, 0, format.magic.length))
        .findFirst();
  }
}
