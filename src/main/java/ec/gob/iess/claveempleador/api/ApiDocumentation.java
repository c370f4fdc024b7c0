package ec.gob.iess.claveempleador.api;

import java.util.List;
import java.util.Optional;

import ec.gob.iess.claveempleador.recovery.OtpCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html} (paths in application.yaml). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI claveEmpleadorOpenApi() {
        return new OpenAPI().info(new Info()
                .title("IESS – Recuperación de clave de empleador")
                .version("1")
                .description("""
                        API pública para que un empleador recupere su clave de empleador del IESS: valida RUC, sucursal y \
                        cédula del representante legal, envía un código de %d dígitos al correo registrado (válido 3 minutos, \
                        3 intentos) y luego un enlace de un solo uso (válido 3 minutos) para crear la nueva clave. Los casos \
                        que no pueden terminar en línea (RUC suspendido o cerrado, sin correo válido, primera clave) se \
                        atienden en un Centro de Atención Universal.

                        Los errores son *problem details* (RFC 9457, `application/problem+json`) con un `code` estable; \
                        `detail` está en español, o en inglés con `Accept-Language: en`. Las llamadas están limitadas por \
                        empleador y por dirección del cliente: al pasar el límite la respuesta es 429 con `Retry-After`.""".formatted(OtpCode.LENGTH))
                .license(new License().name("Uso interno del IESS")))
                // Relative to the description itself: springdoc would otherwise write the request's Host header here.
                .servers(List.of(new Server().url("/")));
    }

    /** The example of a code has as many digits as a code. */
    @Bean
    OpenApiCustomizer otpCodeExample() {
        return openApi -> Optional.ofNullable(openApi.getComponents())
                .map(components -> components.getSchemas().get("OtpRequest"))
                .map(schema -> (Schema<?>) schema.getProperties().get("code"))
                .ifPresent(code -> code.setExample(OtpCode.example()));
    }
}
