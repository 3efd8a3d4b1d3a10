package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Where a login lands, and what the desk's navigation offers to whom. */
@DeskTest
class DeskLandingTest {

  private static final String OWNER = "landing-owner";
  private static final String OWNERS = "landing-crm-owners";
  private static final String PASSWORD = "landing-owner-2026";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void staffLandOnTheDeskAndASystemsOwningGroupInTasklistWhereItsWorkIs() throws Exception {
    if (identity.createUserQuery().userId(OWNER).count() == 0) {
      User user = identity.newUser(OWNER);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      Group group = identity.newGroup(OWNERS);
      group.setName("CRM owners");
      identity.saveGroup(group);
      identity.createMembership(OWNER, OWNERS);
    }

    assertThat(landing("desk", "desk-demo-2026")).endsWith(DeskLanding.STAFF_PAGE);
    assertThat(landing("manager", "manager-demo-2026")).endsWith(DeskLanding.STAFF_PAGE);
    assertThat(landing(OWNER, PASSWORD)).endsWith(DeskLanding.TASKLIST);
    // a login on its way to a page goes there, whoever logs in
    PageClient browser = new PageClient(port);
    assertThat(browser.get("/desk/requests/REF-1/search/crm").status()).isEqualTo(302);
    assertThat(login(browser, OWNER, PASSWORD)).contains("/desk/requests/REF-1/search/crm");
  }

  @Test
  void onlyManagersAreOfferedTheRegisterOfProvisionRecordsTheyAloneMayOpen() throws Exception {
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");
    assertThat(manager.get("/desk/requests").document().select("nav.desk-nav a[href$=/desk/provision-records]"))
        .hasSize(1);
    assertThat(manager.get("/desk/provision-records").status()).isEqualTo(200);

    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    assertThat(desk.get("/desk/requests").document().select("nav.desk-nav a")).isNotEmpty();
    assertThat(desk.get("/desk/requests").document().select("nav.desk-nav a[href$=/desk/provision-records]"))
        .isEmpty();
    assertThat(desk.get("/desk/provision-records").status()).isEqualTo(403);
  }

  private String landing(String user, String password) throws Exception {
    return login(new PageClient(port), user, password);
  }

  private static String login(PageClient browser, String user, String password) throws Exception {
    PageClient.Page form = browser.get("/desk/login");
    PageClient.Page done = browser.postForm("/desk/login", Map.of("_csrf", PageClient.csrf(form), "username", user,
        "password", password));
    assertThat(done.status()).isEqualTo(302);
    return done.response().headers().firstValue("Location").orElseThrow();
  }
}
