package ec.gob.iess.claveempleador.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal's controllers, templates and security chain over mocked use cases: every answer of the
 * use cases can be produced on demand. All portal web tests extend this class and share one context.
 */
@WebMvcTest(controllers = {HomeController.class, RecoveryPagesController.class, NewClavePagesController.class,
        SignInPagesController.class, DevMailboxController.class, CentresPagesController.class, CasePagesController.class},
        // the API's advice and MVC configuration belong to the API's slice
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "ec\\.gob\\.iess\\.claveempleador\\.api\\..*"))
@Import({PortalSecurityConfiguration.class, ErrorSummary.class, PortalWebTest.TestSupport.class})
abstract class PortalWebTest {

    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    static final String RECOVERY_ID = "6f1c2a7e-4b1d-4c3a-9a55-0d9d7f2b8e11";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RecoveryService recoveries;

    @MockitoBean
    SignInService signIn;

    @MockitoBean
    PasswordPolicy policy;

    @MockitoBean
    ThrottlePolicy throttle;

    @MockitoBean
    GreenMail mailServer;

    @MockitoBean
    AssistedCases cases;

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RecoveryProperties.class, CentresProperties.class})
    static class TestSupport {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
