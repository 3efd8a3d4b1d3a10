package jp.madoguchi.disclosure;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The content of items and renderings, in files under {@code madoguchi.disclosure.store-directory} (ADR 0029). A file
 * is written under a temporary name, hashed and counted as it streams through, and only then moved to its key: a
 * failed or too large upload leaves nothing. Nothing here holds a file whole in the heap.
 */
@Component
class DisclosureStore {

  private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
  private static final int BUFFER = 64 * 1024;

  private final Path directory;

  DisclosureStore(DisclosureProperties properties) {
    this.directory = properties.storeDirectory();
  }

  /** A file written: its key, SHA-256 and size. */
  record Stored(String key, String sha256, long size) {}

  /** An upload larger than the limit: nothing was kept. */
  static final class TooLarge extends RuntimeException {
    final long limit;

    TooLarge(long limit) {
      super("larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** Streams {@code content} into a new file of at most {@code limit} bytes. */
  Stored write(InputStream content, long limit) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "upload-", ".part");
      try {
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
          byte[] buffer = new byte[BUFFER];
          for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
            size += read;
            if (size > limit) {
              throw new TooLarge(limit);
            }
            out.write(buffer, 0, read);
          }
        }
        String key = UUID.randomUUID().toString();
        Files.move(temporary, path(key), StandardCopyOption.ATOMIC_MOVE);
        return new Stored(key, HexFormat.of().formatHex(digest.digest()), size);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not store a disclosure file in " + directory, failure);
    }
  }

  /** Writes what {@code writer} produces into a new file (a rendering). */
  Stored write(ContentWriter writer) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "render-", ".part");
      try {
        MessageDigest digest = sha256();
        // buffered: a renderer writes in small pieces (PDFBox writes a PDF's dictionaries token by token), each of
        // which was a write to the file, a system call, of its own (issue 21, session 18)
        CountingOutputStream counting = new CountingOutputStream(new BufferedOutputStream(
            new DigestOutputStream(Files.newOutputStream(temporary), digest), BUFFER));
        try (counting) {
          writer.writeTo(counting);
        }
        String key = UUID.randomUUID().toString();
        Files.move(temporary, path(key), StandardCopyOption.ATOMIC_MOVE);
        return new Stored(key, HexFormat.of().formatHex(digest.digest()), counting.count);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not store a disclosure rendering in " + directory, failure);
    }
  }

  @FunctionalInterface
  interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  InputStream open(String key) {
    try {
      return Files.newInputStream(path(key));
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not read disclosure file " + key, failure);
    }
  }

  void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not delete disclosure file " + key, failure);
    }
  }

  private Path path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a store key: " + key);
    }
    return directory.resolve(key);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static final class CountingOutputStream extends java.io.FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
