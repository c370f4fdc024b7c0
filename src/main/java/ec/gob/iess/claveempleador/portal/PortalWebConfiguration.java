package ec.gob.iess.claveempleador.portal;

import java.time.Duration;

import ec.gob.iess.claveempleador.config.Ecuador;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language of the pages: Spanish (Ecuador) unless the employer chose English with {@code ?lang=en},
 * which a cookie remembers for the following pages.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("clave-idioma");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        // A cookie edited by hand to something that is no language falls back to Spanish instead of failing the page.
        resolver.setRejectInvalidCookies(false);
        // Pages are Spanish whatever the browser says; API clients keep choosing with Accept-Language.
        resolver.setDefaultLocaleFunction(request ->
                request.getRequestURI().startsWith(request.getContextPath() + "/api/") && request.getHeader("Accept-Language") != null
                        ? request.getLocale()
                        : Ecuador.SPANISH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).addPathPatterns(PortalSecurityConfiguration.PAGE_PATTERNS);
    }
}
