package jp.madoguchi.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.inventory.Relationship;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** What the investigation of a contact-centre customer finds: contact history, a contract PDF, a call recording. */
final class DisclosureFixtures {

  static final String CONTACT_HISTORY = "PKG_CONTACT_HISTORY";
  static final String CONTRACTS = "PKG_CONTRACTS";
  static final String CALL_RECORDINGS = "PKG_CALL_RECORDINGS";

  static final String CSV = """
      date,channel,summary,agent
      2026-10-01,電話,住所変更のご依頼,佐藤
      2026-10-15,メール,請求書の再発行,鈴木
      2026-11-02,電話,解約のご相談(ご家族 山田花子様の同席),佐藤
      """;

  private DisclosureFixtures() {}

  static void categories(Inventory inventory) {
    category(inventory, CONTACT_HISTORY, "お問い合わせ履歴", "Contact history");
    category(inventory, CONTRACTS, "契約書類", "Contract documents");
    category(inventory, CALL_RECORDINGS, "通話録音", "Call recordings");
  }

  private static synchronized void category(Inventory inventory, String code, String ja, String en) {
    if (inventory.entry(InventoryKind.CATEGORIES, code).isEmpty()) {
      inventory.create(new DataCategory(code, ja, en, "日時、内容", "Date, content", true, null, null, false,
          "5年", "Five years", "本人", "The person", List.of(Relationship.CUSTOMER)), "manager");
    }
  }

  static byte[] csv() {
    return CSV.getBytes(StandardCharsets.UTF_8);
  }

  /** A small valid PDF of one page. */
  static byte[] pdf() {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** An MP3 file as far as its header goes: an ID3v2 tag and one MPEG-1 Layer III frame header, then silence. */
  static byte[] audio() {
    byte[] audio = new byte[4096];
    byte[] header = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};
    System.arraycopy(header, 0, audio, 0, header.length);
    return audio;
  }
}
