package ec.gob.iess.claveempleador.web;

import java.util.List;

import ec.gob.iess.claveempleador.config.Ecuador;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * Errors that no controller answers: Spring Boot's {@code /error} page (Spanish {@code templates/error.html})
 * and the requests Tomcat refuses before any servlet sees them (a bad request line, bad percent-encoding,
 * oversized headers).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPagesConfiguration {

    /** Boot's error controller, except that {@code /error} asked for directly is a page that does not exist. */
    @Bean
    BasicErrorController basicErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                              ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        return new DirectRequestsNotFound(errorAttributes, server, errorViewResolvers.orderedStream().toList());
    }

    static final class DirectRequestsNotFound extends BasicErrorController {

        DirectRequestsNotFound(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> errorViewResolvers) {
            super(errorAttributes, server.getError(), errorViewResolvers);
        }

        @Override
        protected HttpStatus getStatus(HttpServletRequest request) {
            // Without the container's error attributes there is no error to show (Boot would answer 500, "None").
            if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
            }
            return super.getStatus(request);
        }
    }

    /**
     * Replaces Tomcat's own error report, which names the exception and prints its stack trace, with a plain
     * Spanish page. Installed under the host's configured class name so that Tomcat adds no second report.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainTomcatErrorReports(MessageSource messages) {
        PlainErrorReportValve valve = new PlainErrorReportValve(
                messages.getMessage("portal.badRequest.title", null, Ecuador.SPANISH),
                messages.getMessage("portal.badRequest.lead", null, Ecuador.SPANISH),
                messages.getMessage("portal.home.link", null, Ecuador.SPANISH));
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
                host.getPipeline().addValve(valve);
            }
        });
    }

    /** First of all filters: a path that cannot be parsed never reaches Spring Security or the dispatcher. */
    @Bean
    FilterRegistrationBean<UnreadablePathFilter> unreadablePathFilter(MessageSource messages) {
        FilterRegistrationBean<UnreadablePathFilter> registration = new FilterRegistrationBean<>(new UnreadablePathFilter(
                PlainErrorReportValve.page(
                        messages.getMessage("portal.badRequest.title", null, Ecuador.SPANISH),
                        messages.getMessage("portal.badRequest.lead", null, Ecuador.SPANISH),
                        messages.getMessage("portal.home.link", null, Ecuador.SPANISH))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
