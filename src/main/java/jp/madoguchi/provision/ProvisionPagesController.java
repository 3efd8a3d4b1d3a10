package jp.madoguchi.provision;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.madoguchi.request.RequestRegister;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The desk's pages of the register: for managers, the register with its search, the CSV import and the next purge
 * ({@code /desk/provision-records}); for staff investigating a request, its candidates to confirm or reject
 * ({@code /desk/requests/{reference}/provision-records}).
 */
@Controller
class ProvisionPagesController {

  private static final String REFERENCE = "{reference:" + RequestRegister.REFERENCE_PATTERN + "}";

  private final ProvisionSearch search;
  private final ProvisionImport importer;
  private final ProvisionPurge purge;
  private final ProvisionInvestigation investigation;
  private final ProvisionProperties properties;

  ProvisionPagesController(ProvisionSearch search, ProvisionImport importer, ProvisionPurge purge,
      ProvisionInvestigation investigation, ProvisionProperties properties) {
    this.search = search;
    this.importer = importer;
    this.purge = purge;
    this.investigation = investigation;
    this.properties = properties;
  }

  @GetMapping("/desk/provision-records")
  String register(@RequestParam(required = false) String identifier,
      @RequestParam(required = false) String counterparty, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication user, Model model) {
    LocalDate fromDate = date(from);
    LocalDate toDate = date(to);
    boolean badPeriod = (from != null && !from.isBlank() && fromDate == null)
        || (to != null && !to.isBlank() && toDate == null);
    ProvisionSearch.Criteria criteria = new ProvisionSearch.Criteria(identifier, counterparty, fromDate, toDate);
    model.addAttribute("criteria", criteria);
    model.addAttribute("badPeriod", badPeriod);
    model.addAttribute("rows", search.search(criteria, user.getName()));
    model.addAttribute("limit", ProvisionSearch.LIMIT);
    model.addAttribute("nextPurge", purge.nextRun());
    model.addAttribute("columns", String.join(",", ProvisionCsv.COLUMNS));
    return "desk/provision-register";
  }

  @PostMapping("/desk/provision-records/import")
  String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, Authentication user,
      Model model) throws IOException {
    List<ProvisionCsv.LineProblem> problems;
    if (file == null || file.isEmpty()) {
      problems = List.of(new ProvisionCsv.LineProblem(0, "", "no-file"));
    } else if (file.getSize() > properties.maxImportBytes()) {
      problems = List.of(new ProvisionCsv.LineProblem(0, "", "too-large"));
    } else {
      try {
        ProvisionRegister.Batch batch = importer.importCsv(file.getBytes(), file.getOriginalFilename(),
            user.getName());
        return "redirect:/desk/provision-records?imported=" + batch.records().size() + "&created="
            + batch.created();
      } catch (ProvisionCsv.InvalidFile e) {
        problems = e.problems();
      }
    }
    model.addAttribute("importProblems", problems);
    return register(null, null, null, null, user, model);
  }

  @GetMapping("/desk/requests/" + REFERENCE + "/provision-records")
  String candidates(@PathVariable String reference, Authentication user, Model model) {
    ProvisionInvestigation.View view = investigation.open(reference, user.getName(), groups(user))
        .orElseThrow(ProvisionPagesController::notFound);
    model.addAttribute("view", view);
    model.addAttribute("grounds", ExistenceProtection.values());
    return "desk/provision-candidates";
  }

  @PostMapping("/desk/requests/" + REFERENCE + "/provision-records/{recordId}/verdict")
  String decide(@PathVariable String reference, @PathVariable long recordId,
      @RequestParam(name = "verdict", required = false) String verdict, Authentication user) {
    ProvisionMatches.Verdict chosen = parse(ProvisionMatches.Verdict.class, verdict);
    String back = "redirect:/desk/requests/" + reference + "/provision-records";
    if (chosen == null) {
      return back + "?error=verdict";
    }
    investigation.decide(reference, recordId, chosen, user.getName(), groups(user))
        .orElseThrow(ProvisionPagesController::notFound);
    return back + "?decided=" + recordId;
  }

  @PostMapping("/desk/requests/" + REFERENCE + "/provision-records/{recordId}/protection")
  String protect(@PathVariable String reference, @PathVariable long recordId,
      @RequestParam(name = "ground", required = false) String ground, Authentication user) {
    ExistenceProtection chosen = parse(ExistenceProtection.class, ground);
    String back = "redirect:/desk/requests/" + reference + "/provision-records";
    if (chosen == null) {
      return back + "?error=ground";
    }
    investigation.protect(reference, recordId, chosen, user.getName(), groups(user))
        .orElseThrow(ProvisionPagesController::notFound);
    return back + "?protected=" + recordId;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate date(String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).toList();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
