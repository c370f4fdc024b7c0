package ec.gob.iess.claveempleador.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UrlPathHelper;

/**
 * Some refusals happen before any controller is chosen (no such path, method or media type), so no
 * controller advice sees them. Under {@code /api/} they get the same problem details as everything else,
 * instead of the servlet container's error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final ApiExceptionHandler exceptionHandler;
    private final ObjectMapper objectMapper;

    ApiWebConfiguration(ApiExceptionHandler exceptionHandler, ObjectMapper objectMapper) {
        this.exceptionHandler = exceptionHandler;
        this.objectMapper = objectMapper;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new ApiPathExceptionResolver(exceptionHandler, objectMapper));
    }

    static final class ApiPathExceptionResolver implements HandlerExceptionResolver {

        private static final Logger log = LoggerFactory.getLogger(ApiPathExceptionResolver.class);
        private static final UrlPathHelper PATHS = new UrlPathHelper();

        private final ApiExceptionHandler exceptionHandler;
        private final ObjectMapper objectMapper;

        ApiPathExceptionResolver(ApiExceptionHandler exceptionHandler, ObjectMapper objectMapper) {
            this.exceptionHandler = exceptionHandler;
            this.objectMapper = objectMapper;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            String path = PATHS.getPathWithinApplication(request);
            boolean apiPath = path.equals("/api") || path.startsWith("/api/");
            // The API's own controllers are the advice's business; this resolver only covers what they never saw.
            if (!apiPath || isApiController(handler) || !(ex instanceof ErrorResponse)) {
                return null;
            }
            try {
                ResponseEntity<Object> answer = exceptionHandler.handleException(ex, new ServletWebRequest(request, response));
                if (answer == null) {
                    return null;
                }
                response.setStatus(answer.getStatusCode().value());
                answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                if (answer.getBody() instanceof ProblemDetail problem && problem.getInstance() == null) {
                    problem.setInstance(URI.create(path));
                }
                objectMapper.writeValue(response.getOutputStream(), answer.getBody());
                return new ModelAndView();
            } catch (IOException e) {
                log.debug("Could not write the problem details of {}", path, e);
                return new ModelAndView();
            } catch (Exception e) {
                return null;
            }
        }

        private static boolean isApiController(Object handler) {
            return handler instanceof HandlerMethod method
                    && method.getBeanType().getPackageName().equals(ApiPathExceptionResolver.class.getPackageName());
        }
    }
}
