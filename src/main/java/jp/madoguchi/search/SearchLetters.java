package jp.madoguchi.search;

import java.util.List;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.Inventory;
import org.springframework.stereotype.Service;

/**
 * What the letters draw from a request's search: the retained categories in which the person's data was found and
 * their purposes of use, in the letter's language, from the data inventory as it is when the letter is written.
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
  public record Findings(boolean recorded, List<String> categories, List<String> purposes) {
    /** Nothing recorded: the letters keep what they said before the inventory drove the investigation. */
    public static final Findings NONE = new Findings(false, List.of(), List.of());
  }

  public Findings findings(long requestId, String language) {
    boolean recorded = searches.recordedCategories(requestId) > 0;
    List<DataCategory> found = searches.foundCategoryEntries(requestId).stream().filter(DataCategory::retained)
        .toList();
    List<String> codes = found.stream().map(DataCategory::code).toList();
    List<String> purposes = codes.isEmpty() ? List.of()
        : inventory.purposesFor(codes).stream().map(purpose -> purpose.text(language)).toList();
    return new Findings(recorded, found.stream().map(category -> category.name(language)).toList(), purposes);
  }
}
