package ec.gob.iess.claveempleador.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The public API and its description. Anonymous by design (the rate limits protect it), stateless, and
 * without CSRF protection: the API neither sets nor reads cookies, so a forged cross-site request carries
 * no credential it could abuse. Its answers are data, never documents: their CSP lets nothing load or frame them
 * (Spring Security adds {@code nosniff}). Swagger UI gets a CSP of its own that lets it run from its own files:
 * no inline or foreign script; inline styles only because the UI sets style attributes from script.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .addHeaderWriter(contentSecurityPolicy(new NegatedRequestMatcher(swaggerUi()), API_CONTENT_SECURITY_POLICY))
                        .addHeaderWriter(contentSecurityPolicy(swaggerUi(), SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                .build();
    }

    private static RequestMatcher swaggerUi() {
        return PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    }

    private static DelegatingRequestMatcherHeaderWriter contentSecurityPolicy(RequestMatcher requests, String policy) {
        return new DelegatingRequestMatcherHeaderWriter(requests, new StaticHeadersWriter("Content-Security-Policy", policy));
    }
}
