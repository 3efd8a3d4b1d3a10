package jp.madoguchi.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identifiers are compared as written the same way, whatever the keyboard that typed them. */
class IdentifiersTest {

  @Test
  void halfWidthKatakanaHiraganaAndFullWidthSpacesReadAsOneName() {
    assertThat(Identifiers.name("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダタロウ");
    assertThat(Identifiers.name("ヤマダ　タロウ")).isEqualTo("ヤマダタロウ");
    assertThat(Identifiers.name("やまだ たろう")).isEqualTo("ヤマダタロウ");
    assertThat(Identifiers.name("山田　太郎")).isEqualTo(Identifiers.name("山田 太郎")).isEqualTo("山田太郎");
    assertThat(Identifiers.name("Ｔａｒｏ Yamada")).isEqualTo("TAROYAMADA");
    assertThat(Identifiers.name("  ")).isNull();
  }

  @Test
  void phoneNumbersAndPostalCodesAreTheirDigits() {
    assertThat(Identifiers.phone("０３-1234-5678")).isEqualTo("0312345678");
    assertThat(Identifiers.phone("03 (1234) 5678")).isEqualTo("0312345678");
    assertThat(Identifiers.phone("０３－１２３４－５６７８")).isEqualTo("0312345678");
    assertThat(Identifiers.postalCode("〒100-0001")).isEqualTo("1000001");
    assertThat(Identifiers.phone("-")).isNull();
  }

  @Test
  void eMailAddressesAreInLowerCaseAndCustomerNumbersWithoutHyphens() {
    assertThat(Identifiers.email(" Taro.Yamada@Example.JP ")).isEqualTo("taro.yamada@example.jp");
    assertThat(Identifiers.email("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")).isEqualTo("taro@example.jp");
    assertThat(Identifiers.customerNumber("ab-1234 ５６")).isEqualTo("AB123456");
  }
}
