package ec.gob.iess.claveempleador.network;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code clave.network.staff-port} set, the engine REST API, the Camunda webapps, the actuator and the
 * operators' endpoints ({@code /operator}) move to a second Tomcat connector on that port, and the public port answers 404 for them, as if they did not
 * exist. A deployment then publishes only the server port; staff and monitoring reach the other one from
 * the internal network. The gate runs before every other filter (Camunda's and Spring Security's), so not
 * even a sign-in attempt reaches the staff surfaces through the public port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("clave.network.staff-port")
class StaffPortConfiguration {

    /** The staff and operator surfaces, as servlet URL patterns. */
    static final List<String> STAFF_PATHS = List.of("/engine-rest/*", "/camunda/*", "/actuator/*", "/operator/*");

    private final Connector staffConnector;

    StaffPortConfiguration(NetworkProperties properties) {
        this.staffConnector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        this.staffConnector.setPort(properties.staffPort());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> staffConnector() {
        return factory -> factory.addAdditionalTomcatConnectors(staffConnector);
    }

    @Bean
    FilterRegistrationBean<StaffPortGate> staffPortGate() {
        FilterRegistrationBean<StaffPortGate> registration = new FilterRegistrationBean<>(new StaffPortGate(staffConnector));
        registration.setName("staff-port-gate");
        registration.setUrlPatterns(STAFF_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Lets staff paths through only when the request came in on the staff connector. */
    static final class StaffPortGate extends OncePerRequestFilter {

        private final Connector staffConnector;

        StaffPortGate(Connector staffConnector) {
            this.staffConnector = staffConnector;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // The local port is the socket's: no header (X-Forwarded-Port, Host) can change it.
            if (request.getLocalPort() != staffConnector.getLocalPort()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
