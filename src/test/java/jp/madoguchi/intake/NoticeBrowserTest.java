package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public notice in a real browser (headless Chromium), read in Japanese, then in English chosen with the page's
 * language switch: it lists every published purpose of retained personal data in the inventory, and the browser reports no
 * violation of the content security policy.
 */
@DeskTest
@Tag("browser")
class NoticeBrowserTest {

  static final Path SCREENSHOT = Path.of("target", "screenshots", "notice-ja.png");

  @LocalServerPort int port;
  @Autowired Inventory inventory;

  WebDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theNoticeListsEveryPublishedPurposeInJapanese(@TempDir Path profile) throws Exception {
    NoticePageTest.plantNoticeInventory(inventory);
    browser = Chromium.start(profile, "ja", "Asia/Tokyo");

    browser.get("http://localhost:" + port + "/notice");

    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("保有個人データに関する公表事項");
    assertThat(texts(browser.findElements(By.cssSelector("#purposes li"))))
        .containsExactlyElementsOf(inventory.publishedPurposesOfRetainedData().stream()
            .map(purpose -> purpose.text("ja")).toList())
        .contains("会員サービスのご提供");
    Chromium.screenshot(browser, SCREENSHOT);
    assertThat(Chromium.consoleMessages(browser)).noneMatch(message -> message.contains("Content Security Policy"));
  }

  @Test
  void theNoticeListsEveryPublishedPurposeInEnglish(@TempDir Path profile) throws Exception {
    NoticePageTest.plantNoticeInventory(inventory);
    browser = Chromium.start(profile, "en", "Asia/Tokyo");

    browser.get("http://localhost:" + port + "/notice");
    // the pages are Japanese until the visitor chooses English with the page's language switch
    browser.findElement(By.cssSelector("a[hreflang=en]")).click();

    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("About the personal data we hold");
    assertThat(texts(browser.findElements(By.cssSelector("#purposes li"))))
        .containsExactlyElementsOf(inventory.publishedPurposesOfRetainedData().stream()
            .map(purpose -> purpose.text("en")).toList())
        .contains("Providing our membership services");
    // the language switch of the page leads back to Japanese
    browser.findElement(By.cssSelector("a[hreflang=ja]")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("保有個人データに関する公表事項");
    assertThat(Chromium.consoleMessages(browser)).noneMatch(message -> message.contains("Content Security Policy"));
  }

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }
}
