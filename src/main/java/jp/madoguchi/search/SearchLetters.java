package jp.madoguchi.search;

import java.util.List;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.Inventory;
import org.springframework.stereotype.Service;

/**
 * What the letters draw from a request's search: the retained categories in which the person's data was found and
 * their purposes of use, what was done on each system after the approval (ADR 0034),, in the letter's language, from the data inventory as it is when the letter is written.
 * Categories held for a client are not the company's retained personal data and are not listed.
 */
@Service
public class SearchLetters {

  private final SystemSearches searches;
  private final Inventory inventory;

  SearchLetters(SystemSearches searches, Inventory inventory) {
    this.searches = searches;
    this.inventory = inventory;
  }

  /**
   * @param recorded whether the investigation recorded any category (found or not) for the request
   * @param categories the names of the retained categories found
   * @param purposes the purposes of use of those categories
   */
  public record Findings(boolean recorded, List<String> categories, List<String> purposes,
      List<SystemActionLine> actions) {
    /** Nothing recorded: the letters keep what they said before the inventory drove the investigation. */
    public static final Findings NONE = new Findings(false, List.of(), List.of(), List.of());

    public Findings(boolean recorded, List<String> categories, List<String> purposes) {
      this(recorded, categories, purposes, List.of());
    }
  }

  /**
   * What was done on one system after the manager's approval (ADR 0034): the system's name in the letter's
   * language and the codes of the action and its outcome, with the count the system reported, if any.
   */
  public record SystemActionLine(String system, String action, String outcome, Integer count) {}

  public Findings findings(long requestId, String language) {
    boolean recorded = searches.recordedCategories(requestId) > 0;
    List<DataCategory> found = searches.foundCategoryEntries(requestId).stream().filter(DataCategory::retained)
        .toList();
    List<String> codes = found.stream().map(DataCategory::code).toList();
    List<String> purposes = codes.isEmpty() ? List.of()
        : inventory.purposesFor(codes).stream().map(purpose -> purpose.text(language)).toList();
    List<SystemActionLine> actions = searches.actions(requestId).stream()
        .map(done -> new SystemActionLine(done.system() == null ? done.code()
            : "ja".equals(language) ? done.system().nameJa() : done.system().nameEn(), done.action(),
            done.outcome(), done.count()))
        .toList();
    return new Findings(recorded, found.stream().map(category -> category.name(language)).toList(), purposes,
        actions);
  }
}
