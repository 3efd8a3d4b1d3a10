package jp.madoguchi.intake;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language of the pages and the API, and the description of the API. */
@Configuration(proxyBeanMethods = false)
class IntakeWebConfiguration implements WebMvcConfigurer {

  /** The bean name is the one DispatcherServlet looks for. */
  @Bean
  LocaleResolver localeResolver() {
    return new DeskLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
    languageSwitch.setParamName("lang");
    languageSwitch.setIgnoreInvalidLocale(true);
    // the APIs are stateless: their language comes from Accept-Language on every call (and reading a parameter
    // would make the servlet container parse a multipart body the disclosure package API streams itself)
    registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**", "/desk/api/**");
  }

  @Bean
  OpenAPI intakeApiDescription() {
    return new OpenAPI().info(new Info()
        .title("Madoguchi intake API / 個人情報開示等請求 受付API")
        .version("1")
        .description("""
            Submit a request about personal data under the APPI (purpose notification, disclosure, disclosure of \
            third-party records, correction, suspension) or a complaint, send documents, and look up where a \
            request stands. No login is needed: a submission answers with a reference number and a status token, \
            and the token is the requester's key to the request. Errors are RFC 9457 problem details with a list \
            `errors` of `{field, message}` in the caller's language (Accept-Language: ja or en). \
            Desk staff may authenticate with HTTP Basic (their Camunda user) to register requests received by \
            other channels with an earlier arrival date.
            
            個人情報の利用目的の通知・開示・第三者提供記録の開示・訂正・利用停止等の請求、苦情・相談を受け付けます。"""));
  }
}
