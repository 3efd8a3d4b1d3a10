package jp.madoguchi.security;

import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Puts every process instance of a My Number request into the engine tenant
 * {@value DeskGroups#SPECIFIC_INFORMATION_TENANT}: the request's own instance (from its start variable
 * {@code personalInformationKind = SPECIFIC}), the instances of its call activities (from the calling instance),
 * and so its tasks, jobs, history and decisions. The engine then hides all of them from users who are not members of
 * that tenant, in Tasklist, Cockpit and the REST API alike, with a plain column condition on every query.
 *
 * <p>The models stay shared (deployed without a tenant): designers change one set of models for both kinds of
 * request, and nothing in a model has to name the tenant. See ADR 0014.
 */
@Component
class SpecificInformationTenant extends AbstractProcessEnginePlugin implements TenantIdProvider {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    DelegateExecution caller = context.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    Object kind = context.getVariables() == null
        ? null
        : context.getVariables().get(RequestFacts.PERSONAL_INFORMATION_KIND.name());
    return PersonalInformationKind.SPECIFIC.name().equals(kind) ? DeskGroups.SPECIFIC_INFORMATION_TENANT : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }
}
