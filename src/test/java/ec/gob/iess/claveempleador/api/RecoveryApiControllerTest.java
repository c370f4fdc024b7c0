package ec.gob.iess.claveempleador.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.Language;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeNotAwaited;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResent;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeSuperseded;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.DataMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryNotFound;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendTooSoon;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendsUsedUp;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.CapturedLog;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every answer of the recovery endpoints, as the web layer gives it; the use cases are mocked. */
@WebMvcTest(controllers = {RecoveryApiController.class, SignInApiController.class})
@Import({ApiProblems.class, ApiSecurityConfiguration.class})
class RecoveryApiControllerTest {

    static final String ID = "0b5f6d9e-8a7c-4f21-9d3e-2c1b0a998877";
    static final Instant EXPIRY = Instant.parse("2026-11-25T18:33:00Z");
    static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();
    static final String ANDINA_START = """
            {"ruc": "1790012344001", "sucursal": "0001", "representativeId": "1712345675"}""";

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

    @BeforeEach
    void policyLengths() {
        given(policy.minLength()).willReturn(15);
        given(policy.maxLength()).willReturn(128);
    }

    MvcTestResult post(String path, String json) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult postInEnglish(String path, String json) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
                .content(json).exchange();
    }

    static void assertProblem(MvcTestResult result, int status, String code) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
    }

    @Nested
    class Start {

        @Test
        void matchingDataAnswers201WithMaskedEmailAndCodeExpiry() {
            given(recoveries.start(ANDINA, DemoEmployers.ANDINA.representative(), Language.SPANISH))
                    .willReturn(new AwaitingOtp(ID, "t***@comercial-andina.example", EXPIRY));

            MvcTestResult result = post("/api/recoveries", ANDINA_START);

            assertThat(result).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON)
                    .hasHeader(HttpHeaders.LOCATION, "/api/recoveries/" + ID);
            assertThat(result).bodyJson().isStrictlyEqualTo("""
                    {"recoveryId": "%s", "status": "AWAITING_OTP", "maskedEmail": "t***@comercial-andina.example",
                     "expiresAt": "2026-11-25T18:33:00Z"}""".formatted(ID));
            verify(throttle).beforeRecoveryStart(eq(ANDINA), eq(DemoEmployers.ANDINA.representative()), anyString());
        }

        @Test
        void aCallInEnglishStartsARecoveryInEnglishAndOneWithoutALanguageInSpanish() {
            given(recoveries.start(any(), any(), any())).willReturn(new AwaitingOtp(ID, "t***@comercial-andina.example", EXPIRY));

            assertThat(postInEnglish("/api/recoveries", ANDINA_START)).hasStatus(201);
            assertThat(post("/api/recoveries", ANDINA_START)).hasStatus(201);

            verify(recoveries).start(ANDINA, DemoEmployers.ANDINA.representative(), Language.ENGLISH);
            verify(recoveries).start(ANDINA, DemoEmployers.ANDINA.representative(), Language.SPANISH);
        }

        @Test
        void suspendedRucAnswers201WithCaseNumberAndWhatToBring() {
            EmployerKey pesquera = DemoEmployers.PESQUERA.key();
            given(recoveries.start(pesquera, DemoEmployers.PESQUERA.representative(), Language.SPANISH))
                    .willReturn(new AssistedPending(ID, AssistedReason.RUC_SUSPENDED, "CAU-2026-7KQ4M9XD"));

            MvcTestResult result = post("/api/recoveries", """
                    {"ruc": "0990123454001", "sucursal": "0001", "representativeId": "0922334453"}""");

            assertThat(result).hasStatus(201).hasHeader(HttpHeaders.LOCATION, "/api/recoveries/" + ID);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("ASSISTED_PENDING");
            assertThat(result).bodyJson().extractingPath("$.reason").isEqualTo("RUC_SUSPENDED");
            assertThat(result).bodyJson().extractingPath("$.caseNumber").isEqualTo("CAU-2026-7KQ4M9XD");
            assertThat(result).bodyJson().extractingPath("$.instructions").asString()
                    .startsWith("El RUC está suspendido en el SRI.")
                    .contains("Centro de Atención Universal", "CAU-2026-7KQ4M9XD", "Qué debe llevar: Cédula", "certificado del RUC");
        }

        @Test
        void assistedInstructionsAreInEnglishWhenAskedFor() {
            given(recoveries.start(any(), any(), any())).willReturn(new AssistedPending(ID, AssistedReason.NO_VALID_EMAIL, "CAU-2026-22222222"));

            MvcTestResult result = postInEnglish("/api/recoveries", ANDINA_START);

            assertThat(result).bodyJson().extractingPath("$.instructions").asString()
                    .startsWith("There is no valid e-mail address on record")
                    .contains("service centre", "CAU-2026-22222222", "What to bring: The legal representative's ID card");
        }

        @Test
        void mismatchAnswers422WithNeutralSpanishDetail() {
            given(recoveries.start(any(), any(), any())).willReturn(new DataMismatch());

            MvcTestResult result = post("/api/recoveries", ANDINA_START);

            assertProblem(result, 422, "DATA_MISMATCH");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("Los datos ingresados no coinciden");
            assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/recoveries");
        }

        @Test
        void mismatchDetailIsEnglishWithAcceptLanguageEn() {
            given(recoveries.start(any(), any(), any())).willReturn(new DataMismatch());

            MvcTestResult result = postInEnglish("/api/recoveries", ANDINA_START);

            assertProblem(result, 422, "DATA_MISMATCH");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("The data you entered does not match");
        }

        @Test
        void malformedFieldsAnswer400WithOneErrorPerField() {
            MvcTestResult result = post("/api/recoveries", """
                    {"ruc": "179001234400", "representativeId": "17123456ab"}""");

            assertProblem(result, 400, "VALIDATION_FAILED");
            assertThat(result).bodyJson().extractingPath("$.errors[*].field").isEqualTo(List.of("representativeId", "ruc", "sucursal"));
            assertThat(result).bodyJson().extractingPath("$.errors[*].code").isEqualTo(List.of("FORMAT", "FORMAT", "REQUIRED"));
            assertThat(result).bodyJson().extractingPath("$.errors[1].message").asString().contains("13 dígitos");
            verifyNoInteractions(recoveries);
        }

        @Test
        void checkDigitFailuresAnswer400NotMismatch() {
            MvcTestResult result = post("/api/recoveries", """
                    {"ruc": "1790012344001", "sucursal": "0001", "representativeId": "1712345676"}""");

            assertProblem(result, 400, "VALIDATION_FAILED");
            assertThat(result).bodyJson().extractingPath("$.errors").isEqualTo(List.of(Map.of(
                    "field", "representativeId", "code", "CHECK_DIGIT", "message", "La cédula no es válida: revise los dígitos.")));
            verifyNoInteractions(recoveries);
        }

        @Test
        void identityErrorsOfSeveralFieldsAreReportedTogether() {
            MvcTestResult result = postInEnglish("/api/recoveries", """
                    {"ruc": "3390012344001", "sucursal": "0000", "representativeId": "1712345676"}""");

            assertProblem(result, 400, "VALIDATION_FAILED");
            assertThat(result).bodyJson().extractingPath("$.errors[*].code").isEqualTo(List.of("CHECK_DIGIT", "PROVINCE", "SUCURSAL"));
            assertThat(result).bodyJson().extractingPath("$.errors[2].message").isEqualTo("Branch 0000 does not exist.");
        }

        @Test
        void domesticServiceEmployerWithAnotherSucursalAnswers400() {
            MvcTestResult result = post("/api/recoveries", """
                    {"ruc": "0912345675000", "sucursal": "0002", "representativeId": "0912345675"}""");

            assertProblem(result, 400, "VALIDATION_FAILED");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("sucursal");
            assertThat(result).bodyJson().extractingPath("$.errors[0].code").isEqualTo("DOMESTIC_SERVICE_SUCURSAL");
        }

        @Test
        void malformedJsonAnswers400() {
            MvcTestResult result = post("/api/recoveries", "{\"ruc\": ");

            assertProblem(result, 400, "MALFORMED_REQUEST");
        }

        @Test
        void fieldOfTheWrongJsonTypeAnswers400() {
            MvcTestResult result = post("/api/recoveries", "{\"ruc\": {\"a\": 1}, \"sucursal\": \"0001\", \"representativeId\": \"1712345675\"}");

            assertProblem(result, 400, "MALFORMED_REQUEST");
        }

        @Test
        void formEncodedBodyAnswers415() {
            MvcTestResult result = mvc.post().uri("/api/recoveries").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("ruc=1790012344001").exchange();

            assertProblem(result, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Envíe el cuerpo como application/json.");
        }

        @Test
        void tooManyStartsAnswer429WithRetryAfterInSeconds() {
            willThrow(new RateLimitExceededException(RateLimit.RECOVERY_START_PER_EMPLOYER, Duration.ofSeconds(600).plusMillis(300)))
                    .given(throttle).beforeRecoveryStart(any(), any(), anyString());

            MvcTestResult result = post("/api/recoveries", ANDINA_START);

            assertProblem(result, 429, "RATE_LIMITED");
            assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "601");
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Demasiadas solicitudes. Vuelva a intentarlo en 11 minutos.");
            verifyNoInteractions(recoveries);
        }
    }

    @Nested
    class Code {

        static final String OTP = "/api/recoveries/" + ID + "/otp";
        static final OtpCode CODE = OtpCode.parse(OtpCode.example()).orElseThrow();
        static final String CODE_BODY = "{\"code\": \"" + OtpCode.example() + "\"}";

        @Test
        void acceptedCodeAnswers200WithLinkExpiry() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeAccepted(ID, EXPIRY));

            MvcTestResult result = post(OTP, CODE_BODY);

            assertThat(result).hasStatus(200).bodyJson().isStrictlyEqualTo("""
                    {"status": "AWAITING_NEW_PASSWORD", "expiresAt": "2026-11-25T18:33:00Z"}""");
            verify(throttle).beforeCodeAttempt(anyString());
        }

        @Test
        void aCodePastedWithSpacesIsTheSameCode() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeAccepted(ID, EXPIRY));
            String digits = OtpCode.example();

            MvcTestResult result = post(OTP, "{\"code\": \" " + digits.substring(0, 3) + " " + digits.substring(3) + " \"}");

            assertThat(result).hasStatus(200);
        }

        @Test
        void wrongCodeAnswers422WithAttemptsLeft() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeInvalid(2));

            MvcTestResult result = post(OTP, CODE_BODY);

            assertProblem(result, 422, "OTP_INVALID");
            assertThat(result).bodyJson().extractingPath("$.attemptsLeft").isEqualTo(2);
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("El código no es correcto. Le quedan 2 intentos.");
        }

        @Test
        void wrongCodeDetailCountsAttemptsInEnglish() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeInvalid(1));

            MvcTestResult result = postInEnglish(OTP, CODE_BODY);

            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The code is not correct. 1 attempt left.");
        }

        @Test
        void expiredCodeAnswers410() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeExpired());

            assertProblem(post(OTP, CODE_BODY), 410, "OTP_EXPIRED");
        }

        @Test
        void lockedRecoveryAnswers410() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeLocked());

            assertProblem(post(OTP, CODE_BODY), 410, "OTP_LOCKED");
        }

        @Test
        void codeForARecoveryThatANewerRequestReplacedAnswers410Superseded() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeSuperseded());

            MvcTestResult result = post(OTP, CODE_BODY);

            assertProblem(result, 410, "RECOVERY_SUPERSEDED");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("Pidió un código más nuevo");
        }

        @Test
        void unknownRecoveryAnswers404() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new RecoveryNotFound());

            assertProblem(post(OTP, CODE_BODY), 404, "RECOVERY_NOT_FOUND");
        }

        @Test
        void upperCaseRecoveryIdFindsTheSameRecovery() {
            given(recoveries.submitCode(new RecoveryId(ID), CODE)).willReturn(new CodeLocked());

            assertProblem(post("/api/recoveries/" + ID.toUpperCase() + "/otp", CODE_BODY), 410, "OTP_LOCKED");
        }

        @Test
        void recoveryIdThatIsNoUuidAnswers404WithoutCounting() {
            MvcTestResult result = post("/api/recoveries/1-1-1-1-1/otp", CODE_BODY);

            assertProblem(result, 404, "RECOVERY_NOT_FOUND");
            verifyNoInteractions(recoveries, throttle);
        }

        @Test
        void codeOfAnotherLengthAnswers400NamingTheLength() {
            MvcTestResult result = post(OTP, "{\"code\": \"12345\"}");

            assertProblem(result, 400, "VALIDATION_FAILED");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
            assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("El código tiene " + OtpCode.LENGTH + " dígitos.");
        }

        @Test
        void tooManyCodesFromOneClientAnswer429() {
            willThrow(new RateLimitExceededException(RateLimit.OTP_ATTEMPT_PER_CLIENT, Duration.ofSeconds(30)))
                    .given(throttle).beforeCodeAttempt(anyString());

            MvcTestResult result = post(OTP, CODE_BODY);

            assertProblem(result, 429, "RATE_LIMITED");
            assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "30");
            verify(recoveries, never()).submitCode(any(), any());
        }

        @Test
        void getOnTheCodeResourceAnswers405() {
            MvcTestResult result = mvc.get().uri(OTP).exchange();

            assertProblem(result, 405, "METHOD_NOT_ALLOWED");
            assertThat(result).hasHeader(HttpHeaders.ALLOW, "POST");
        }
    }

    @Nested
    class Resend {

        static final String RESEND = "/api/recoveries/" + ID + "/otp/resend";
        static final Instant LATER = Instant.parse("2026-11-25T18:31:00Z");

        MvcTestResult resend(String path) {
            return mvc.post().uri(path).exchange();
        }

        @Test
        void aNewCodeAnswers200WithItsExpiryWhenTheNextIsAvailableAndHowManyAreLeft() {
            given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new CodeResent(EXPIRY, LATER, 2));

            MvcTestResult result = resend(RESEND);

            assertThat(result).hasStatus(200).bodyJson().isStrictlyEqualTo("""
                    {"status": "AWAITING_OTP", "expiresAt": "2026-11-25T18:33:00Z", "resendAvailableAt": "2026-11-25T18:31:00Z",
                     "resendsLeft": 2}""");
            verify(throttle).beforeCodeResend(anyString());
        }

        @Test
        void aJsonBodyIsAcceptedAndIgnored() {
            given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new CodeResent(EXPIRY, LATER, 0));

            assertThat(post(RESEND, "{}")).hasStatus(200).bodyJson().extractingPath("$.resendsLeft").isEqualTo(0);
        }

        @Test
        void tooSoonAnswers429WithRetryAfterAndWhenItIsAvailable() {
            given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new ResendTooSoon(LATER, Duration.ofMillis(41_200)));

            MvcTestResult result = resend(RESEND);

            assertProblem(result, 429, "RESEND_TOO_SOON");
            assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "42");
            assertThat(result).bodyJson().extractingPath("$.resendAvailableAt").isEqualTo("2026-11-25T18:31:00Z");
            assertThat(result).bodyJson().extractingPath("$.detail")
                    .isEqualTo("Espere 42 segundos antes de pedir un código nuevo. Mientras tanto, el código que ya recibió sigue valiendo.");
        }

        @Test
        void tooSoonByOneSecondSaysSecondInTheSingularInEnglish() {
            given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new ResendTooSoon(LATER, Duration.ofMillis(300)));

            MvcTestResult result = mvc.post().uri(RESEND).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();

            assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "1");
            assertThat(result).bodyJson().extractingPath("$.detail")
                    .isEqualTo("Wait 1 second before asking for a new code. Meanwhile the code you already received still works.");
        }

        @Test
        void noNewCodesLeftAnswers409WithTheCurrentCodesExpiry() {
            given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new ResendsUsedUp(EXPIRY, 3));

            MvcTestResult result = resend(RESEND);

            assertProblem(result, 409, "OTP_RESENDS_EXHAUSTED");
            assertThat(result).bodyJson().extractingPath("$.expiresAt").isEqualTo("2026-11-25T18:33:00Z");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("Ya pidió los 3 códigos nuevos que permite");
        }

        @Test
        void aRecoveryThatWaitsForNoCodeAnswers410SayingWhy() {
            Map<RecoveryStatus, String> codes = Map.of(
                    RecoveryStatus.OTP_EXPIRED, "OTP_EXPIRED",
                    RecoveryStatus.OTP_LOCKED, "OTP_LOCKED",
                    RecoveryStatus.SUPERSEDED, "RECOVERY_SUPERSEDED",
                    RecoveryStatus.AWAITING_NEW_PASSWORD, "OTP_NOT_AWAITED",
                    RecoveryStatus.COMPLETED, "OTP_NOT_AWAITED",
                    RecoveryStatus.ASSISTED_PENDING, "OTP_NOT_AWAITED");
            codes.forEach((status, code) -> {
                given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new CodeNotAwaited(status));
                assertProblem(resend(RESEND), 410, code);
            });
        }

        @Test
        void unknownRecoveryAnswers404() {
            given(recoveries.resendCode(new RecoveryId(ID))).willReturn(new RecoveryNotFound());

            assertProblem(resend(RESEND), 404, "RECOVERY_NOT_FOUND");
        }

        @Test
        void recoveryIdThatIsNoUuidAnswers404WithoutCounting() {
            assertProblem(resend("/api/recoveries/1-1-1-1-1/otp/resend"), 404, "RECOVERY_NOT_FOUND");
            verifyNoInteractions(recoveries, throttle);
        }

        @Test
        void tooManyCallsFromOneClientAnswer429RateLimited() {
            willThrow(new RateLimitExceededException(RateLimit.OTP_ATTEMPT_PER_CLIENT, Duration.ofSeconds(30)))
                    .given(throttle).beforeCodeResend(anyString());

            MvcTestResult result = resend(RESEND);

            assertProblem(result, 429, "RATE_LIMITED");
            assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "30");
            verify(recoveries, never()).resendCode(any());
        }

        @Test
        void getOnTheResendResourceAnswers405() {
            assertProblem(mvc.get().uri(RESEND).exchange(), 405, "METHOD_NOT_ALLOWED");
        }
    }

    @Nested
    class Status {

        @Test
        void recoveryWaitingForTheCodeShowsExpiryAndAttemptsLeft() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.of(new RecoveryView(ID, RecoveryStatus.AWAITING_OTP, EXPIRY, 3,
                    "t***@comercial-andina.example", null, null)));

            assertThat(mvc.get().uri("/api/recoveries/" + ID)).hasStatus(200).bodyJson().isStrictlyEqualTo("""
                    {"recoveryId": "%s", "status": "AWAITING_OTP", "expiresAt": "2026-11-25T18:33:00Z", "attemptsLeft": 3}""".formatted(ID));
        }

        @Test
        void finishedRecoveryShowsItsStatusOnly() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.of(new RecoveryView(ID, RecoveryStatus.OTP_EXPIRED, null, null,
                    "t***@comercial-andina.example", null, null)));

            assertThat(mvc.get().uri("/api/recoveries/" + ID)).hasStatus(200).bodyJson().isStrictlyEqualTo("""
                    {"recoveryId": "%s", "status": "OTP_EXPIRED"}""".formatted(ID));
        }

        @Test
        void aSentMailIsReportedWithoutANotice() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.of(new RecoveryView(ID, RecoveryStatus.AWAITING_OTP, EXPIRY, 3,
                    "t***@comercial-andina.example", null, null, MailDelivery.SENT)));

            assertThat(mvc.get().uri("/api/recoveries/" + ID)).hasStatus(200).bodyJson().isStrictlyEqualTo("""
                    {"recoveryId": "%s", "status": "AWAITING_OTP", "expiresAt": "2026-11-25T18:33:00Z", "attemptsLeft": 3,
                     "mailDelivery": "SENT"}""".formatted(ID));
        }

        @Test
        void aCodeMailBeingRetriedIsSaidSoInSpanish() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.of(new RecoveryView(ID, RecoveryStatus.AWAITING_OTP, EXPIRY, 3,
                    "t***@comercial-andina.example", null, null, MailDelivery.RETRYING)));

            assertThat(mvc.get().uri("/api/recoveries/" + ID)).hasStatus(200).bodyJson().isStrictlyEqualTo("""
                    {"recoveryId": "%s", "status": "AWAITING_OTP", "expiresAt": "2026-11-25T18:33:00Z", "attemptsLeft": 3,
                     "mailDelivery": "RETRYING",
                     "mailNotice": "El servidor de correo no respondió: estamos reintentando el envío del código. Puede tardar unos minutos más."}
                    """.formatted(ID));
        }

        @Test
        void aCodeMailThatGaveUpOffersANewCodeInSpanishAndEnglish() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.of(new RecoveryView(ID, RecoveryStatus.AWAITING_OTP, EXPIRY, 3,
                    "t***@comercial-andina.example", null, null, MailDelivery.FAILED)));

            assertThat(mvc.get().uri("/api/recoveries/" + ID)).hasStatus(200).bodyJson()
                    .hasPathSatisfying("$.mailDelivery", v -> assertThat(v).isEqualTo("FAILED"))
                    .hasPathSatisfying("$.mailNotice", v -> assertThat(v).isEqualTo(
                            "No pudimos enviar el código a su correo. Inicie una nueva recuperación para recibir un código nuevo."));
            assertThat(mvc.get().uri("/api/recoveries/" + ID).header(HttpHeaders.ACCEPT_LANGUAGE, "en")).hasStatus(200).bodyJson()
                    .hasPathSatisfying("$.mailNotice", v -> assertThat(v).isEqualTo(
                            "We could not send the code to your e-mail. Start a new recovery to receive a new code."));
        }

        @Test
        void anAssistedLinkThatGaveUpSendsTheEmployerToTheCentreWithTheCaseNumber() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.of(new RecoveryView(ID, RecoveryStatus.AWAITING_NEW_PASSWORD, EXPIRY, null,
                    "r***@pesquera-pacifico.example", AssistedReason.RUC_SUSPENDED, "CAU-2026-7KQ4M9XD", MailDelivery.FAILED)));

            assertThat(mvc.get().uri("/api/recoveries/" + ID)).hasStatus(200).bodyJson()
                    .hasPathSatisfying("$.mailDelivery", v -> assertThat(v).isEqualTo("FAILED"))
                    .hasPathSatisfying("$.mailNotice", v -> assertThat(v).asString()
                            .contains("Centro de Atención Universal").contains("CAU-2026-7KQ4M9XD").doesNotContain("nueva recuperación"));
        }

        @Test
        void unknownRecoveryAnswers404() {
            given(recoveries.status(new RecoveryId(ID))).willReturn(Optional.empty());

            assertProblem(mvc.get().uri("/api/recoveries/" + ID).exchange(), 404, "RECOVERY_NOT_FOUND");
        }

        @Test
        void pathThatIsNoRecoveryIdAnswers404() {
            assertProblem(mvc.get().uri("/api/recoveries/not-a-recovery").exchange(), 404, "RECOVERY_NOT_FOUND");
            assertProblem(mvc.get().uri("/api/recoveries/{id}", ID + "0").exchange(), 404, "RECOVERY_NOT_FOUND");
            verifyNoInteractions(recoveries);
        }
    }

    @Nested
    class NewPassword {

        static final String PASSWORD = "/api/recoveries/password";
        static final String TOKEN = "tok-en_123" + "x".repeat(33);
        static final String BODY = """
                {"token": "%s", "newPassword": "tortuga violeta cruza el puente del Guayas",
                 "confirmation": "tortuga violeta cruza el puente del Guayas"}""".formatted(TOKEN);

        @Test
        void validLinkAndGoodClaveAnswer200Completed() {
            given(recoveries.submitNewPassword(LinkToken.parse(TOKEN).orElseThrow(), "tortuga violeta cruza el puente del Guayas",
                    "tortuga violeta cruza el puente del Guayas")).willReturn(new PasswordChanged());

            MvcTestResult result = post(PASSWORD, BODY);

            assertThat(result).hasStatus(200).bodyJson().isStrictlyEqualTo("{\"status\": \"COMPLETED\"}");
            verify(throttle).beforeLinkLookup(anyString());
        }

        @Test
        void clavesBreakingThePolicyAnswer422WithViolations() {
            given(recoveries.submitNewPassword(any(LinkToken.class), anyString(), anyString()))
                    .willReturn(new PasswordRefused(List.of(PolicyViolation.TOO_SHORT, PolicyViolation.TOO_GUESSABLE)));

            MvcTestResult result = post(PASSWORD, BODY);

            assertProblem(result, 422, "PASSWORD_POLICY");
            assertThat(result).bodyJson().extractingPath("$.violations[*].code").isEqualTo(List.of("TOO_SHORT", "TOO_GUESSABLE"));
            assertThat(result).bodyJson().extractingPath("$.violations[0].message").isEqualTo("La clave debe tener al menos 15 caracteres.");
        }

        @Test
        void violationsAreInEnglishWithAcceptLanguageEn() {
            given(recoveries.submitNewPassword(any(LinkToken.class), anyString(), anyString()))
                    .willReturn(new PasswordRefused(List.of(PolicyViolation.TOO_LONG)));

            MvcTestResult result = postInEnglish(PASSWORD, BODY);

            assertThat(result).bodyJson().extractingPath("$.violations[0].message").isEqualTo("The password may have at most 128 characters.");
        }

        @Test
        void differentConfirmationAnswers422() {
            given(recoveries.submitNewPassword(any(LinkToken.class), anyString(), anyString())).willReturn(new PasswordMismatch());

            assertProblem(post(PASSWORD, BODY), 422, "PASSWORD_MISMATCH");
        }

        @Test
        void expiredLinkAnswers410() {
            given(recoveries.submitNewPassword(any(LinkToken.class), anyString(), anyString())).willReturn(new LinkExpired(false));

            MvcTestResult result = post(PASSWORD, BODY);

            assertProblem(result, 410, "LINK_EXPIRED");
            assertThat(result).bodyJson().extractingPath("$.used").isEqualTo(false);
            assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("El enlace venció.");
        }

        @Test
        void usedLinkAnswers410SayingItWasUsed() {
            given(recoveries.submitNewPassword(any(LinkToken.class), anyString(), anyString())).willReturn(new LinkExpired(true));

            MvcTestResult result = post(PASSWORD, BODY);

            assertProblem(result, 410, "LINK_EXPIRED");
            assertThat(result).bodyJson().extractingPath("$.used").isEqualTo(true);
            assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("El enlace ya fue usado.");
        }

        @Test
        void unknownTokenAnswers404() {
            given(recoveries.submitNewPassword(any(LinkToken.class), anyString(), anyString())).willReturn(new LinkInvalid());

            assertProblem(post(PASSWORD, BODY), 404, "LINK_INVALID");
        }

        @Test
        void textThatCannotBeATokenAnswers404WithoutALookUp() {
            MvcTestResult result = post(PASSWORD, BODY.replace(TOKEN, "tok-en_123"));

            assertProblem(result, 404, "LINK_INVALID");
            verify(throttle).beforeLinkLookup(anyString());
            verifyNoInteractions(recoveries);
        }

        @Test
        void overlongTokenAndMissingConfirmationAnswer400() {
            MvcTestResult result = post(PASSWORD, """
                    {"token": "%s", "newPassword": "tortuga violeta cruza el puente del Guayas"}""".formatted("a".repeat(129)));

            assertProblem(result, 400, "VALIDATION_FAILED");
            assertThat(result).bodyJson().extractingPath("$.errors[*].field").isEqualTo(List.of("confirmation", "token"));
            assertThat(result).bodyJson().extractingPath("$.errors[*].code").isEqualTo(List.of("REQUIRED", "LENGTH"));
            verifyNoInteractions(recoveries);
        }

        @Test
        void tooManyLinkLookupsAnswer429() {
            willThrow(new RateLimitExceededException(RateLimit.LINK_LOOKUP_PER_CLIENT, Duration.ofSeconds(61)))
                    .given(throttle).beforeLinkLookup(anyString());

            MvcTestResult result = postInEnglish(PASSWORD, BODY);

            assertProblem(result, 429, "RATE_LIMITED");
            assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "61");
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Too many requests. Try again in 2 minutes.");
        }
    }

    @Nested
    class Anywhere {

        @Test
        void unknownApiPathAnswers404Problem() {
            assertProblem(mvc.get().uri("/api/nothing-here").exchange(), 404, "NOT_FOUND");
        }

        @Test
        @ExtendWith(CapturedLog.class)
        void unexpectedFailureAnswers500ProblemWithoutDetailsOfTheCause(CapturedLog log) {
            given(recoveries.start(any(), any(), any())).willThrow(new IllegalStateException("database exploded at row 42"));

            MvcTestResult result = post("/api/recoveries", ANDINA_START);

            assertProblem(result, 500, "INTERNAL_ERROR");
            assertThat(result).bodyJson().asString().doesNotContain("exploded");
            assertThat(log.text()).as("operators read the cause in the log")
                    .contains("ERROR " + ApiExceptionHandler.class.getName() + ": Unexpected failure answering POST /api/recoveries")
                    .contains("database exploded at row 42");
        }

        @Test
        void apiSetsNoSessionCookie() {
            given(recoveries.start(any(), any(), any())).willReturn(new DataMismatch());

            MvcTestResult result = post("/api/recoveries", ANDINA_START);

            assertThat(result).headers().doesNotContainHeader(HttpHeaders.SET_COOKIE);
            assertThat(result.getRequest().getSession(false)).isNull();
        }
    }
}
