package ec.gob.iess.claveempleador.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads it, a path that Spring's path matching cannot parse: Tomcat strips path
 * parameters ({@code /api/recoveries/;x=1%/otp}) without decoding them, and Spring decodes them later, outside any
 * error handling, so a broken percent-escape there failed the request with a 500. It is the client's mistake: 400.
 */
final class UnreadablePathFilter extends OncePerRequestFilter {

    private final String page;

    UnreadablePathFilter(String page) {
        this.page = page;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            RequestPath.parse(request.getRequestURI(), request.getContextPath());
        } catch (IllegalArgumentException unreadable) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
