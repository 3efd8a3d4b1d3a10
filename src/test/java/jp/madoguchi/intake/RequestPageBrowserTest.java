package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public page in a real browser (headless Chromium with the system's chromedriver): a person fills it in in
 * Japanese with the keyboard and mouse, attaches a PDF, sends it, and checks the status.
 *
 * <p>Chromium and chromedriver come from the system ({@code /usr/bin}, or {@code MADOGUCHI_CHROMIUM} and
 * {@code MADOGUCHI_CHROMEDRIVER}); naming both keeps Selenium Manager from downloading anything.
 */
@DeskTest
@Tag("browser")
class RequestPageBrowserTest {

  static final Path SCREENSHOT = Path.of("target", "screenshots", "request-page-ja.png");

  @LocalServerPort int port;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;
  @Autowired ProcessEngine engine;

  WebDriver browser;

  @BeforeEach
  void startChromium(@TempDir Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("MADOGUCHI_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1024",
        "--lang=ja");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getenv().getOrDefault("MADOGUCHI_CHROMEDRIVER", "/usr/bin/chromedriver"))
            .toFile())
        .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aPersonFillsInThePageInJapaneseWithAPdfAndTheRequestWaitsAtTheFirstStep(@TempDir Path files)
      throws Exception {
    browser.get("http://localhost:" + port + "/request");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("個人情報の開示等のご請求");
    saveScreenshotOfTheWholePage();

    // the keyboard reaches the skip link first
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getDomAttribute("class")).isEqualTo("skip-link");

    browser.findElement(By.cssSelector("label[for=type-DISCLOSURE]")).click();
    type("principal-name", "山田 花子");
    type("principal-nameKana", "ヤマダ ハナコ");
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById('principal-dateOfBirth').value = '1985-07-15'");
    type("principal-postalCode", "１００－０００１");
    type("principal-address", "東京都千代田区千代田1-1");
    type("principal-phone", "03-1234-5678");
    type("principal-email", "hanako.browser@example.jp");
    type("details", "2024年以降のお客様窓口での通話記録");
    browser.findElement(By.id("disclosureMethod-ELECTRONIC")).sendKeys(Keys.SPACE);
    Path pdf = files.resolve("運転免許証.pdf");
    Files.write(pdf, IntakeFixtures.pdf());
    browser.findElement(By.id("identityDocument")).sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("form[action='/request'] button[type=submit]")).click();

    String reference = browser.findElement(By.id("reference")).getText();
    String token = browser.findElement(By.id("status-token")).getText();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ご請求を受け付けました");
    assertThat(reference).matches("MDG-\\d{4}-\\d{6}");

    DeskRequest request = register.findByReference(reference).orElseThrow();
    assertThat(request.principal().name()).isEqualTo("山田 花子");
    assertThat(request.principal().postalCode()).isEqualTo("100-0001");
    assertThat(request.principal().birthDate()).hasToString("1985-07-15");
    assertThat(documents.documentsOf(request.id())).singleElement().satisfies(document -> {
      assertThat(document.contentType()).isEqualTo("application/pdf");
      assertThat(document.originalFileName()).isEqualTo("運転免許証.pdf");
    });
    ProcessDriver desk = new ProcessDriver(engine, reference).runJobs();
    assertThat(desk.task(PersonalDataRequestProcess.Elements.CHECK_REQUEST).getProcessDefinitionId())
        .startsWith(PersonalDataRequestProcess.KEY + ":");
    assertThat(register.find(request.id()).status()).isEqualTo(RequestStatus.RECEIVED);

    browser.findElement(By.id("status-link")).click();
    assertThat(browser.findElement(By.id("reference")).getDomProperty("value")).isEqualTo(reference);
    type("statusToken", token);
    browser.findElement(By.id("statusToken")).submit();

    assertThat(browser.findElement(By.id("status-reference")).getText()).isEqualTo(reference);
    assertThat(browser.findElement(By.id("status-stage")).getText()).isEqualTo("受付済み");
    assertThat(browser.getPageSource()).doesNotContain("hanako.browser@example.jp");
  }

  private void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private void saveScreenshotOfTheWholePage() throws Exception {
    long height = (Long) ((JavascriptExecutor) browser).executeScript(
        "return Math.ceil(document.documentElement.scrollHeight)");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height, 8000)));
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
  }
}
