package jp.madoguchi.security;

import java.util.Locale;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Security guards the desk's own endpoints. Camunda's webapps and REST API keep their own security
 * (session login with CSRF protection for the webapps, HTTP Basic for {@code /engine-rest}), so Spring Security
 * stays out of their way; the webapps' headers are set in application.yaml
 * ({@code camunda.bpm.webapp.header-security}).
 *
 * <p>Every answer of ours, error pages included, carries the same security headers: a content security policy that
 * lets a page load only what comes from this application (its style sheet; our pages have no script at all), no
 * Referer to anyone (a letter's download link carries its token), no access to camera, microphone, location and
 * the like, and Spring Security's defaults (nosniff, {@code X-Frame-Options: DENY}, HSTS over HTTPS, no caching).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  private static final String CONTENT_SECURITY_POLICY_HEADER = "Content-Security-Policy";

  /** Who works the desk's letters: staff and managers (roles are Camunda groups, see the authentication provider). */
  private static final String[] DESK_ROLES = {DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS};

  /**
   * Our pages and APIs: this application's own files only, no inline script or style (there is none to allow), no
   * plug-ins, no {@code <base>} elsewhere, forms posted only here, and never shown in another site's frame.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  /**
   * Swagger UI (springdoc's copy): the same, except that its style sheet draws its icons as {@code data:} images and
   * its script adds one style element, allowed by its hash (a new Swagger UI may change it:
   * ContentSecurityPolicyBrowserTest then names the new hash). Its page has no inline script; springdoc serves its
   * configuration as a script file.
   */
  static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; object-src 'none'; "
      + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * A PDF of ours (a letter to print, a letter downloaded by its link): nothing loads from it and it goes nowhere,
   * except that Chromium shows a PDF with a viewer it embeds as a plug-in, which {@code object-src 'none'} would
   * stop.
   */
  static final String PDF_CONTENT_SECURITY_POLICY = "default-src 'none'; object-src 'self'; base-uri 'none'; "
      + "form-action 'none'; frame-ancestors 'none'";

  /** Nothing of ours uses a device or sensor of the visitor's, nor lets a page of another site do it. */
  static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
      + "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), "
      + "usb=()";

  /** HSTS for a year (browsers heed it over HTTPS only), for this host alone: the company's other hosts are not ours. */
  private static final long HSTS_SECONDS = 365L * 24 * 60 * 60;

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
        .headers(ourHeaders(CONTENT_SECURITY_POLICY))
        .build();
  }

  /**
   * The register of third-party provision records receives records from the company's systems: HTTP Basic of a
   * member of {@code provision-recorders} or a manager, stateless; anonymous callers get 401. Ahead of the public
   * intake chain, whose {@code /api/**} would otherwise let them through.
   */
  @Bean
  @Order(2)
  SecurityFilterChain provisionRecordsApiSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/provision-records", "/api/provision-records/**")
        .authorizeHttpRequests(requests -> requests.anyRequest()
            .hasAnyRole(DeskGroups.PROVISION_RECORDERS, DeskGroups.PRIVACY_MANAGERS))
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(ourHeaders(CONTENT_SECURITY_POLICY))
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
        .headers(ourHeaders(CONTENT_SECURITY_POLICY))
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
        .headers(ourHeaders(CONTENT_SECURITY_POLICY))
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
        .headers(ourHeaders(SWAGGER_UI_CONTENT_SECURITY_POLICY))
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
                    // the published items about personal data (APPI Art 32(1)), linked from the privacy policy
                    .requestMatchers(HttpMethod.GET, "/notice")
                    .permitAll()
                    // a letter's download link: the random token in the address is the credential
                    .requestMatchers(HttpMethod.GET, "/letters/download/*", "/letters/download/*/archive")
                    .permitAll()
                    .requestMatchers("/desk/login")
                    .permitAll()
                    // the register of third-party provision records, its search and import: managers only
                    .requestMatchers("/desk/provision-records", "/desk/provision-records/**")
                    .hasRole(DeskGroups.PRIVACY_MANAGERS)
                    // the data inventory: the desk reads it, managers change it
                    .requestMatchers(HttpMethod.POST, "/desk/inventory/**")
                    .hasRole(DeskGroups.PRIVACY_MANAGERS)
                    // a system's search sheet: also the system's owning group (any Camunda group, named in the
                    // data inventory); the page itself lets in only that group and the desk (search.SearchSheets)
                    .requestMatchers("/desk/requests/*/search/*")
                    .authenticated()
                    .requestMatchers("/desk/**")
                    .hasAnyRole(staff)
                    .anyRequest()
                    .authenticated())
        .formLogin(login -> login.loginPage("/desk/login").successHandler(new DeskLanding()))
        // scripts and tools (e.g. fetching a letter's PDF to print) may log in with HTTP Basic instead; without
        // credentials, everyone is sent to the login page
        .httpBasic(basic -> basic.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/desk/login")))
        .logout(logout -> logout.logoutUrl("/desk/logout").logoutSuccessUrl("/desk/login?logout"))
        .exceptionHandling(errors -> errors.accessDeniedHandler(new UploadTooLargeAwareAccessDeniedHandler()))
        .headers(ourHeaders(CONTENT_SECURITY_POLICY))
        .build();
  }

  private static Customizer<HeadersConfigurer<HttpSecurity>> ourHeaders(String contentSecurityPolicy) {
    return headers -> headers
        .addHeaderWriter(contentSecurityPolicy(contentSecurityPolicy))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
        .frameOptions(frames -> frames.deny())
        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(false));
  }

  /**
   * Written when the answer is committed, so the policy can follow what the answer is: a PDF gets its own. An answer
   * that already has a policy keeps it (a document of a request file is shown in a sandbox of its own).
   */
  private static HeaderWriter contentSecurityPolicy(String pagePolicy) {
    return (request, response) -> {
      if (response.containsHeader(CONTENT_SECURITY_POLICY_HEADER)) {
        return;
      }
      String type = response.getContentType();
      boolean pdf = type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_PDF_VALUE);
      response.setHeader(CONTENT_SECURITY_POLICY_HEADER, pdf ? PDF_CONTENT_SECURITY_POLICY : pagePolicy);
    };
  }
}
