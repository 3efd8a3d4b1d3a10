package jp.madoguchi.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Security guards the desk's own endpoints. Camunda's webapps and REST API keep their own security
 * (session login with CSRF protection for the webapps, HTTP Basic for {@code /engine-rest}), so Spring Security
 * stays out of their way.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  /** Who works the desk's letters: staff and managers (roles are Camunda groups, see the authentication provider). */
  private static final String[] DESK_ROLES = {DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS};

  @Bean
  @Order(1)
  SecurityFilterChain camundaOwnSecurity(HttpSecurity http) throws Exception {
    // servlet paths outside Spring MVC (the webapps' filters, Jersey): match on the plain request path
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(
            new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(session -> session.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * The intake API: public and stateless. No session and no CSRF token (no cookie authenticates a call); desk staff
   * may add HTTP Basic to register requests from other channels.
   */
  @Bean
  @Order(3)
  SecurityFilterChain intakeApiSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * The desk's own JSON API (the outbox's failed mail, for now): desk staff and managers, HTTP Basic, no session.
   * Without a session there is no CSRF token to check; the API's state-changing calls accept JSON only, which a
   * cross-site form cannot send.
   */
  @Bean
  @Order(5)
  SecurityFilterChain deskApiSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/desk/api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(DESK_ROLES))
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /** The API's description and Swagger UI are public, like the API they describe (ADR 0003). */
  @Bean
  @Order(4)
  SecurityFilterChain apiDocumentationSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * The pages: the public request and status pages need no login; the desk's pages need a member of the desk's
   * groups, logged in with the Camunda user. Every form carries a CSRF token.
   */
  @Bean
  @Order(10)
  SecurityFilterChain deskSecurity(HttpSecurity http) throws Exception {
    String[] staff = DeskGroups.REQUEST_STAFF.toArray(String[]::new);
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/", "/error", "/error/**", "/favicon.ico", "/css/**", "/images/**")
                    .permitAll()
                    .requestMatchers("/request", "/request/**", "/status", "/status/**")
                    .permitAll()
                    // a letter's download link: the random token in the address is the credential
                    .requestMatchers(HttpMethod.GET, "/letters/download/*")
                    .permitAll()
                    .requestMatchers("/desk/login")
                    .permitAll()
                    .requestMatchers("/desk/**")
                    .hasAnyRole(staff)
                    .anyRequest()
                    .authenticated())
        .formLogin(login -> login.loginPage("/desk/login").defaultSuccessUrl("/desk/requests/new"))
        // scripts and tools (e.g. fetching a letter's PDF to print) may log in with HTTP Basic instead; without
        // credentials, everyone is sent to the login page
        .httpBasic(basic -> basic.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/desk/login")))
        .logout(logout -> logout.logoutUrl("/desk/logout").logoutSuccessUrl("/desk/login?logout"))
        .exceptionHandling(errors -> errors.accessDeniedHandler(new UploadTooLargeAwareAccessDeniedHandler()))
        .build();
  }
}
