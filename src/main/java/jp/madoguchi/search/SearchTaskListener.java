package jp.madoguchi.search;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a search task for its system and request ("search system X for request R", ja/en), so that the owning
 * group sees in Tasklist which system to search: the model's name is the same for every system.
 */
@Component
class SearchTaskListener implements TaskListener {

  private final SystemSearches searches;

  SearchTaskListener(SystemSearches searches) {
    this.searches = searches;
  }

  @Override
  public void notify(DelegateTask task) {
    String systemCode = (String) task.getVariable(SearchSheets.SYSTEM_CODE);
    String reference = RequestFacts.REFERENCE.get(task);
    task.setName(searches.system(systemCode)
        .map(system -> SearchSheets.taskName(system, reference))
        .orElse(task.getName()));
  }
}
