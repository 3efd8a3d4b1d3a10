package jp.madoguchi.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL in a Java source that writes a table: {@code INSERT INTO t}, {@code UPDATE t}, {@code DELETE FROM t},
 * {@code MERGE INTO t}, {@code TRUNCATE t}. Only string literals and text blocks are read (literals joined by
 * {@code +} are read as one), so comments, method names and other Java words never count. Only the tables asked for
 * count, so neither do the {@code UPDATE} of {@code FOR UPDATE [OF t]}, {@code FOR NO KEY UPDATE},
 * {@code ON CONFLICT ... DO UPDATE SET} and {@code WHEN MATCHED THEN UPDATE SET}: the word after it is {@code OF},
 * {@code SET}, {@code SKIP} or {@code NOWAIT}, never a table.
 */
final class SqlWrites {

  /** One statement that writes {@code table}, in a string of the top-level class {@code writer}, at {@code line}. */
  record Write(String table, String writer, String file, int line) {

    String where() {
      return file + ":" + line;
    }
  }

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern WRITE = Pattern.compile(
      "\\b(INSERT\\s+INTO|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?|UPDATE)\\s+(?:ONLY\\s+)?"
          + "(?:\"?\\w+\"?\\.)?\"?(\\w+)",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");

  private SqlWrites() {}

  /** The writes of the tables in {@code tables} (lower case) that the source of {@code file} holds. */
  static List<Write> in(String source, String file, Set<String> tables) {
    Matcher packageDeclaration = PACKAGE.matcher(source);
    String packagePrefix = packageDeclaration.find() ? packageDeclaration.group(1) + "." : "";
    List<Write> writes = new ArrayList<>();
    for (Literal literal : new Lexer(source).literals()) {
      for (String table : writtenTables(literal.text())) {
        if (tables.contains(table)) {
          writes.add(new Write(table, packagePrefix + literal.topLevelType(), file, literal.line()));
        }
      }
    }
    return writes;
  }

  /** The names (lower case) after a writing verb in {@code sql}; the caller keeps those that are tables of ours. */
  private static List<String> writtenTables(String sql) {
    List<String> names = new ArrayList<>();
    Matcher write = WRITE.matcher(sql);
    while (write.find()) {
      names.add(write.group(2).toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private record Literal(String text, String topLevelType, int line) {}

  /**
   * Walks a Java source once: skips comments and character literals, collects string literals and text blocks
   * (joining those that only a {@code +} separates), and knows which top-level type each one is in (a type declared
   * at brace depth 0; a nested type belongs to its top-level type).
   */
  private static final class Lexer {

    private final String source;
    private final List<Literal> literals = new ArrayList<>();
    private int at;
    private int line = 1;
    private int depth;
    private String topLevelType = "?";
    private boolean typeNameNext;
    /** The code since the last literal ended, or null when a literal cannot be joined to it any more. */
    private StringBuilder sinceLastLiteral;

    Lexer(String source) {
      this.source = source;
    }

    List<Literal> literals() {
      while (at < source.length()) {
        if (source.startsWith("//", at)) {
          skipPast("\n");
        } else if (source.startsWith("/*", at)) {
          skipPast("*/");
        } else if (source.startsWith("\"\"\"", at)) {
          at += 3;
          skipPast("\n");
          int startLine = line;
          literal(readUntil("\"\"\""), startLine);
        } else if (source.charAt(at) == '"') {
          at++;
          int startLine = line;
          literal(readUntil("\""), startLine);
        } else if (source.charAt(at) == '\'') {
          at++;
          readUntil("'");
          code('\'');
        } else if (Character.isJavaIdentifierStart(source.charAt(at))) {
          word();
        } else {
          char c = source.charAt(next());
          if (c == '{') {
            depth++;
          } else if (c == '}') {
            depth--;
          }
          if (!Character.isWhitespace(c)) {
            typeNameNext = false;
          }
          code(c);
        }
      }
      return literals;
    }

    private void word() {
      int start = at;
      while (at < source.length() && Character.isJavaIdentifierPart(source.charAt(at))) {
        at++;
      }
      String word = source.substring(start, at);
      if (depth == 0 && typeNameNext) {
        topLevelType = word;
      }
      typeNameNext = depth == 0 && TYPE_KEYWORDS.contains(word) && (start == 0 || source.charAt(start - 1) != '.');
      sinceLastLiteral = null;
    }

    private void code(char c) {
      if (sinceLastLiteral != null) {
        sinceLastLiteral.append(c);
      }
    }

    private void literal(String text, int startLine) {
      boolean joined = sinceLastLiteral != null && sinceLastLiteral.toString().strip().equals("+");
      if (joined) {
        Literal previous = literals.remove(literals.size() - 1);
        literals.add(new Literal(previous.text() + text, previous.topLevelType(), previous.line()));
      } else {
        literals.add(new Literal(text, topLevelType, startLine));
      }
      sinceLastLiteral = new StringBuilder();
      typeNameNext = false;
    }

    /** Reads up to the closing delimiter (taking escapes into account) and past it; returns what was inside. */
    private String readUntil(String closing) {
      StringBuilder text = new StringBuilder();
      while (at < source.length() && !source.startsWith(closing, at)) {
        char c = source.charAt(next());
        if (c == '\\' && at < source.length()) {
          char escaped = source.charAt(next());
          text.append(switch (escaped) {
            case 'n', 't', 'r', 's', 'f', 'b' -> " ";
            case '\n' -> "";
            default -> String.valueOf(escaped);
          });
        } else {
          text.append(c);
        }
      }
      at = Math.min(source.length(), at + closing.length());
      return text.toString();
    }

    private void skipPast(String end) {
      while (at < source.length() && !source.startsWith(end, at)) {
        next();
      }
      if (at < source.length()) {
        for (int i = 0; i < end.length(); i++) {
          next();
        }
      }
    }

    private int next() {
      if (source.charAt(at) == '\n') {
        line++;
      }
      return at++;
    }
  }
}
