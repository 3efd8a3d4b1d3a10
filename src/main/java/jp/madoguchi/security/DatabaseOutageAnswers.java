package jp.madoguchi.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * While the database is unavailable (see {@link DatabaseUnavailable}), every endpoint of ours answers 503 with a
 * {@code Retry-After}: the APIs ({@code /api/**}, {@code /desk/api/**}) with an RFC 9457 problem in the caller's
 * language (Accept-Language), the pages with the page {@code templates/error/503.html} in the page's language.
 * Whatever was being stored was one transaction and is not kept, so the same request sent again later (for the
 * intake API, with the same {@code Idempotency-Key}) is taken once.
 *
 * <p>A filter in front of Spring Security, not an exception handler of Spring MVC, because the database is needed
 * before a controller runs too: logging in checks the password in Camunda's identity tables. Spring Security has
 * written its headers (the content security policy among them) by the time the failure gets here. Camunda's
 * webapps and REST API answer in their own way and are left alone, as is the actuator (its health check says DOWN
 * by itself).
 */
@Component
class DatabaseOutageAnswers extends OncePerRequestFilter implements Ordered {

  static final String PROBLEM_TYPE = "urn:madoguchi:problem:service-unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageAnswers.class);
  private static final List<String> NOT_OURS = List.of("/camunda/", "/engine-rest/", "/actuator/");
  private static final List<String> APIS = List.of("/api/", "/desk/api/");

  private final OutageProperties properties;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final AcceptHeaderLocaleResolver apiLanguage = new AcceptHeaderLocaleResolver();

  DatabaseOutageAnswers(OutageProperties properties, MessageSource messages, ObjectMapper json) {
    this.properties = properties;
    this.messages = messages;
    this.json = json;
    // the APIs are stateless: their language is the caller's Accept-Language, Japanese unless English is asked for
    apiLanguage.setSupportedLocales(List.of(Locale.JAPANESE, Locale.ENGLISH));
    apiLanguage.setDefaultLocale(Locale.JAPANESE);
  }

  @Override
  public int getOrder() {
    // just outside Spring Security's filters, so that a failure while logging in is answered here too
    return SecurityProperties.DEFAULT_FILTER_ORDER - 1;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return NOT_OURS.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!DatabaseUnavailable.in(failure) || response.isCommitted()) {
        throw failure;
      }
      boolean api = APIS.stream().anyMatch(path(request)::startsWith);
      // neither the path (a download link carries its token) nor the SQL: what failed and that it was the database
      LOG.warn("The database is unavailable: {} {} answered 503 ({})", request.getMethod(),
          api ? "API call" : "page", innermost(failure));
      response.setHeader(HttpHeaders.RETRY_AFTER, properties.retryAfterSeconds());
      if (api) {
        problem(request, response);
      } else {
        // rendered by Spring Boot's error page from templates/error/503.html, in the page's language
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
      }
    }
  }

  private void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = apiLanguage.resolveLocale(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", PROBLEM_TYPE);
    body.put("title", messages.getMessage("outage.problem.title", null, locale));
    body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    body.put("detail", messages.getMessage("outage.problem.detail", null, locale));
    // the same shape as the intake API's other problems: no field is wrong
    body.put("errors", List.of());
    response.resetBuffer();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
    byte[] bytes = json.writeValueAsBytes(body);
    try {
      response.getOutputStream().write(bytes);
    } catch (IllegalStateException writerInUse) {
      // the failed handler had already asked for the writer (a page half rendered into the buffer)
      response.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
    }
    response.flushBuffer();
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The driver's own words, also behind a rollback that failed on the closed connection. */
  private static String innermost(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; depth < 32; depth++) {
      Throwable next = cause instanceof TransactionSystemException failedRollback
          && failedRollback.getApplicationException() != null
          ? failedRollback.getApplicationException()
          : cause.getCause();
      if (next == null || next == cause) {
        break;
      }
      cause = next;
    }
    return cause.getClass().getName() + ": " + cause.getMessage();
  }
}
