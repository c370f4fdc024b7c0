package ec.gob.iess.claveempleador.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseNotFound;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseView;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkRefused;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import ec.gob.iess.claveempleador.recovery.CaseResults.Refusal;
import ec.gob.iess.claveempleador.recovery.CaseStatus;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every answer of the case endpoints, as the web layer gives it; the use cases are mocked. */
@WebMvcTest(controllers = CaseApiController.class)
@Import({ApiProblems.class, ApiSecurityConfiguration.class})
class CaseApiControllerTest {

    static final String CASE = "CAU-2026-7KQ4M9XD";
    static final String BODY = """
            {"caseNumber": "CAU-2026-7KQ4M9XD", "ruc": "1792223334001", "representativeId": "1711223345"}""";
    static final Ruc TEXTILES = Ruc.parse("1792223334001");
    static final Cedula REPRESENTATIVE = Cedula.parse("1711223345");
    static final Instant DEADLINE = Instant.parse("2026-12-25T15:00:00Z");
    static final Instant LINK_EXPIRY = Instant.parse("2026-11-25T18:33:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AssistedCases cases;

    @MockitoBean
    ThrottlePolicy throttle;

    MvcTestResult post(String path, String json) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    static CaseView view(CaseStatus status) {
        return switch (status) {
            case PENDING -> new CaseView(CASE, status, AssistedReason.NO_VALID_EMAIL, DEADLINE, null, null, false, 0, null, null);
            case APPROVED -> new CaseView(CASE, status, AssistedReason.NO_VALID_EMAIL, DEADLINE, null, null, true, 5,
                    "g***@textiles-imbabura.example", null);
            case LINK_SENT -> new CaseView(CASE, status, AssistedReason.NO_VALID_EMAIL, DEADLINE, null, null, false, 5,
                    "g***@textiles-imbabura.example", LINK_EXPIRY);
            case REJECTED -> new CaseView(CASE, status, AssistedReason.NO_VALID_EMAIL, null, RejectionReason.DOCUMENTS_INCOMPLETE, null,
                    false, 0, null, null);
            case COMPLETED, EXPIRED -> new CaseView(CASE, status, AssistedReason.NO_VALID_EMAIL, null, null, null, false, 0, null, null);
        };
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void aMatchingCaseAnswers200WithItsStatusAndWhatToDo(CaseStatus status) {
        given(cases.lookup(CASE, TEXTILES, REPRESENTATIVE)).willReturn(Optional.of(view(status)));

        MvcTestResult result = post("/api/cases/lookup", BODY);

        assertThat(result).hasStatus(200).hasContentType(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.caseNumber").isEqualTo(CASE);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.name());
        assertThat(result).bodyJson().extractingPath("$.reason").isEqualTo("NO_VALID_EMAIL");
        assertThat(result).bodyJson().extractingPath("$.newLinkAvailable").isEqualTo(status == CaseStatus.APPROVED);
        assertThat(result).bodyJson().extractingPath("$.instructions").asString().isNotBlank().doesNotContain("{");
    }

    @Test
    void aPendingCaseSaysByWhenToVisitACentreAndWhatToBring() {
        given(cases.lookup(CASE, TEXTILES, REPRESENTATIVE)).willReturn(Optional.of(view(CaseStatus.PENDING)));

        MvcTestResult result = post("/api/cases/lookup", BODY);

        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"caseNumber": "CAU-2026-7KQ4M9XD", "status": "PENDING", "reason": "NO_VALID_EMAIL", "deadline": "2026-12-25T15:00:00Z",
                 "newLinkAvailable": false,
                 "instructions": "No hay un correo electrónico válido registrado para este empleador. Acérquese a un Centro de Atención Universal del IESS hasta el 25/12/2026 con el número de caso CAU-2026-7KQ4M9XD. Qué debe llevar: Cédula del representante legal, nombramiento vigente y un correo electrónico al que tenga acceso."}""");
    }

    @Test
    void aRejectedCaseGivesItsReason() {
        given(cases.lookup(CASE, TEXTILES, REPRESENTATIVE)).willReturn(Optional.of(view(CaseStatus.REJECTED)));

        MvcTestResult result = post("/api/cases/lookup", BODY);

        assertThat(result).bodyJson().extractingPath("$.rejectionReason").isEqualTo("DOCUMENTS_INCOMPLETE");
        assertThat(result).bodyJson().extractingPath("$.instructions").asString().contains("Documentos incompletos.");
    }

    @Test
    void anApprovedCaseSaysWhereTheNewLinkGoesInEnglishToo() {
        given(cases.lookup(CASE, TEXTILES, REPRESENTATIVE)).willReturn(Optional.of(view(CaseStatus.APPROVED)));

        MvcTestResult result = mvc.post().uri("/api/cases/lookup").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").content(BODY).exchange();

        assertThat(result).bodyJson().extractingPath("$.instructions").isEqualTo(
                "The centre approved your case. Ask for a new link: it will go to g***@textiles-imbabura.example. "
                        + "You can ask until 25/12/2026 (5 links left).");
    }

    @Test
    void noMatchingCaseIsOneNeutral404() {
        given(cases.lookup(any(), any(), any())).willReturn(Optional.empty());

        MvcTestResult result = post("/api/cases/lookup", BODY);

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"type": "about:blank", "title": "Not Found", "status": 404, "instance": "/api/cases/lookup", "code": "CASE_NOT_FOUND",
                 "detail": "No encontramos un caso con ese número, RUC y cédula del representante legal. Revise los tres datos."}""");
    }

    @Test
    void aNewLinkForAnApprovedCaseAnswers202WithWhereItWentAndUntilWhen() {
        given(cases.requestNewLink(CASE, TEXTILES, REPRESENTATIVE))
                .willReturn(new NewLinkSent("g***@textiles-imbabura.example", LINK_EXPIRY));

        MvcTestResult result = post("/api/cases/new-link", BODY);

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"maskedEmail": "g***@textiles-imbabura.example", "expiresAt": "2026-11-25T18:33:00Z"}""");
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void aCaseThatGivesNoNewLinkNowAnswers409WithWhatToDo(Refusal refusal) {
        given(cases.requestNewLink(CASE, TEXTILES, REPRESENTATIVE)).willReturn(new NewLinkRefused(refusal, view(CaseStatus.PENDING)));

        MvcTestResult result = post("/api/cases/new-link", BODY);

        assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("CASE_NOT_APPROVED");
        assertThat(result).bodyJson().extractingPath("$.reason").isEqualTo(refusal.name());
        assertThat(result).bodyJson().extractingPath("$.caseStatus").isEqualTo("PENDING");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(CASE).doesNotContain("{");
    }

    @Test
    void aNewLinkForNoMatchingCaseIsTheSameNeutral404() {
        given(cases.requestNewLink(any(), any(), any())).willReturn(new CaseNotFound());

        MvcTestResult result = post("/api/cases/new-link", BODY);

        assertThat(result).hasStatus(404);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("CASE_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases/lookup", "/api/cases/new-link"})
    void tooManyLookupsFromOneClientAnswer429WithRetryAfter(String path) {
        willThrow(new RateLimitExceededException(RateLimit.CASE_LOOKUP_PER_CLIENT, Duration.ofSeconds(90)))
                .given(throttle).beforeCaseLookup(anyString());

        MvcTestResult result = post(path, BODY);

        assertThat(result).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "90");
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("RATE_LIMITED");
        verifyNoInteractions(cases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases/lookup", "/api/cases/new-link"})
    void missingAndMalformedFieldsAnswer400WithOneErrorPerField(String path) {
        MvcTestResult result = post(path, """
                {"caseNumber": "CAU-2026", "ruc": "17922233340"}""");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asList()
                .containsExactly("caseNumber", "representativeId", "ruc");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("El número de caso tiene la forma CAU-2026-XXXXXXXX.");
        verifyNoInteractions(cases, throttle);
    }

    @Test
    void aCedulaWithAWrongCheckDigitIsAFieldErrorNotALookup() {
        MvcTestResult result = post("/api/cases/lookup", """
                {"caseNumber": "CAU-2026-7KQ4M9XD", "ruc": "1792223334001", "representativeId": "1711223346"}""");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("representativeId");
        assertThat(result).bodyJson().extractingPath("$.errors[0].code").isEqualTo("CHECK_DIGIT");
        verifyNoInteractions(cases);
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        MvcTestResult result = post("/api/cases/lookup", "{\"caseNumber\": ");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }
}
