package jp.madoguchi.provision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation's look at the register for one request: the candidates for its person, staff's verdict on each,
 * and the mark that a record's existence is protected. Every view is written to the request's history, like the
 * request file's. A My Number request is seen only by its entitled groups, as its file is.
 */
@Service
class ProvisionInvestigation {

  static final String VIEWED = "PROVISION_CANDIDATES_VIEWED";
  static final String PROTECTED = "PROVISION_RECORD_PROTECTED";

  private final RequestRegister requests;
  private final ProvisionMatches matches;
  private final ProvisionRegister register;

  ProvisionInvestigation(RequestRegister requests, ProvisionMatches matches, ProvisionRegister register) {
    this.requests = requests;
    this.matches = matches;
    this.register = register;
  }

  /** What the page shows. */
  record View(DeskRequest request, List<ProvisionMatches.Candidate> candidates) {}

  @Transactional
  Optional<View> open(String reference, String userId, Collection<String> groups) {
    return visible(reference, groups).map(request -> {
      List<ProvisionMatches.Candidate> candidates = matches.candidates(request);
      requests.recordEvent(request.id(), userId, VIEWED, candidates.size() + " candidate(s)");
      return new View(request, candidates);
    });
  }

  /** Staff's verdict on a candidate of the request; empty when the request or the candidate is not there. */
  @Transactional
  Optional<ProvisionMatches.Verdict> decide(String reference, long recordId, ProvisionMatches.Verdict verdict,
      String userId, Collection<String> groups) {
    return candidate(reference, recordId, groups).map(request -> {
      matches.decide(request.id(), recordId, verdict, userId);
      return verdict;
    });
  }

  /** Marks a candidate's record as existence-protected (Cabinet Order Art 11); empty when not there. */
  @Transactional
  Optional<ExistenceProtection> protect(String reference, long recordId, ExistenceProtection ground,
      String userId, Collection<String> groups) {
    return candidate(reference, recordId, groups).map(request -> {
      register.markExistenceProtected(recordId, ground, userId);
      requests.recordEvent(request.id(), userId, PROTECTED, "#" + recordId + " " + ground.name());
      return ground;
    });
  }

  private Optional<DeskRequest> candidate(String reference, long recordId, Collection<String> groups) {
    return visible(reference, groups).filter(request -> matches.candidates(request).stream()
        .anyMatch(candidate -> candidate.record().id() == recordId));
  }

  private Optional<DeskRequest> visible(String reference, Collection<String> groups) {
    return requests.findByReference(reference).filter(request ->
        request.personalInformationKind() != PersonalInformationKind.SPECIFIC
            || groups.contains(DeskGroups.PRIVACY_DESK_SPECIFIC)
            || groups.contains(DeskGroups.PRIVACY_MANAGERS));
  }
}
