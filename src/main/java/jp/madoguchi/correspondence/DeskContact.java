package jp.madoguchi.correspondence;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The desk's name and opening hours as the company configured them ({@code madoguchi.company.desk}), for the pages'
 * footer: the pages say what the letters say, from one setting. The bean {@code deskContact} is read by the layout.
 */
@Component("deskContact")
public class DeskContact {

  private final CompanyProperties company;

  DeskContact(CompanyProperties company) {
    this.company = company;
  }

  /** The desk's name in the page's language. */
  public String name(Locale locale) {
    return company.desk().name().in(language(locale));
  }

  /** The desk's opening hours in the page's language. */
  public String hours(Locale locale) {
    return company.desk().hours().in(language(locale));
  }

  private static String language(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? "en" : "ja";
  }
}
