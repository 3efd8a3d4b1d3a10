package jp.madoguchi.intake;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser without JavaScript: keeps cookies, posts forms (urlencoded or multipart), parses the pages. */
public final class PageClient {

  /** A page as received. */
  public record Page(int status, String html, Document document, HttpResponse<String> response) {}

  /** A file for a multipart form. */
  public record FilePart(String fileName, String contentType, byte[] content) {}

  private final String base;
  private final HttpClient http;

  public PageClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A browser logged into the desk's pages as this user (form login, as staff do). */
  public static PageClient loggedIn(int port, String user, String password) throws Exception {
    PageClient browser = new PageClient(port);
    Page login = browser.get("/desk/login");
    Page done = browser.postForm("/desk/login", Map.of("_csrf", csrf(login), "username", user,
        "password", password));
    if (done.status() != 302 || done.response().headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("Login of " + user + " failed: " + done.status() + " "
          + done.response().headers().firstValue("Location").orElse(""));
    }
    return browser;
  }

  public Page get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** The CSRF token of the first form on a page, as a browser would send it back. */
  public static String csrf(Page page) {
    return page.document().selectFirst("form input[name=_csrf]").val();
  }

  public Page postForm(String path, Map<String, String> fields) throws Exception {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  public Page postMultipart(String path, Map<String, String> fields, Map<String, FilePart> files) throws Exception {
    String boundary = "----madoguchi" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
          + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, FilePart> file : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
          + "\"; filename=\"" + file.getValue().fileName() + "\"\r\nContent-Type: " + file.getValue().contentType()
          + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.getValue().content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /** The form fields of a valid disclosure request as the page names them. */
  static Map<String, String> validRequestFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("type", "DISCLOSURE");
    fields.put("principal.name", IntakeFixtures.PRINCIPAL_NAME);
    fields.put("principal.nameKana", "ヤマダ ハナコ");
    fields.put("principal.dateOfBirth", "1985-07-15");
    fields.put("principal.postalCode", "1000001");
    fields.put("principal.address", "東京都千代田区千代田1-1");
    fields.put("principal.phone", "03-1234-5678");
    fields.put("principal.email", IntakeFixtures.PRINCIPAL_EMAIL);
    fields.put("agent.kind", "");
    fields.put("details", "通話記録\r\n会員情報");
    fields.put("personalInformationKind", "ORDINARY");
    fields.put("disclosureMethod", "PAPER");
    return fields;
  }

  private Page send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Page(response.statusCode(), response.body(), Jsoup.parse(response.body(), base), response);
  }
}
