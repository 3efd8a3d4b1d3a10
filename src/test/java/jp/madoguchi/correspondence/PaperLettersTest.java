package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.report.DeskReport;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paper notices (not only the reply) are posted from the desk's list: printed, posted by registered mail, recorded
 * with their tracking number; My Number letters only by the staff entitled to them.
 */
@DeskTest
class PaperLettersTest {

  @LocalServerPort int port;
  @Autowired RequestRegister register;
  @Autowired CorrespondenceService correspondence;
  @Autowired Outbox outbox;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DeskReport reports;

  @Test
  void aPaperNoticeIsListedPrintedAndRecordedAsPostedWithItsTrackingNumber() throws Exception {
    long waitingBefore = waitingInTheReport();
    DeskRequest request = TestRequests.request(register).method(DisclosureMethod.PAPER).register();
    long letterId = queue(request, LetterKind.ACKNOWLEDGEMENT);
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    assertThat(waitingInTheReport()).isEqualTo(waitingBefore + 1);

    Page list = desk.get("/desk/letters/paper");
    Element row = list.document().selectFirst("tr[data-letter=" + letterId + "]");
    assertThat(row).isNotNull();
    assertThat(row.text()).contains(request.reference(), "受付のお知らせ", TestRequests.PRINCIPAL.name())
        .doesNotContain("ACKNOWLEDGEMENT");
    assertThat(row.selectFirst("a[href$=.pdf]").attr("href")).isEqualTo("/desk/letters/" + letterId + ".pdf");
    assertThat(desk.get("/desk/letters/" + letterId + ".pdf").status()).isEqualTo(200);
    String csrf = row.selectFirst("input[name=_csrf]").val();

    Page bad = desk.postForm("/desk/letters/" + letterId + "/posted", Map.of("_csrf", csrf, "trackingNumber", "abc"));
    assertThat(bad.response().headers().firstValue("Location").orElseThrow()).contains("error=trackingNumber");
    assertThat(outbox.find(letterId).orElseThrow().status()).isEqualTo(LetterStatus.QUEUED);

    Page posted = desk.postForm("/desk/letters/" + letterId + "/posted",
        Map.of("_csrf", csrf, "trackingNumber", " 1234-5678-9012 "));
    assertThat(posted.response().headers().firstValue("Location").orElseThrow()).endsWith("posted=" + letterId);
    assertThat(outbox.find(letterId).orElseThrow().status()).isEqualTo(LetterStatus.DISPATCHED);
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("LETTER_DISPATCHED"))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("desk");
          assertThat(e.detail()).contains("ACKNOWLEDGEMENT", "1234-5678-9012");
        });
    assertThat(desk.get("/desk/letters/paper").document().selectFirst("tr[data-letter=" + letterId + "]")).isNull();
    assertThat(waitingInTheReport()).isEqualTo(waitingBefore);

    Page again = desk.postForm("/desk/letters/" + letterId + "/posted",
        Map.of("_csrf", csrf, "trackingNumber", "1234-5678-9012"));
    assertThat(again.response().headers().firstValue("Location").orElseThrow()).contains("error=notWaiting");
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .filteredOn("LETTER_DISPATCHED"::equals).hasSize(1);
  }

  @Test
  void myNumberPaperLettersAreForTheEntitledStaffOnly() throws Exception {
    DeskRequest request = TestRequests.request(register).method(DisclosureMethod.PAPER).specific().register();
    long letterId = queue(request, LetterKind.FEE_REQUEST);
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    PageClient specialist = PageClient.loggedIn(port, "specialist", "specialist-demo-2026");

    assertThat(desk.get("/desk/letters/paper").document().selectFirst("tr[data-letter=" + letterId + "]")).isNull();
    Page list = specialist.get("/desk/letters/paper");
    assertThat(list.document().selectFirst("tr[data-letter=" + letterId + "]")).isNotNull();

    // every desk page carries the session's CSRF token (the log-out form)
    String csrf = PageClient.csrf(desk.get("/desk/letters/paper"));
    Page refused = desk.postForm("/desk/letters/" + letterId + "/posted",
        Map.of("_csrf", csrf, "trackingNumber", "1234-5678-9012"));
    assertThat(refused.response().headers().firstValue("Location").orElseThrow()).contains("error=notFound");
    assertThat(outbox.find(letterId).orElseThrow().status()).isEqualTo(LetterStatus.QUEUED);
  }

  private long waitingInTheReport() {
    return reports.of(LocalDate.now(), LocalDate.now()).paperToDispatch();
  }

  private long queue(DeskRequest request, LetterKind kind) {
    String key = "test:" + UUID.randomUUID();
    new TransactionTemplate(transactionManager).executeWithoutResult(status ->
        correspondence.queueToRequester(request.id(), kind, key));
    return outbox.letterId(key).orElseThrow();
  }
}
