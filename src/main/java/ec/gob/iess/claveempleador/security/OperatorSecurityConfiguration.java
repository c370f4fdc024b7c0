package ec.gob.iess.claveempleador.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The actuator: health and info stay open for load balancers; metrics (and Prometheus) are for operators,
 * who sign in with HTTP Basic as Camunda administrators, the same accounts as Cockpit. So are the operators' own
 * endpoints under {@code /operator} (an employer's audit trail).
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    static final String OPERATOR_PATHS = "/operator/**";

    @Bean
    @Order(40)
    SecurityFilterChain operatorChain(HttpSecurity http, IdentityService identity) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                        PathPatternRequestMatcher.withDefaults().matcher(OPERATOR_PATHS)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .authenticationManager(new ProviderManager(new CamundaAdministrators(identity)))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Checks the password against Camunda's identity service; members of camunda-admin are operators. */
    static final class CamundaAdministrators implements AuthenticationProvider {

        private final IdentityService identity;

        CamundaAdministrators(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String user = authentication.getName();
            Object password = authentication.getCredentials();
            if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
                throw new BadCredentialsException("bad credentials");
            }
            boolean administrator = identity.createGroupQuery().groupMember(user).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
            return UsernamePasswordAuthenticationToken.authenticated(user, null,
                    administrator ? List.of(new SimpleGrantedAuthority("ROLE_" + OPERATOR)) : List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
