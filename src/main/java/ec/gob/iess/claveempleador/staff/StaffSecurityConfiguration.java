package ec.gob.iess.claveempleador.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who guards the staff surfaces. Camunda does, not Spring Security: the engine REST API checks HTTP Basic
 * against the Camunda identity service (then the engine's authorizations apply to the user), and the
 * webapps keep their own login, session and CSRF filter. Spring Security only lets these paths through
 * (with its headers) and stays out of their CSRF handling, which would otherwise reject the webapps'
 * and API clients' POSTs a second time with a token they do not know. One addition: the Cockpit and
 * Admin plugin APIs also require access to their app ({@link WebappPluginGate}). Another: Camunda's setup
 * endpoint, which lets anyone create the first administrator while none exists, is closed in every profile
 * and whatever the database holds: our administrator comes from configuration, and the application does not
 * start without one ({@link AdministratorRequired}). And the engine's jobs are the administrators' alone
 * ({@link JobsForAdministrators}), checked after the engine's authentication has named the caller.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest";
    static final String SETUP = "/camunda/api/admin/setup/**";

    @Bean
    @Order(30)
    SecurityFilterChain staffChain(HttpSecurity http) throws Exception {
        return http
                // Whole-path matchers: these paths belong to Camunda's Jersey servlets, not to the DispatcherServlet,
                // so Spring MVC's path matching (the String overload's default) would never see them.
                .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(ENGINE_REST + "/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(SETUP)).denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new WebappPluginGate(), AuthorizationFilter.class)
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(ENGINE_REST + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JobsForAdministrators> jobsForAdministrators(IdentityService identity, MessageSource messages, ObjectMapper json) {
        FilterRegistrationBean<JobsForAdministrators> registration = new FilterRegistrationBean<>(new JobsForAdministrators(identity, messages, json));
        registration.setName("jobs-for-administrators");
        registration.addUrlPatterns(ENGINE_REST + "/*", "/camunda/api/engine/*");
        // after the engine's authentication, whose user it asks about
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
