package ec.gob.iess.claveempleador.portal;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The portal's own chain: anonymous pages, CSRF on every form, a CSP that allows no inline script or
 * style, no referrer (the link page carries a token in its URL) and no caching (Spring Security's default
 * {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate}: code and link pages must not be
 * kept by the browser or a proxy).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String[] PAGE_PATTERNS = {"/", "/recuperar-clave/**", "/ingreso/**", "/dev/**"};
    static final String[] ASSET_PATTERNS = {"/css/**", "/js/**", "/img/**", "/favicon.ico"};
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    /** Where a refused form post (missing or stale CSRF token, e.g. an old tab) is explained. */
    static final String SESSION_EXPIRED_PAGE = "/recuperar-clave/sesion-caducada";

    @Bean
    @Order(20)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        AccessDeniedHandlerImpl staleForm = new AccessDeniedHandlerImpl();
        staleForm.setErrorPage(SESSION_EXPIRED_PAGE);
        return http
                .securityMatcher(portalPaths())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new TamperedCsrfTokens()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(staleForm))
                .build();
    }

    private static RequestMatcher portalPaths() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(concat(PAGE_PATTERNS, ASSET_PATTERNS))
                .map(pattern -> (RequestMatcher) paths.matcher(pattern))
                .toList());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
