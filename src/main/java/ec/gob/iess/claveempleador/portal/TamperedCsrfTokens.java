package ec.gob.iess.claveempleador.portal;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default (masked) CSRF token handling, except that a tampered token is simply a wrong
 * one. The default throws when the unmasked bytes are not UTF-8 ("Decoding failed"), which turned an edited
 * form field into a 500; here it resolves to no token, so the post is refused like any stale form (403 page).
 */
final class TamperedCsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        masked.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        try {
            return masked.resolveCsrfTokenValue(request, token);
        } catch (IllegalArgumentException tampered) {
            return null;
        }
    }
}
