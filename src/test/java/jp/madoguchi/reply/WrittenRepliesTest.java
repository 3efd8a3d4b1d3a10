package jp.madoguchi.reply;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import org.junit.jupiter.api.Test;

/** The change-to-paper rule of the written reply (APPI Art 33(3)), without the engine. */
class WrittenRepliesTest {

  @Test
  void anElectronicDisclosureGoesOnPaperOnlyWhenTheDeskDecidedSo() {
    assertThat(WrittenReplies.changesToPaper(true, DisclosureMethod.ELECTRONIC)).isTrue();
    assertThat(WrittenReplies.changesToPaper(false, DisclosureMethod.ELECTRONIC)).isFalse();
  }

  @Test
  void aReplyThePersonWantedOnPaperOrWithoutAMethodIsNotChanged() {
    assertThat(WrittenReplies.changesToPaper(true, DisclosureMethod.PAPER)).isFalse();
    assertThat(WrittenReplies.changesToPaper(true, null)).isFalse();
  }
}
