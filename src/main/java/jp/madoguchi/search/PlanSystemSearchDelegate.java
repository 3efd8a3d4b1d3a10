package jp.madoguchi.search;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan the systems to search": see {@link SystemSearches#planSearch(long, boolean)}. */
@Component
class PlanSystemSearchDelegate implements JavaDelegate {

  private final SystemSearches searches;

  PlanSystemSearchDelegate(SystemSearches searches) {
    this.searches = searches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    searches.planSearch(RequestFacts.REQUEST_ID.require(execution),
        "SPECIFIC".equals(RequestFacts.PERSONAL_INFORMATION_KIND.get(execution)));
  }
}
