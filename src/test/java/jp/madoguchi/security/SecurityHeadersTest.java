package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.OurRoutes;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every answer of ours carries the security headers: each GET route of our controllers, found in the application's
 * own handler mappings (a new page is checked without being named here), asked by a visitor and by a manager, with
 * its path variables taken from a real request; their error answers too. Swagger UI has its own policy, and Camunda's
 * webapps keep Camunda's.
 */
@DeskTest
class SecurityHeadersTest {

  private static final byte[] PDF = """
      %PDF-1.4
      1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
      trailer << /Root 1 0 R >>
      %%EOF
      """.getBytes(StandardCharsets.US_ASCII);
  private static final String MANAGER = "manager:manager-demo-2026";

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void everyGetRouteOfOursAnswersWithTheSecurityHeadersToVisitorsAndStaff() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    RequestDocument document = documents.store(request.id(), DocumentKind.OTHER, "note.pdf", PDF, "test");
    Map<String, String> values = Map.of("reference", request.reference(), "id", String.valueOf(document.id()),
        "token", "no-such-download-token", "kind", "categories", "code", "NO_SUCH_ENTRY", "systemCode", "NO_SUCH_SYSTEM", "handle", "no-such-handle");

    List<String> paths = OurRoutes.get(handlerMapping).stream().map(route -> OurRoutes.fill(route, values)).toList();

    // the discovery sees the pages and APIs of every audience (if it saw nothing, nothing would be checked)
    assertThat(paths).contains("/request", "/status", "/desk/login", "/desk/requests",
        "/desk/requests/" + request.reference(), "/desk/reports", "/desk/api/letters",
        "/api/requests/" + request.reference() + "/status", "/letters/download/no-such-download-token");
    Set<Integer> statuses = new TreeSet<>();
    for (String path : paths) {
      for (String credentials : Arrays.asList(null, MANAGER)) {
        HttpResponse<byte[]> answer = get(path, credentials);
        statuses.add(answer.statusCode());
        assertOurHeaders(path + (credentials == null ? " (visitor)" : " (manager)"), answer, false);
      }
    }
    // answered pages, documents, redirects to the login, refusals and not-found errors alike
    assertThat(statuses).contains(200, 302, 401, 404);

    for (String missing : List.of("/desk/requests/MDG-2000-000000", "/request/no-such-page",
        "/api/requests/MDG-2000-000000/status", "/desk/api/no-such-thing", "/no-such-page")) {
      HttpResponse<byte[]> answer = get(missing, MANAGER);
      assertThat(answer.statusCode()).as(missing).isEqualTo(404);
      assertOurHeaders(missing, answer, false);
    }
  }

  @Test
  void swaggerUiHasThePolicyOfOurPagesWithItsIconsAndItsOneStyleElementAllowed() throws Exception {
    for (String path : List.of("/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js", "/v3/api-docs")) {
      HttpResponse<byte[]> answer = get(path, null);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertOurHeaders(path, answer, true);
    }
  }

  private HttpResponse<byte[]> get(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET();
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertOurHeaders(String what, HttpResponse<?> answer, boolean swaggerUi) {
    String policy = answer.headers().firstValue("Content-Security-Policy").orElse(null);
    assertThat(policy).as("the content security policy of %s", what).isNotNull();
    Map<String, List<String>> directives = directives(policy);
    String described = what + " (" + answer.statusCode() + "): " + policy;
    assertThat(directives).as(described)
        .containsKeys("default-src", "object-src", "base-uri", "form-action", "frame-ancestors");
    assertThat(directives.get("frame-ancestors")).as(described).containsExactly("'none'");
    assertThat(directives.get("object-src")).as(described).containsExactly(isPdf(answer) ? "'self'" : "'none'");
    directives.forEach((directive, sources) -> {
      // no inline script or style, no eval, no other origin: only this application, or nothing; Swagger UI's icons
      // are data: images, and the one style element its script adds is allowed by its hash
      List<String> allowed = swaggerUi && directive.equals("img-src") ? List.of("'self'", "data:")
          : List.of("'self'", "'none'");
      assertThat(sources).as(described).allSatisfy(source -> assertThat(allowed.contains(source)
          || swaggerUi && directive.equals("style-src") && source.startsWith("'sha256-")).as(source).isTrue());
    });
    assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    assertThat(answer.headers().firstValue("Permissions-Policy")).as(what).hasValueSatisfying(permissions ->
        assertThat(permissions).contains("camera=()", "microphone=()", "geolocation=()", "payment=()"));
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
  }

  private static boolean isPdf(HttpResponse<?> answer) {
    return answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT)
        .startsWith("application/pdf");
  }

  private static Map<String, List<String>> directives(String policy) {
    Map<String, List<String>> directives = new LinkedHashMap<>();
    for (String directive : policy.split(";")) {
      List<String> words = Arrays.stream(directive.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
      if (!words.isEmpty()) {
        directives.put(words.get(0), words.subList(1, words.size()));
      }
    }
    return directives;
  }
}
