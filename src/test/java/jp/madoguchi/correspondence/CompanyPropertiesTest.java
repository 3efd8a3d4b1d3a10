package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.madoguchi.correspondence.CompanyProperties.Desk;
import jp.madoguchi.correspondence.CompanyProperties.Text;
import org.junit.jupiter.api.Test;

class CompanyPropertiesTest {

  static final Desk DESK = new Desk(new Text("窓口", "Desk"), "1000005", null, "03-0000-0000", "desk@example.jp", null);

  @Test
  void englishFallsBackToJapaneseWhenNotGiven() {
    Text text = new Text(" 株式会社サンプル ", null);

    assertThat(text.in("en")).isEqualTo("株式会社サンプル");
    assertThat(text.in("ja")).isEqualTo("株式会社サンプル");
    assertThat(new Text("", "Sample Co.").in("ja")).isEqualTo("Sample Co.");
  }

  @Test
  void aCompanyWithoutANameOrADeskAddressDoesNotStart() {
    assertThatThrownBy(() -> new CompanyProperties(null, null, null, null, null, DESK, null, null, null))
        .hasMessageContaining("madoguchi.company.name");
    assertThatThrownBy(() -> new CompanyProperties(new Text("株式会社サンプル", null), null, null, null, null,
        new Desk(null, null, null, null, " ", null), null, null, null))
        .hasMessageContaining("madoguchi.company.desk.email");
    assertThat(new CompanyProperties(new Text("株式会社サンプル", null), null, null, null, null, DESK, null, null,
        null).purposesOfUse()).isEmpty();
  }
}
