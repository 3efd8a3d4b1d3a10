package jp.madoguchi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium with the system's chromedriver ({@code /usr/bin}, or {@code MADOGUCHI_CHROMIUM} and
 * {@code MADOGUCHI_CHROMEDRIVER}); naming both keeps Selenium Manager from downloading anything.
 */
public final class Chromium {

  public static WebDriver start(Path profile, String language, String timeZone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("MADOGUCHI_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,900",
        "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    // the console (content security policy violations among it), for consoleMessages
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getenv().getOrDefault("MADOGUCHI_CHROMEDRIVER",
            "/usr/bin/chromedriver")).toFile())
        .withEnvironment(java.util.Map.of("TZ", timeZone))
        .build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /** What the pages wrote to the console since the last call (Chromium reports a policy violation there). */
  public static List<String> consoleMessages(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  /** Saves what the browser shows, for the docs and for a failing test's report. */
  public static void screenshot(WebDriver browser, Path file) throws java.io.IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private Chromium() {}
}
