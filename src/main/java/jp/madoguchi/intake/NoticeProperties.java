package jp.madoguchi.intake;

import java.util.List;
import jp.madoguchi.correspondence.CompanyProperties.Text;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the public notice of published items ({@code /notice}, APPI Art 32(1)) says beyond the company's facts and
 * the inventory.
 *
 * @param securityMeasures the summary of the security measures taken for personal data (Art 32(1)(iv), Cabinet
 *     Order Art 10(i)), one point each, in Japanese and English
 */
@ConfigurationProperties("madoguchi.notice")
public record NoticeProperties(List<Text> securityMeasures) {

  public NoticeProperties {
    securityMeasures = securityMeasures == null ? List.of() : List.copyOf(securityMeasures);
  }
}
