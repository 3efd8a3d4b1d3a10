package jp.madoguchi.correspondence;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach the desk from outside: links in letters (a reply's download link) start with it.
 *
 * @param publicBaseUrl the address of this application as requesters see it, without a trailing slash
 */
@ConfigurationProperties("madoguchi")
public record PublicSiteProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {

  /** The absolute address of a path on the public site. */
  public String link(String path) {
    String base = publicBaseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + (path.startsWith("/") ? path : "/" + path);
  }
}
