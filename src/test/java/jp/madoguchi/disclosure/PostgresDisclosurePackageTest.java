package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.PersonalDataErasure;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The package's tables on a real PostgreSQL server (same context configuration as {@code PostgresApplicationTest}):
 * items are stored, read back byte for byte, withheld, frozen into an archive whose manifest matches, refused when
 * too large with nothing left behind, and erased down to hashes and counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "madoguchi.disclosure.max-item-size=1MB")
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresDisclosurePackageTest {

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RequestRegister register;
  @Autowired Inventory inventory;
  @Autowired DisclosurePackage disclosure;
  @Autowired DisclosurePackages packages;
  @Autowired PersonalDataErasure erasure;
  @Autowired DisclosureProperties properties;

  @Test
  void aPackageIsStoredFrozenArchivedAndErasedOnPostgresql() throws Exception {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    DisclosureFixtures.categories(inventory);
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    PackageItem csv = disclosure.addItem(request, DisclosureFixtures.CONTACT_HISTORY, null, "contact-history.csv",
        "text/csv", new ByteArrayInputStream(DisclosureFixtures.csv()), "pg-desk");
    PackageItem audio = disclosure.addItem(request, DisclosureFixtures.CALL_RECORDINGS, null, "call.mp3",
        "audio/mpeg", new ByteArrayInputStream(DisclosureFixtures.audio()), "pg-desk");
    try (InputStream in = disclosure.open(new ManifestEntry("", "", 0, audio.storageKey()))) {
      assertThat(in.readAllBytes()).isEqualTo(DisclosureFixtures.audio());
    }
    assertThat(csv.sha256()).isEqualTo(DisclosurePackageEndToEndTest.sha256(DisclosureFixtures.csv()));
    disclosure.withhold(request, csv.id(), 2, "summary", Withholding.Kind.WITHHELD,
        "SIGNIFICANT_BUSINESS_HINDRANCE", "社内の対応方針を含むため", "pg-desk");
    long tooBig = properties.maxItemSize().toBytes() + 1;
    assertThatThrownBy(() -> disclosure.addItem(request, null, null, "big.bin", null,
        new BoundedZeros(tooBig), "pg-desk")).isInstanceOf(DisclosurePackage.TooLarge.class);
    assertThat(disclosure.items(request.id())).hasSize(2);

    assertThat(disclosure.freeze(request.id(), "pg-desk")).isPresent();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    disclosure.writeArchive(request.id(), zip);
    Map<String, byte[]> files = DisclosurePackageEndToEndTest.unzip(zip.toByteArray());
    for (ManifestEntry entry : disclosure.manifest(request.id())) {
      assertThat(DisclosurePackageEndToEndTest.sha256(files.get(entry.path()))).isEqualTo(entry.sha256());
    }
    assertThat(new String(files.get("categories/" + DisclosureFixtures.CONTACT_HISTORY + ".csv"), "UTF-8"))
        .contains(ItemRecords.WITHHELD).doesNotContain("請求書の再発行");

    register.close(request.id(), "DECIDED_PARTIAL", LocalDate.of(2027, 1, 1), "pg-desk");
    erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));
    assertThat(disclosure.state(request.id()).state()).isEqualTo(PackageState.State.ERASED);
    assertThat(disclosure.items(request.id())).allSatisfy(item -> {
      assertThat(item.storageKey()).isNull();
      assertThat(item.fileName()).isNull();
    });
    assertThat(disclosure.manifest(request.id())).isNotEmpty().allSatisfy(e -> assertThat(e.sha256()).hasSize(64));
  }

  /** Zeros, as many as asked, made as they are read. */
  static final class BoundedZeros extends InputStream {
    private long left;

    BoundedZeros(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      return left-- > 0 ? 0 : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
