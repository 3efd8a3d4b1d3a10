package jp.madoguchi.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the desk's navigation shows to whom: the register of provision records only to managers, who alone may open it. */
@ControllerAdvice
class DeskNavigation {

  @ModelAttribute("seesProvisionRecords")
  boolean seesProvisionRecords(Authentication authentication) {
    return authentication != null && authentication.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + DeskGroups.PRIVACY_MANAGERS));
  }
}
