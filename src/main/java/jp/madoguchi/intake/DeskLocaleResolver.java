package jp.madoguchi.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Japanese or English, and nothing else. The JSON API follows the caller's {@code Accept-Language}; the pages are
 * Japanese unless the visitor chose English ({@code ?lang=en}, remembered in a cookie), whatever the browser
 * prefers: the desk's own language comes first.
 */
class DeskLocaleResolver implements LocaleResolver {

  static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

  private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
  private final CookieLocaleResolver pages = new CookieLocaleResolver("madoguchi-lang");

  DeskLocaleResolver() {
    api.setSupportedLocales(SUPPORTED);
    api.setDefaultLocale(Locale.JAPANESE);
    pages.setDefaultLocale(Locale.JAPANESE);
    pages.setCookieMaxAge(Duration.ofDays(365));
    pages.setCookieSameSite("Lax");
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/");
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Locale locale = isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
    return supported(locale);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (!isApi(request)) {
      pages.setLocale(request, response, locale == null ? null : supported(locale));
    }
  }

  /** Japanese unless the locale is English: a language the desk does not write falls back to its own. */
  static Locale supported(Locale locale) {
    return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
        ? Locale.ENGLISH
        : Locale.JAPANESE;
  }
}
