package jp.madoguchi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a login lands when it was not on its way to a page: desk staff on "register a request", everyone else (a
 * system's owning group, a provision recorder, a process designer) in Tasklist, where their work is; the desk's
 * pages would only refuse them. A login on its way to a page (a search sheet's link, say) goes there.
 */
final class DeskLanding extends SavedRequestAwareAuthenticationSuccessHandler {

  static final String STAFF_PAGE = "/desk/requests/new";
  static final String TASKLIST = "/camunda/app/tasklist/";

  @Override
  protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) {
    boolean staff = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> DeskGroups.REQUEST_STAFF.stream().anyMatch(group -> authority.equals("ROLE_" + group)));
    return staff ? STAFF_PAGE : TASKLIST;
  }
}
