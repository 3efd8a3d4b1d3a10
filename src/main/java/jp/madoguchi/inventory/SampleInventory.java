package jp.madoguchi.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The sample inventory of a contact-centre company (its own customers, call recordings, contact history, employees
 * and applicants, a client's customers it serves, provisions to a contractor, within its group and under the law),
 * loaded on the embedded default into an empty inventory, as the demo users are: through the same CSV import that
 * managers use, from {@code inventory/sample/*.csv}.
 */
@Component
class SampleInventory {

  static final String ACTOR = "sample";
  private static final Logger LOG = LoggerFactory.getLogger(SampleInventory.class);

  private final InventoryProperties properties;
  private final Inventory inventory;
  private final InventoryCsv csv;

  SampleInventory(InventoryProperties properties, Inventory inventory, InventoryCsv csv) {
    this.properties = properties;
    this.inventory = inventory;
    this.csv = csv;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadIntoAnEmptyInventory() {
    if (!properties.sample() || !inventory.snapshot().isEmpty()) {
      return;
    }
    try {
      inventory.replace(entries(), ACTOR);
      LOG.info("Loaded the sample data inventory (madoguchi.inventory.sample)");
    } catch (DataIntegrityViolationException anotherNodeWasFirst) {
      LOG.info("The sample data inventory was loaded by another node");
    }
  }

  /** The sample's entries by kind, read from its CSV files. */
  Map<InventoryKind, List<InventoryEntry>> entries() {
    Map<InventoryKind, List<InventoryEntry>> entries = new EnumMap<>(InventoryKind.class);
    for (InventoryKind kind : InventoryKind.values()) {
      entries.put(kind, csv.read(kind, file(kind)).entries());
    }
    return entries;
  }

  /** A file of the sample, as its CSV text. */
  static String file(InventoryKind kind) {
    try (InputStream in = new ClassPathResource("inventory/sample/" + kind.path() + ".csv").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
