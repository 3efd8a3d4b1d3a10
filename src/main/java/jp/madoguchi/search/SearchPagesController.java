package jp.madoguchi.search;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The request's search on the desk: the investigation page ({@code /desk/requests/{reference}/search-plan}: the
 * rule, the categories and systems that follow from the relationship and why, staff's additions and removals with
 * their reasons, each system's finding, per category found or not) and each system's search sheet
 * ({@code /desk/requests/{reference}/search/{systemCode}}) for its owning group.
 */
@Controller
class SearchPagesController {

  private static final String REFERENCE = "{reference:" + RequestRegister.REFERENCE_PATTERN + "}";

  private final SystemSearches searches;
  private final SearchSheets sheets;
  private final RequestRegister requests;
  private final jp.madoguchi.connector.ConnectorCalls connectorCalls;

  SearchPagesController(SystemSearches searches, SearchSheets sheets, RequestRegister requests,
      jp.madoguchi.connector.ConnectorCalls connectorCalls) {
    this.searches = searches;
    this.sheets = sheets;
    this.requests = requests;
    this.connectorCalls = connectorCalls;
  }

  @GetMapping("/desk/requests/" + REFERENCE + "/search-plan")
  String plan(@PathVariable String reference, @RequestParam(required = false) String error, Authentication user,
      Model model) {
    DeskRequest request = deskRequest(reference, user);
    requests.recordEvent(request.id(), user.getName(), "SEARCH_PLAN_VIEWED", null);
    model.addAttribute("request", request);
    model.addAttribute("plan", searches.plan(request.id()));
    model.addAttribute("connectorFailures", connectorFailures(request.id()));
    model.addAttribute("actions", searches.actions(request.id()).stream()
        .collect(java.util.stream.Collectors.toMap(SystemSearches.SystemAction::code, done -> done)));
    model.addAttribute("systems", searches.allSystems());
    model.addAttribute("specific", request.personalInformationKind() == PersonalInformationKind.SPECIFIC);
    model.addAttribute("error", error);
    return "desk/search-plan";
  }

  @PostMapping("/desk/requests/" + REFERENCE + "/search-plan/systems")
  String addSystem(@PathVariable String reference, @RequestParam(required = false) String systemCode,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String action,
      Authentication user) {
    DeskRequest request = deskRequest(reference, user);
    try {
      if ("remove".equals(action)) {
        searches.removeSystem(request.id(), systemCode, reason, user.getName());
      } else {
        searches.addSystem(request.id(), systemCode, reason, user.getName());
      }
    } catch (InvalidSearchInput e) {
      return back(reference) + "?error=" + e.messageKey();
    }
    return back(reference) + "?saved";
  }

  @PostMapping("/desk/requests/" + REFERENCE + "/search-plan/categories")
  String category(@PathVariable String reference, @RequestParam(required = false) String categoryCode,
      @RequestParam(required = false) String found, Authentication user) {
    DeskRequest request = deskRequest(reference, user);
    if (!"true".equals(found) && !"false".equals(found)) {
      return back(reference) + "?error=search.error.foundNeeded";
    }
    try {
      searches.recordCategory(request.id(), categoryCode, Boolean.parseBoolean(found), user.getName());
    } catch (InvalidSearchInput e) {
      return back(reference) + "?error=" + e.messageKey();
    }
    return back(reference) + "?saved";
  }

  @GetMapping("/desk/requests/" + REFERENCE + "/search/{systemCode}")
  String sheet(@PathVariable String reference, @PathVariable String systemCode,
      @RequestParam(required = false) String error, Authentication user, Model model) {
    SearchSheets.Sheet sheet = sheets.open(reference, systemCode, user.getName(), groups(user))
        .orElseThrow(SearchPagesController::notFound);
    model.addAttribute("sheet", sheet);
    model.addAttribute("error", error);
    return "desk/search-sheet";
  }

  @PostMapping("/desk/requests/" + REFERENCE + "/search/{systemCode}")
  String record(@PathVariable String reference, @PathVariable String systemCode,
      @RequestParam(required = false) String found, @RequestParam(required = false) String finding,
      Authentication user) {
    String back = "redirect:/desk/requests/" + reference + "/search/" + systemCode;
    if (!"true".equals(found) && !"false".equals(found)) {
      return back + "?error=search.error.foundNeeded";
    }
    try {
      if (!sheets.record(reference, systemCode, Boolean.parseBoolean(found), finding, user.getName(),
          groups(user))) {
        throw notFound();
      }
    } catch (InvalidSearchInput e) {
      return back + "?error=" + e.messageKey();
    }
    return back + "?recorded";
  }

  /** The request, for desk staff who may see it (a My Number request: the entitled desk and managers only). */
  private DeskRequest deskRequest(String reference, Authentication user) {
    List<String> groups = groups(user);
    Optional<DeskRequest> request = requests.findByReference(reference).filter(r ->
        r.personalInformationKind() == PersonalInformationKind.SPECIFIC
            ? groups.contains(DeskGroups.PRIVACY_DESK_SPECIFIC) || groups.contains(DeskGroups.PRIVACY_MANAGERS)
            : DeskGroups.REQUEST_STAFF.stream().anyMatch(groups::contains));
    return request.orElseThrow(SearchPagesController::notFound);
  }

  private static String back(String reference) {
    return "redirect:/desk/requests/" + reference + "/search-plan";
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).toList();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  /**
   * The systems whose last search through their connector failed (retried, then an incident), with the failure's
   * message (free of personal data): shown until a search succeeds.
   */
  private java.util.Map<String, String> connectorFailures(long requestId) {
    java.util.Map<String, String> failures = new java.util.LinkedHashMap<>();
    for (jp.madoguchi.connector.ConnectorCalls.Call call : connectorCalls.of(requestId)) {
      if (!"SEARCH".equals(call.operation())) {
        continue;
      }
      if ("FAILED".equals(call.outcome())) {
        failures.put(call.systemCode(), call.failure() == null ? "" : call.failure());
      } else {
        failures.remove(call.systemCode());
      }
    }
    return failures;
  }
}
