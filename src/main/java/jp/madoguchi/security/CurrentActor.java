package jp.madoguchi.security;

import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting now, for the register's history: the logged-in Camunda user, or the system (timers, jobs). */
@Component
public class CurrentActor {

  private final IdentityService identityService;

  CurrentActor(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        ? RequestRegister.SYSTEM_ACTOR
        : authentication.getUserId();
  }
}
