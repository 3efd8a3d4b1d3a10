package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A 200 MB item (an hour-long call recording as WAV is about that) goes into a package through the API, comes back
 * from the package page, and goes out in the archive, with the application in a heap of 512 MB: nothing holds it
 * whole. Run by hand (docs/performance.md): {@code ./mvnw test -Pbench -Dtest=LargeItemBenchmark}.
 */
@Tag("bench")
@DeskTest
@TestPropertySource(properties = {"madoguchi.disclosure.max-item-size=300MB",
    "madoguchi.disclosure.package-required=true"})
class LargeItemBenchmark {

  static final long SIZE = 200L * 1024 * 1024;

  @Autowired RequestRegister register;
  @Autowired Inventory inventory;
  @Autowired DisclosurePackage disclosure;
  @LocalServerPort int port;

  @Test
  void aTwoHundredMegabyteItemIsStreamedInAndOut() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx512m (the bench profile)")
        .isLessThanOrEqualTo(512L * 1024 * 1024);
    DisclosureFixtures.categories(inventory);
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString("desk:desk-demo-2026".getBytes(StandardCharsets.UTF_8));

    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    String boundary = "bench-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n"
        + DisclosureFixtures.CALL_RECORDINGS + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"call.wav\"\r\n"
        + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/desk/api/requests/" + request.reference() + "/package/items"))
        .header("Authorization", auth).header("X-Requested-By", "bench")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections
            .enumeration(List.of(new ByteArrayInputStream(head), new DigestInputStream(new Noise(SIZE), sent),
                new ByteArrayInputStream(tail))))))
        .build(), HttpResponse.BodyHandlers.ofString());
    long uploaded = System.nanoTime();
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String hash = HexFormat.of().formatHex(sent.digest());
    assertThat(added.body()).contains(hash).contains("\"size\":" + SIZE);
    long itemId = disclosure.items(request.id()).get(0).id();

    HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/desk/requests/" + request.reference() + "/package/items/" + itemId))
        .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(download.statusCode()).isEqualTo(200);
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long receivedBytes;
    try (InputStream in = new DigestInputStream(download.body(), received)) {
      receivedBytes = in.transferTo(OutputStream.nullOutputStream());
    }
    long downloaded = System.nanoTime();
    assertThat(receivedBytes).isEqualTo(SIZE);
    assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(hash);

    assertThat(disclosure.freeze(request.id(), "bench")).isPresent();
    CountingStream archive = new CountingStream();
    disclosure.writeArchive(request.id(), archive);
    long archived = System.nanoTime();
    assertThat(archive.count).isGreaterThan(SIZE / 2);

    long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf("LargeItemBenchmark: %d MB up in %d ms, down in %d ms, archive (%d bytes) in %d ms;"
            + " heap max %d MB, peak used (sum of pools) %d MB%n", SIZE >> 20, (uploaded - started) / 1_000_000,
        (downloaded - uploaded) / 1_000_000, archive.count, (archived - downloaded) / 1_000_000,
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    disclosure.unfreeze(request.id(), "bench");
    disclosure.removeItem(request, itemId, "bench");
  }

  /** Pseudo-random bytes, made as they are read. */
  static final class Noise extends InputStream {
    private final Random random = new Random(18);
    private long left;

    Noise(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, buffer, offset, n);
      left -= n;
      return n;
    }
  }

  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
