package jp.madoguchi.architecture;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.madoguchi.architecture.SqlWrites.Write;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (CONVENTIONS practice 16): every table that our Flyway migrations create is written by one
 * top-level class, the owner declared in {@link #OWNERS}, and docs/architecture.md names that owner. Another feature
 * reaches the data through the owner's methods or reacts to an event the owner publishes. The main sources are read as
 * text: the SQL that writes a table is in their string literals and text blocks ({@link SqlWrites}). The engine's
 * tables ({@code ACT_*}) are not created by our migrations, so they are not ours and nobody is exempted for them.
 */
class TableOwnershipTest {

  private static final Path MAIN_SOURCES = Path.of("src/main/java");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path ARCHITECTURE_PAGE = Path.of("docs/architecture.md");

  /** The one class that writes each table of ours. A table a new migration creates is given its owner here. */
  static final Map<String, String> OWNERS = new TreeMap<>(Map.ofEntries(
      Map.entry("desk_request", "jp.madoguchi.request.RequestRegister"),
      Map.entry("request_event", "jp.madoguchi.request.RequestRegister"),
      Map.entry("request_document", "jp.madoguchi.request.RequestDocuments"),
      Map.entry("idempotency_key", "jp.madoguchi.request.IdempotencyKeys"),
      Map.entry("outbound_letter", "jp.madoguchi.correspondence.Outbox"),
      Map.entry("letter_document", "jp.madoguchi.correspondence.LetterDocuments"),
      Map.entry("letter_download_token", "jp.madoguchi.correspondence.DownloadTokens"),
      Map.entry("letter_download", "jp.madoguchi.correspondence.DownloadTokens"),
      Map.entry("email_confirmation", "jp.madoguchi.correspondence.EmailConfirmations"),
      Map.entry("desk_audit_event", "jp.madoguchi.report.DeskAudit"),
      Map.entry("verified_address", "jp.madoguchi.request.VerifiedAddresses"),
      Map.entry("provision_record", "jp.madoguchi.provision.ProvisionRegister"),
      Map.entry("provision_person", "jp.madoguchi.provision.ProvisionRegister"),
      Map.entry("provision_further", "jp.madoguchi.provision.ProvisionRegister"),
      Map.entry("provision_match", "jp.madoguchi.provision.ProvisionMatches"),
      Map.entry("inventory_category", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_category_relationship", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_purpose", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_purpose_category", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_system", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_system_category", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_provision", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_change", "jp.madoguchi.inventory.Inventory"),
      Map.entry("inventory_revision", "jp.madoguchi.inventory.Inventory"),
      Map.entry("search_plan", "jp.madoguchi.search.SystemSearches"),
      Map.entry("search_system", "jp.madoguchi.search.SystemSearches"),
      Map.entry("search_category", "jp.madoguchi.search.SystemSearches"),
      Map.entry("disclosure_package", "jp.madoguchi.disclosure.DisclosurePackages"),
      Map.entry("disclosure_item", "jp.madoguchi.disclosure.DisclosurePackages"),
      Map.entry("disclosure_withholding", "jp.madoguchi.disclosure.DisclosurePackages"),
      Map.entry("disclosure_manifest_entry", "jp.madoguchi.disclosure.DisclosurePackages"),
      Map.entry("disclosure_download", "jp.madoguchi.disclosure.DisclosurePackages"),
      Map.entry("system_connector", "jp.madoguchi.connector.SystemConnectors"),
      Map.entry("connector_call", "jp.madoguchi.connector.ConnectorCalls"),
      Map.entry("connector_handle", "jp.madoguchi.connector.ConnectorHandles"),
      Map.entry("open_task_tally", "jp.madoguchi.desk.OpenTaskTally"),
      Map.entry("open_task_tally_change", "jp.madoguchi.desk.OpenTaskTally")));

  private static final Pattern CREATE_OR_DROP_TABLE = Pattern.compile(
      "\\b(CREATE|DROP)\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+"
          + "(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:\"?\\w+\"?\\.)?\"?(\\w+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SQL_COMMENT = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern MIGRATION_VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__");

  @Test
  void everyTableOfOursIsWrittenByOneClass() {
    String report = moreThanOneWriter(writesInMainSources());

    assertThat(report)
        .withFailMessage("Each table of ours must be written by one top-level class (CONVENTIONS 16); "
            + "these are written by more (table <- writers):%n%s", report)
        .isEmpty();
  }

  @Test
  void everyTableOfOursIsWrittenOnlyByItsOwner() {
    String report = notByTheOwner(writesInMainSources(), OWNERS);

    assertThat(report)
        .withFailMessage("Only a table's owner may write it; call the owner's methods or react to an event it "
            + "publishes instead (table (owner) <- other writer at file:line):%n%s", report)
        .isEmpty();
  }

  @Test
  void everyTableOfOursHasADeclaredOwner() {
    Set<String> withoutOwner = new TreeSet<>(tablesOfOurs());
    withoutOwner.removeAll(OWNERS.keySet());

    assertThat(withoutOwner)
        .withFailMessage("The migrations in %s create tables without a declared owner: %s. Declare the one class "
            + "that writes each in TableOwnershipTest.OWNERS and add its row to the owners' table in %s",
            MIGRATIONS, withoutOwner, ARCHITECTURE_PAGE)
        .isEmpty();
  }

  @Test
  void everyDeclaredOwnerIsATableOfOursAndAClassOfOurs() {
    Set<String> tables = tablesOfOurs();
    List<String> wrong = new ArrayList<>();
    OWNERS.forEach((table, owner) -> {
      if (!tables.contains(table)) {
        wrong.add(table + ": no migration in " + MIGRATIONS + " creates this table");
      }
      Path source = MAIN_SOURCES.resolve(owner.replace('.', '/') + ".java");
      if (!Files.isRegularFile(source)) {
        wrong.add(table + ": its owner " + owner + " has no source " + source);
      }
    });

    assertThat(wrong)
        .withFailMessage("TableOwnershipTest.OWNERS is out of date:%n  %s", String.join("\n  ", wrong))
        .isEmpty();
  }

  @Test
  void theArchitecturePageNamesTheOwnerOfEachTableOfOurs() {
    List<String> rows = read(ARCHITECTURE_PAGE).lines().filter(line -> line.strip().startsWith("|")).toList();
    List<String> missing = new ArrayList<>();
    for (String table : tablesOfOurs()) {
      String owner = OWNERS.containsKey(table) ? simpleName(OWNERS.get(table)) : null;
      if (owner == null) {
        missing.add("| `" + table + "` | (its owner, once declared in TableOwnershipTest.OWNERS) |");
      } else if (rows.stream().noneMatch(row -> namesOwner(row, table, owner))) {
        missing.add("| `" + table + "` | `" + owner + "` | ... |");
      }
    }

    assertThat(missing)
        .withFailMessage("%s must have a table with one row per table of ours, the table in backticks in the first "
            + "column and its owning class in another; these rows are missing or name another class:%n  %s",
            ARCHITECTURE_PAGE, String.join("\n  ", missing))
        .isEmpty();
  }

  /** Tables with more than one writer, one line each: {@code table <- writer (file:line, ...), writer (...)}. */
  static String moreThanOneWriter(List<Write> writes) {
    return byTableAndWriter(writes).entrySet().stream()
        .filter(table -> table.getValue().size() > 1)
        .map(table -> table.getKey() + " <- " + table.getValue().entrySet().stream()
            .map(writer -> writer.getKey() + " (" + places(writer.getValue()) + ")")
            .collect(joining(", ")))
        .collect(joining("\n"));
  }

  /** Writes by a class other than the table's owner, one line per table and writer. */
  static String notByTheOwner(List<Write> writes, Map<String, String> owners) {
    List<String> lines = new ArrayList<>();
    byTableAndWriter(writes).forEach((table, writers) -> writers.forEach((writer, itsWrites) -> {
      String owner = owners.get(table);
      if (owner != null && !owner.equals(writer)) {
        lines.add(table + " (" + owner + ") <- " + writer + " at " + places(itsWrites));
      }
    }));
    return String.join("\n", lines);
  }

  private static Map<String, Map<String, List<Write>>> byTableAndWriter(List<Write> writes) {
    return writes.stream().collect(groupingBy(Write::table, TreeMap::new,
        groupingBy(Write::writer, TreeMap::new, toCollection(ArrayList::new))));
  }

  private static String places(List<Write> writes) {
    return writes.stream().sorted(Comparator.comparingInt(Write::line)).map(Write::where).collect(joining(", "));
  }

  private static boolean namesOwner(String row, String table, String owner) {
    String[] cells = row.strip().split("\\|");
    return cells.length > 2
        && cells[1].strip().equals("`" + table + "`")
        && Pattern.compile("\\b" + Pattern.quote(owner) + "\\b")
            .matcher(String.join("|", Arrays.copyOfRange(cells, 2, cells.length))).find();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static List<Write> writesInMainSources() {
    Set<String> tables = tablesOfOurs();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(sources).as("Java sources under %s", MAIN_SOURCES.toAbsolutePath()).isNotEmpty();
    return sources.stream()
        .flatMap(source -> SqlWrites.in(read(source), source.getFileName().toString(), tables).stream())
        .toList();
  }

  /** The tables the migrations create (and do not drop again), in lower case. */
  static Set<String> tablesOfOurs() {
    List<Path> migrations;
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      migrations = files.filter(file -> MIGRATION_VERSION.matcher(file.getFileName().toString()).find()
              && file.toString().endsWith(".sql"))
          .sorted(Comparator.comparing(TableOwnershipTest::version, Arrays::compare))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> tables = new TreeSet<>();
    for (Path migration : migrations) {
      Matcher statement = CREATE_OR_DROP_TABLE.matcher(SQL_COMMENT.matcher(read(migration)).replaceAll(" "));
      while (statement.find()) {
        String table = statement.group(2).toLowerCase(Locale.ROOT);
        if (statement.group(1).equalsIgnoreCase("create")) {
          tables.add(table);
        } else {
          tables.remove(table);
        }
      }
    }
    assertThat(tables).as("tables created by the migrations in %s", MIGRATIONS.toAbsolutePath()).isNotEmpty();
    return tables;
  }

  private static int[] version(Path migration) {
    Matcher version = MIGRATION_VERSION.matcher(migration.getFileName().toString());
    version.find();
    return Stream.of(version.group(1).split("[._]")).mapToInt(Integer::parseInt).toArray();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checks above can fail: the scanner finds a planted second writer and ignores what is not a write. */
  @Nested
  class TheScanner {

    private final Set<String> tables = Set.of("outbound_letter", "desk_request", "letter_download");

    @Test
    void reportsASecondWriterOfATable() {
      String owner = """
          package jp.madoguchi.correspondence;
          class Outbox {
            void claim() { jdbc.sql("UPDATE outbound_letter SET status = 'SENDING' WHERE id = ?").update(); }
          }
          """;
      String planted = """
          package jp.madoguchi.request;
          class PersonalDataErasure {
            static class Letters {
              void erase() {
                jdbc.sql(\"""
                    UPDATE outbound_letter
                       SET recipient_name = NULL
                    \""").update();
              }
            }
          }
          """;
      List<Write> writes = new ArrayList<>(SqlWrites.in(owner, "Outbox.java", tables));
      writes.addAll(SqlWrites.in(planted, "PersonalDataErasure.java", tables));

      assertThat(moreThanOneWriter(writes)).isEqualTo("outbound_letter <- "
          + "jp.madoguchi.correspondence.Outbox (Outbox.java:3), "
          + "jp.madoguchi.request.PersonalDataErasure (PersonalDataErasure.java:6)");
      assertThat(notByTheOwner(writes, Map.of("outbound_letter", "jp.madoguchi.correspondence.Outbox")))
          .isEqualTo("outbound_letter (jp.madoguchi.correspondence.Outbox) <- "
              + "jp.madoguchi.request.PersonalDataErasure at PersonalDataErasure.java:6");
    }

    @Test
    void readsEveryWayOfWritingATableAndNamesTheTopLevelClass() {
      String source = """
          package jp.madoguchi.x;
          @Import(Other.class)
          final class First {
            record Nested(String sql) {}
            String a = "delete from " + "desk_request where id = ?";
            String b = "INSERT INTO public.letter_download (token_id) VALUES (?)";
          }
          class Second {
            String c = "MERGE INTO \\"outbound_letter\\" USING x ON (y) WHEN MATCHED THEN UPDATE SET z = 1";
            String d = "TRUNCATE TABLE desk_request";
          }
          """;

      assertThat(SqlWrites.in(source, "First.java", tables)).containsExactly(
          new Write("desk_request", "jp.madoguchi.x.First", "First.java", 5),
          new Write("letter_download", "jp.madoguchi.x.First", "First.java", 6),
          new Write("outbound_letter", "jp.madoguchi.x.Second", "First.java", 9),
          new Write("desk_request", "jp.madoguchi.x.Second", "First.java", 10));
    }

    @Test
    void ignoresLockingUpsertsCommentsAndJavaWords() {
      String source = """
          package jp.madoguchi.x;
          /** Does not UPDATE desk_request SET anything; see "UPDATE outbound_letter". */
          class Reader {
            char quote = '"';
            // update outbound_letter when the letter is sent
            /* DELETE FROM desk_request */
            void updateDeskRequest(Update desk_request) {}
            String lock = "SELECT id FROM desk_request WHERE id = ? FOR UPDATE";
            String lockOf = "SELECT id FROM desk_request FOR NO KEY UPDATE OF desk_request";
            String upsert = \"""
                INSERT INTO letter_download (token_id) VALUES (?)
                ON CONFLICT (token_id) DO UPDATE SET token_id = excluded.token_id
                \""";
            String words = "update " + quote + "desk_request";
          }
          """;

      assertThat(SqlWrites.in(source, "Reader.java", tables))
          .containsExactly(new Write("letter_download", "jp.madoguchi.x.Reader", "Reader.java", 11));
    }
  }
}
