package jp.madoguchi.handling;

import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A requester withdraws a request (by telephone, letter or at the desk): staff record it with how it came, and the
 * request's handling ends wherever it stood (waiting for documents or the fee, investigating, deciding, even with
 * the reply prepared but not yet sent). The model takes it from there: the requester is sent a confirmation and the
 * request is closed as {@code WITHDRAWN}; its deadline timers end with the handling, and letters not yet sent for it
 * (a reply waiting to be dispatched, an e-mail waiting to be tried again) are cancelled ({@link RequestWithdrawn}).
 */
@Service
public class RequestWithdrawal {

  /** What recording a withdrawal came to. */
  public enum Outcome {
    /** The handling was ended; the confirmation and the closing follow. */
    WITHDRAWN,
    /** A complaint is closed by answering it, not withdrawn. */
    NOT_A_REQUEST,
    /** The request is closed already, or its handling has ended and it is being closed. */
    NOT_OPEN
  }

  private final RuntimeService runtimeService;
  private final RequestRegister register;
  private final ApplicationEventPublisher events;

  RequestWithdrawal(RuntimeService runtimeService, RequestRegister register, ApplicationEventPublisher events) {
    this.runtimeService = runtimeService;
    this.register = register;
    this.events = events;
  }

  /**
   * Records the withdrawal in the request's history with the note, and ends the request's handling, in one
   * transaction.
   *
   * @param note how and when the requester withdrew (e.g. "by telephone on 3 December, spoke to Sato")
   */
  @Transactional
  public Outcome withdraw(DeskRequest request, String note, String actor) {
    if (request.type() == RequestType.COMPLAINT) {
      return Outcome.NOT_A_REQUEST;
    }
    boolean handling = request.status() != RequestStatus.CLOSED
        && runtimeService.createExecutionQuery()
            .processDefinitionKey(PersonalDataRequestProcess.KEY)
            .processInstanceBusinessKey(request.reference())
            .messageEventSubscriptionName(PersonalDataRequestProcess.REQUEST_WITHDRAWN_MESSAGE)
            .count() == 1;
    if (!handling) {
      return Outcome.NOT_OPEN;
    }
    register.recordEvent(request.id(), actor, "REQUEST_WITHDRAWN", note);
    runtimeService.createMessageCorrelation(PersonalDataRequestProcess.REQUEST_WITHDRAWN_MESSAGE)
        .processInstanceBusinessKey(request.reference())
        .setVariable(PersonalDataRequestProcess.Variables.WITHDRAWN.name(), true)
        .correlateWithResult();
    events.publishEvent(new RequestWithdrawn(request.id(), actor));
    return Outcome.WITHDRAWN;
  }
}
