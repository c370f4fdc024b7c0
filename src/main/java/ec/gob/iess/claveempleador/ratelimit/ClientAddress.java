package ec.gob.iess.claveempleador.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address the per-client limits count against, for the API and the pages alike. It is the TCP peer: behind a reverse proxy or load
 * balancer that is the proxy itself, so there {@code server.forward-headers-strategy} must be set
 * ({@code native} or {@code framework}) for the servlet container to report the client from
 * {@code X-Forwarded-For}/{@code Forwarded}; without a trusted proxy those headers must not be honoured.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
