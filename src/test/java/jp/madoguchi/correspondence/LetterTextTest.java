package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.correspondence.LetterText.Block;
import jp.madoguchi.correspondence.LetterText.Type;
import org.junit.jupiter.api.Test;

class LetterTextTest {

  @Test
  void theMarkupOfATemplateBecomesBlocks() {
    LetterText text = LetterText.parse("""
        # 保有個人データの開示について


        ご請求について開示いたします。
        ## 開示の内容
        - 顧客データベース

        - 通話録音
        = ご署名
        >> 以上


        """);

    assertThat(text.blocks()).containsExactly(
        new Block(Type.TITLE, "保有個人データの開示について"),
        new Block(Type.GAP, ""),
        new Block(Type.LINE, "ご請求について開示いたします。"),
        new Block(Type.HEADING, "開示の内容"),
        new Block(Type.ITEM, "顧客データベース"),
        new Block(Type.ITEM, "通話録音"),
        new Block(Type.FIELD, "ご署名"),
        new Block(Type.RIGHT, "以上"));
    assertThat(text.title()).isEqualTo("保有個人データの開示について");
  }

  @Test
  void staffTextCannotTurnIntoATitleAHeadingOrAField() {
    String quoted = LetterText.quote("# 見出しのつもり\n= 欄\n>> 右寄せ\n- 箇条書きは残る");

    LetterText text = LetterText.parse("理由:" + quoted);

    assertThat(text.blocks()).extracting(Block::type)
        .containsExactly(Type.LINE, Type.LINE, Type.LINE, Type.ITEM);
    assertThat(text.blocks().get(1).text()).isEqualTo("= 欄");
  }

  @Test
  void theEmailShowsTheMarkupAsPlainText() {
    LetterText text = LetterText.parse("# Title\n## Heading\n- item\n= Signature\nline\n>> end");

    assertThat(text.plain("en")).isEqualTo("Title\n=====\n■ Heading\n- item\nSignature: "
        + "______________________________\nline\nend\n");
    assertThat(text.plain("ja")).contains("・item");
  }
}
