package jp.madoguchi.intake;

import jp.madoguchi.security.DeskGroups;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Whether the caller is desk staff, who may register requests received by any channel. */
final class IntakeStaff {

  private IntakeStaff() {}

  static boolean isStaff(Authentication authentication) {
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return false;
    }
    return authentication.getAuthorities().stream()
        .anyMatch(authority -> DeskGroups.REQUEST_STAFF.stream()
            .anyMatch(group -> ("ROLE_" + group).equals(authority.getAuthority())));
  }
}
