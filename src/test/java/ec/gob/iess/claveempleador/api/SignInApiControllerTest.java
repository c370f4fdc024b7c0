package ec.gob.iess.claveempleador.api;

import static ec.gob.iess.claveempleador.api.RecoveryApiControllerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;

import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(controllers = {RecoveryApiController.class, SignInApiController.class})
@Import({ApiProblems.class, ApiSecurityConfiguration.class})
class SignInApiControllerTest {

    static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    RecoveryService recoveries;

    @MockitoBean
    SignInService signIn;

    @MockitoBean
    ThrottlePolicy throttle;

    @MockitoBean
    PasswordPolicy policy;

    MvcTestResult signIn(String json) {
        return mvc.post().uri("/api/sign-in").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void rightClaveAnswers200() {
        given(signIn.signIn(ANDINA, "tortuga violeta cruza el puente del Guayas")).willReturn(true);

        MvcTestResult result = signIn("""
                {"ruc": "1790012344001", "sucursal": "0001", "password": "tortuga violeta cruza el puente del Guayas"}""");

        assertThat(result).hasStatus(200).bodyJson().isStrictlyEqualTo("{\"status\": \"SIGNED_IN\"}");
        verify(throttle).beforeSignIn(eq(ANDINA), anyString());
        verify(throttle).afterSignIn(eq(ANDINA), anyString(), eq(true));
    }

    @Test
    void wrongClaveAnswers401Problem() {
        given(signIn.signIn(any(), anyString())).willReturn(false);

        MvcTestResult result = signIn("""
                {"ruc": "1790012344001", "sucursal": "0001", "password": "otra clave cualquiera"}""");

        assertProblem(result, 401, "SIGN_IN_FAILED");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("El RUC, la sucursal o la clave no son correctos.");
        verify(throttle).afterSignIn(eq(ANDINA), anyString(), eq(false));
    }

    @Test
    void invalidRucAnswers400WithoutTryingTheClave() {
        MvcTestResult result = signIn("""
                {"ruc": "1790012344", "sucursal": "0001", "password": "x"}""");

        assertProblem(result, 400, "VALIDATION_FAILED");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ruc");
        verifyNoInteractions(signIn);
    }

    @Test
    void overlongPasswordAnswers400() {
        MvcTestResult result = signIn("""
                {"ruc": "1790012344001", "sucursal": "0001", "password": "%s"}""".formatted("p".repeat(513)));

        assertProblem(result, 400, "VALIDATION_FAILED");
        assertThat(result).bodyJson().extractingPath("$.errors[0].code").isEqualTo("LENGTH");
        verifyNoInteractions(signIn);
    }

    @Test
    void aClientThatMustStillWaitAnswers429WithRetryAfter() {
        willThrow(new RateLimitExceededException(RateLimit.SIGN_IN_DELAY, Duration.ofMinutes(14)))
                .given(throttle).beforeSignIn(eq(ANDINA), anyString());

        MvcTestResult result = signIn("""
                {"ruc": "1790012344001", "sucursal": "0001", "password": "otra clave cualquiera"}""");

        assertProblem(result, 429, "RATE_LIMITED");
        assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "840");
        verifyNoInteractions(signIn);
    }
}
