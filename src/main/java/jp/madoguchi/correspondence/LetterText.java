package jp.madoguchi.correspondence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A letter's text as its template writes it, in a small line-based markup that both the PDF and the e-mail can
 * show: {@code # } the title, {@code ## } a heading, {@code - } an item, {@code = } a field to fill in on a form,
 * {@code >> } a line set to the right (such as 以上), any other line a line of text, and a blank line a space
 * between paragraphs.
 */
record LetterText(List<Block> blocks) {

  enum Type { TITLE, HEADING, ITEM, FIELD, RIGHT, LINE, GAP }

  record Block(Type type, String text) {}

  LetterText {
    blocks = List.copyOf(blocks);
  }

  static LetterText parse(String rendered) {
    List<Block> blocks = new ArrayList<>();
    for (String raw : Normalizer.normalize(rendered, Normalizer.Form.NFC).replace("\r\n", "\n").split("\n", -1)) {
      String line = stripTrailing(raw.replace('\t', ' '));
      Block block;
      if (line.isBlank()) {
        block = new Block(Type.GAP, "");
      } else if (line.startsWith("## ")) {
        block = new Block(Type.HEADING, line.substring(3).strip());
      } else if (line.startsWith("# ")) {
        block = new Block(Type.TITLE, line.substring(2).strip());
      } else if (line.startsWith("- ")) {
        block = new Block(Type.ITEM, line.substring(2).strip());
      } else if (line.startsWith("= ")) {
        block = new Block(Type.FIELD, line.substring(2).strip());
      } else if (line.startsWith(">> ")) {
        block = new Block(Type.RIGHT, line.substring(3).strip());
      } else {
        block = new Block(Type.LINE, line.strip());
      }
      boolean repeatedGap = block.type() == Type.GAP
          && (blocks.isEmpty() || blocks.get(blocks.size() - 1).type() == Type.GAP);
      if (!repeatedGap) {
        blocks.add(block);
      }
    }
    while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).type() == Type.GAP) {
      blocks.remove(blocks.size() - 1);
    }
    // a list stays one list: the lines a template's loops leave between its items are no paragraph breaks
    for (int i = blocks.size() - 2; i > 0; i--) {
      if (blocks.get(i).type() == Type.GAP && blocks.get(i - 1).type() == Type.ITEM
          && blocks.get(i + 1).type() == Type.ITEM) {
        blocks.remove(i);
      }
    }
    return new LetterText(blocks);
  }

  /**
   * Makes text that staff wrote (reasons, notes) safe to place in a template: its lines cannot become a title, a
   * heading, a field or a right-aligned line. Items ({@code - }) stay, since staff use them as lists.
   */
  static String quote(String staffText) {
    if (staffText == null) {
      return "";
    }
    StringBuilder quoted = new StringBuilder();
    for (String line : staffText.strip().replace("\r\n", "\n").split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("#") || stripped.startsWith("=") || stripped.startsWith(">>")) {
        stripped = "\u3000" + stripped;
      }
      if (!quoted.isEmpty()) {
        quoted.append('\n');
      }
      quoted.append(stripped);
    }
    return quoted.toString();
  }

  /** The first title, for the subject of the e-mail. */
  String title() {
    return blocks.stream().filter(b -> b.type() == Type.TITLE).map(Block::text).findFirst().orElse("");
  }

  /** The text as a plain-text e-mail shows it. */
  String plain(String language) {
    String item = "ja".equals(language) ? "・" : "- ";
    StringBuilder text = new StringBuilder();
    for (Block block : blocks) {
      switch (block.type()) {
        case TITLE -> text.append(block.text()).append('\n').append("=".repeat(Math.min(60, width(block.text()))));
        case HEADING -> text.append("■ ").append(block.text());
        case ITEM -> text.append(item).append(block.text());
        case FIELD -> text.append(block.text()).append(": ______________________________");
        case RIGHT, LINE -> text.append(block.text());
        case GAP -> { }
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** Columns a line takes in a monospaced mail reader: wide characters count twice. */
  private static int width(String text) {
    return text.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
  }

  private static String stripTrailing(String line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end);
  }
}
