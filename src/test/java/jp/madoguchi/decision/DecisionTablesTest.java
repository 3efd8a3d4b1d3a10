package jp.madoguchi.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.madoguchi.handling.PersonalDataRequestProcess.Decision;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The desk's decision tables, as the engine deploys and evaluates them with the parse-once FEEL engine, give what
 * Camunda's own DMN engine gives for the same files: for every input the processes and services can pass.
 */
@DeskTest
class DecisionTablesTest {

  private static final DmnEngine CAMUNDAS_DMN_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static final List<String> REQUEST_TYPES = withUnknownAndNull(RequestType.values());
  private static final List<String> INFORMATION_KINDS = withUnknownAndNull(PersonalInformationKind.values());

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired DecisionService decisionService;

  @Test
  void theEnginesDecisionTablesAreEvaluatedByTheParseOnceFeelEngine() {
    assertThat(((ProcessEngineConfigurationImpl) configuration).getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(ParseOnceFeelEngine.class);
  }

  @Test
  void requestFee() {
    List<VariableMap> inputs = new ArrayList<>();
    for (String type : REQUEST_TYPES) {
      for (String kind : INFORMATION_KINDS) {
        inputs.add(Variables.putValue("requestType", type).putValue("personalInformationKind", kind));
      }
    }

    assertSameResultsAsCamundasEngine("request-fee", inputs);
    assertThat(results("request-fee", fee("DISCLOSURE", "ORDINARY"))).containsExactly(Map.of("feeAmount", 1000));
    assertThat(results("request-fee", fee("DISCLOSURE", "SPECIFIC"))).containsExactly(Map.of("feeAmount", 1000));
    assertThat(results("request-fee", fee("CORRECTION", "ORDINARY"))).containsExactly(Map.of("feeAmount", 0));
    assertThat(results("request-fee", fee("COMPLAINT", "ORDINARY"))).isEmpty();
    // no third-party provision records exist for My Number data: nothing to charge for
    assertThat(results("request-fee", fee("THIRD_PARTY_RECORDS_DISCLOSURE", "ORDINARY")))
        .containsExactly(Map.of("feeAmount", 1000));
    assertThat(results("request-fee", fee("THIRD_PARTY_RECORDS_DISCLOSURE", "SPECIFIC")))
        .containsExactly(Map.of("feeAmount", 0));
  }

  private static VariableMap fee(String requestType, String personalInformationKind) {
    return Variables.putValue("requestType", requestType).putValue("personalInformationKind",
        personalInformationKind);
  }

  @Test
  void responseDeadline() {
    List<VariableMap> inputs = new ArrayList<>();
    REQUEST_TYPES.forEach(type -> inputs.add(Variables.putValue("requestType", type)));

    assertSameResultsAsCamundasEngine("response-deadline", inputs);
    assertThat(results("response-deadline", Variables.putValue("requestType", "SUSPENSION_OF_USE")))
        .containsExactly(Map.of("targetBusinessDays", 10));
  }

  @Test
  void identityDocuments() {
    List<String> documents = Arrays.asList("DRIVERS_LICENCE", "PASSPORT", "HEALTH_INSURANCE_CERTIFICATE",
        "HEALTH_INSURANCE_CARD", "MY_NUMBER_CARD_FRONT", "RESIDENCE_CARD", "PENSION_BOOK",
        "SEAL_REGISTRATION_CERTIFICATE", "FAMILY_REGISTER_EXTRACT", "RESIDENT_RECORD", "GUARDIANSHIP_CERTIFICATE",
        "NONE", "OTHER", null);
    // documentAgeDays is still passed (contract version 2); the shipped table no longer reads it
    List<Long> ages = Arrays.asList(null, -1L, 0L, 90L, 91L, 400L);
    List<VariableMap> inputs = new ArrayList<>();
    for (String document : documents) {
      for (Long age : ages) {
        inputs.add(Variables.putValue("documentType", document).putValue("documentAgeDays", age));
      }
    }

    assertSameResultsAsCamundasEngine("identity-documents", inputs);
    assertThat(results("identity-documents", Variables.putValue("documentType", "RESIDENT_RECORD")))
        .containsExactly(accepted(6, null));
    assertThat(results("identity-documents", Variables.putValue("documentType", "FAMILY_REGISTER_EXTRACT")))
        .containsExactly(accepted(3, null));
    assertThat(results("identity-documents", Variables.putValue("documentType", "SEAL_REGISTRATION_CERTIFICATE")))
        .containsExactly(accepted(3, null));
    assertThat(results("identity-documents", Variables.putValue("documentType", "HEALTH_INSURANCE_CARD")))
        .containsExactly(accepted(null, "2025-12-01"));
    assertThat(results("identity-documents", Variables.putValue("documentType", "PASSPORT")))
        .containsExactly(accepted(null, null));
    assertThat(results("identity-documents", Variables.putValue("documentType", "MY_NUMBER_CARD_BACK")))
        .extracting(result -> result.get("documentAccepted")).containsExactly(false);
  }

  private static Map<String, Object> accepted(Integer maximumAgeMonths, String acceptedUntil) {
    Map<String, Object> result = new java.util.HashMap<>();
    result.put("documentAccepted", true);
    result.put("maximumAgeMonths", maximumAgeMonths);
    result.put("acceptedUntil", acceptedUntil);
    return result;
  }

  @Test
  void replyLetter() {
    List<String> outcomes = withUnknownAndNull(IdentityOutcome.values());
    List<Boolean> dataFound = Arrays.asList(true, false, null);
    List<String> decisions = withUnknownAndNull(Decision.values());
    List<VariableMap> inputs = new ArrayList<>();
    for (String outcome : outcomes) {
      for (Boolean found : dataFound) {
        for (String type : REQUEST_TYPES) {
          for (String decision : decisions) {
            inputs.add(Variables.putValue("identityOutcome", outcome).putValue("dataFound", found)
                .putValue("requestType", type).putValue("decision", decision));
          }
        }
      }
    }

    assertSameResultsAsCamundasEngine("reply-letter", inputs);
    assertThat(results("reply-letter", Variables.putValue("identityOutcome", "VERIFIED").putValue("dataFound", true)
        .putValue("requestType", "DISCLOSURE").putValue("decision", "PARTIAL")))
        .containsExactly(Map.of("replyLetter", "PARTIAL_DISCLOSURE"));
  }

  private void assertSameResultsAsCamundasEngine(String decisionKey, List<VariableMap> inputs) {
    DmnDecision shipped = shippedDecision(decisionKey);
    for (VariableMap input : inputs) {
      assertThat(results(decisionKey, input)).as("%s with %s", decisionKey, input)
          .isEqualTo(CAMUNDAS_DMN_ENGINE.evaluateDecisionTable(shipped, input).getResultList());
    }
  }

  private List<Map<String, Object>> results(String decisionKey, VariableMap input) {
    return decisionService.evaluateDecisionTableByKey(decisionKey, input).getResultList();
  }

  private static DmnDecision shippedDecision(String decisionKey) {
    try (InputStream file = new ClassPathResource("processes/" + decisionKey + ".dmn").getInputStream()) {
      return CAMUNDAS_DMN_ENGINE.parseDecision(decisionKey, file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> withUnknownAndNull(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    Arrays.stream(values).forEach(value -> names.add(value.name()));
    names.add("UNKNOWN");
    names.add(null);
    return names;
  }
}
