package jp.madoguchi.handling;

import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
import jp.madoguchi.handling.PersonalDataRequestProcess.Variables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one place that answers whether the data a request seeks is held for a client company: it sets
 * {@code entrustedData} and, derived from it, {@code entrustedByClient}. Today staff answer in "Check the request";
 * when the data inventory answers the question, its step calls this instead and nothing downstream changes.
 */
final class EntrustedDataAnswer {

  static void record(VariableScope scope, EntrustedData answer) {
    Variables.ENTRUSTED_DATA.setEnum(scope, answer);
    Variables.ENTRUSTED_BY_CLIENT.set(scope, answer.referred());
  }

  private EntrustedDataAnswer() {}
}
