package jp.madoguchi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The models whose tasks an owning group of the company's systems works (the search by hand and the action by
 * hand), and the key of each group's copy of them: {@code <model>--<group>}. The copies are deployed by
 * {@code search.OwningGroupAccess}; the group holds {@code READ_TASK} and {@code UPDATE_TASK} on its copies' keys, and
 * the engine writes no authorization row per task for it there ({@link DeskTaskAuthorizations}). ADR 0037.
 */
public final class OwningGroupModels {

  /** The designers' model of a search by hand: one owning group's search of one system. */
  public static final String SEARCH_BY_HAND = "system-search-by-hand";

  /** The designers' model of an action by hand: one owning group carrying out an approved action on one system. */
  public static final String ACTION_BY_HAND = "system-action-by-hand";

  /** Every model copied per owning group. */
  public static final List<String> TEMPLATES = List.of(SEARCH_BY_HAND, ACTION_BY_HAND);

  private static final String SEPARATOR = "--";
  /** A group id that can stand in a process key as it is (a BPMN id allows letters, digits, '-', '_' and '.'). */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private OwningGroupModels() {}

  /** The key of a group's copy of a model, e.g. {@code system-search-by-hand--human-resources}. */
  public static String copyKey(String template, String group) {
    return template + SEPARATOR + groupPart(group);
  }

  /** Whether a process definition of this key is one of this group's own copies. */
  static boolean isCopyOf(String processDefinitionKey, String group) {
    if (processDefinitionKey == null || group == null) {
      return false;
    }
    return TEMPLATES.stream().anyMatch(template -> processDefinitionKey.equals(copyKey(template, group)));
  }

  /** A group id as it is, or, where it has other characters, "g" and the start of its SHA-256 (stable, unique). */
  static String groupPart(String group) {
    if (PLAIN.matcher(group).matches()) {
      return group;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(group.getBytes(StandardCharsets.UTF_8));
      return "g" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
