package jp.madoguchi.intake;

/**
 * Characters no field may hold. Control characters (C0, DEL, C1) have no place in names or addresses and can break
 * letters, logs and CSV exports; bidirectional overrides can make a name read differently on screen than it is
 * stored; an unpaired surrogate is not text at all.
 */
final class TextRules {

  private TextRules() {}

  static boolean forbiddenInLine(int codePoint) {
    return Character.getType(codePoint) == Character.CONTROL
        || Character.getType(codePoint) == Character.SURROGATE
        || codePoint == 0x2028 || codePoint == 0x2029
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /** As {@link #forbiddenInLine}, but new lines and tabs are allowed. */
  static boolean forbiddenInText(int codePoint) {
    return codePoint != '\n' && codePoint != '\t' && forbiddenInLine(codePoint);
  }
}
