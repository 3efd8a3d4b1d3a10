package jp.madoguchi.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form whose upload exceeds the multipart limits cannot be read at all, so its CSRF token is missing too and the
 * CSRF check refuses it. The person did nothing wrong but choose a large file: tell them that (413, a page saying
 * how large a file may be) instead of a bare 403.
 */
class UploadTooLargeAwareAccessDeniedHandler implements AccessDeniedHandler {

  /** Tomcat's note that it could not read the request's parameters, and why. */
  static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";
  static final String UPLOAD_TOO_LARGE_PAGE = "/error/upload-too-large";

  private final AccessDeniedHandler standard = new AccessDeniedHandlerImpl();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    Object reason = request.getAttribute(PARSE_FAILED_REASON);
    if (denied instanceof CsrfException && reason != null && reason.toString().contains("TOO_LARGE")) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      request.getRequestDispatcher(UPLOAD_TOO_LARGE_PAGE).forward(request, response);
      return;
    }
    standard.handle(request, response, denied);
  }
}
