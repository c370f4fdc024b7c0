package ec.gob.iess.claveempleador.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie set on an HTTPS request is {@code Secure}. The portal's session cookie already follows the
 * request (Spring Session), but Camunda's {@code XSRF-TOKEN} cookie is Secure only by a fixed setting,
 * which would break it over plain HTTP; this makes it follow the request too. Behind a TLS-terminating
 * proxy the request counts as HTTPS once {@code server.forward-headers-strategy} trusts the proxy's headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecureCookiesOnHttps extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.isSecure();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new SecureCookies(response));
    }

    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
        }

        private static String secured(String name, String value) {
            if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)
                    || value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?")) {
                return value;
            }
            return value + "; Secure";
        }
    }
}
