package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our pages under their content security policy in a real browser (headless Chromium, its console read through the
 * browser log): a requester sends the request form and looks up the status; a manager logs in and goes through the
 * desk's pages by their links and forms; Swagger UI draws the API. The console shows no violation of the policy, and
 * every page still does its work. That the console would show one is checked too: an inline script put into a page
 * is refused, and reported.
 */
@DeskTest
@Tag("browser")
class ContentSecurityPolicyBrowserTest {

  @LocalServerPort int port;

  WebDriver browser;
  WebDriverWait wait;
  final List<String> violations = new ArrayList<>();

  @BeforeEach
  void startChromium(@TempDir Path profile) {
    browser = Chromium.start(profile, "ja", "Asia/Tokyo");
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void stopChromium(TestInfo test) throws Exception {
    if (browser != null) {
      Chromium.screenshot(browser, Path.of("target", "screenshots",
          "last-" + test.getTestMethod().orElseThrow().getName() + ".png"));
      browser.quit();
    }
  }

  @Test
  void theRequesterAndTheDeskWorkThroughTheirPagesWithoutAViolationOfThePolicy() {
    open("/request");
    browser.findElement(By.cssSelector("label[for=type-DISCLOSURE]")).click();
    type("principal-name", "山田 花子");
    type("principal-nameKana", "ヤマダ ハナコ");
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById('principal-dateOfBirth').value = '1985-07-15'");
    type("principal-postalCode", "1000001");
    type("principal-address", "東京都千代田区千代田1-1");
    type("principal-email", "hanako.policy@example.jp");
    type("details", "お客様窓口での通話記録");
    browser.findElement(By.id("disclosureMethod-ELECTRONIC")).sendKeys(Keys.SPACE);
    browser.findElement(By.cssSelector("form[action='/request'] button[type=submit]")).click();
    String reference = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reference"))).getText();
    String token = browser.findElement(By.id("status-token")).getText();
    assertThat(reference).matches("MDG-\\d{4}-\\d{6}");
    noteViolations("the submitted page");

    browser.findElement(By.id("status-link")).click();
    type("statusToken", token);
    browser.findElement(By.id("statusToken")).submit();
    assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-reference"))).getText())
        .isEqualTo(reference);
    noteViolations("the status page");

    open("/desk/login");
    type("username", "manager");
    browser.findElement(By.id("password")).sendKeys("manager-demo-2026", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/desk/requests/new"));
    noteViolations("the desk's registration page");

    navigate("/desk/requests");
    browser.findElement(By.linkText(reference)).click();
    wait.until(ExpectedConditions.urlContains("/desk/requests/" + reference));
    assertThat(browser.getPageSource()).contains("山田 花子");
    noteViolations("the request file");

    navigate("/desk/letters/paper");
    navigate("/desk/reports");
    browser.findElement(By.cssSelector("#report-period button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("from="));
    assertThat(browser.findElement(By.id("report-period-text")).getText()).isNotBlank();
    noteViolations("the desk's report");

    navigate("/desk/inventory");
    browser.findElement(By.id("add-categories")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inventory-form")));
    browser.findElement(By.id("save-entry")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    noteViolations("the inventory's form with its errors");

    browser.findElement(By.cssSelector("form[action='/desk/logout'] button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/desk/login?logout"));
    noteViolations("the login page after logging out");

    open("/notice");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("purposes")));
    noteViolations("the public notice");

    open("/swagger-ui/index.html");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container"),
        "Madoguchi intake API"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
    noteViolations("Swagger UI");

    assertThat(violations).as("the console's reports of content security policy violations").isEmpty();
  }

  @Test
  void anInlineScriptPutIntoOneOfOurPagesIsRefusedAndReportedOnTheConsole() {
    open("/status");
    Chromium.consoleMessages(browser);

    ((JavascriptExecutor) browser).executeScript("""
        const script = document.createElement('script');
        script.textContent = "document.body.dataset.inline = 'ran'";
        document.head.appendChild(script);""");

    assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-inline")).isNull();
    assertThat(Chromium.consoleMessages(browser))
        .anySatisfy(message -> assertThat(message).contains("Content Security Policy", "script-src"));
  }

  /** Goes to one of the desk's pages by its link in the desk's navigation, as staff do. */
  private void navigate(String path) {
    WebElement link = browser.findElement(By.cssSelector(".desk-nav a[href='" + path + "']"));
    link.click();
    wait.until(ExpectedConditions.urlContains(path));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    noteViolations(path);
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private void noteViolations(String where) {
    Chromium.consoleMessages(browser).stream()
        .filter(message -> message.contains("Content Security Policy") || message.contains("Permissions-Policy")
            || message.contains("Refused to"))
        .forEach(message -> violations.add(where + ": " + message));
  }

  private void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  @Test
  void camundasWebappsKeepCamundasOwnHeadersAsConfigured() throws Exception {
    // here, not in SecurityHeadersTest: Camunda's webapps keep JVM-wide state tied to the JVM's first application
    // context, so only a JVM of their own (the browser tests') answers them reliably
    java.net.http.HttpResponse<byte[]> tasklist = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/camunda/app/tasklist/default/")).header("Accept", "text/html").GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
        assertThat(policy).contains("'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'"));
    assertThat(tasklist.headers().firstValue("X-XSS-Protection")).hasValue("0");
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    // ours are not added on top: Spring Security stays out of the webapps' way
    assertThat(tasklist.headers().firstValue("Permissions-Policy")).isEmpty();
  }
}
