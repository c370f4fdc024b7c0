package ec.gob.iess.claveempleador.support;

import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps out of the build output the log lines that tests provoke on purpose and check through the caller's answer
 * (they still reach target/test.log), and whatever a test captures with {@link CapturedLog} to assert itself. A filter
 * here, not a level in logback-test.xml: application.yaml's {@code logging.level} entries would override such a level
 * once Spring starts.
 */
public final class ExpectedFailuresFilter extends Filter<ILoggingEvent> {

    private static final List<Expected> EXPECTED = List.of(
            // ENGINE-16004: the engine logs every exception a command throws (a refused staff decision, a mail that
            // fails on purpose), then throws it to the caller, where the test asserts it.
            new Expected("org.camunda.bpm.engine.context", ""),
            // ENGINE-14006 and friends: a job that fails on purpose (the mail server down) before its retries run out;
            // the tests assert the retries and the incident.
            new Expected("org.camunda.bpm.engine.jobexecutor", ""),
            // ENGINE-REST-HTTP500 with a stack trace for a refused form submit; the tests assert the HTTP answer.
            new Expected("org.camunda.bpm.engine.rest.exception", ""),
            // the failure report of a context that a test expects not to start; the test asserts the report.
            new Expected("org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", ""),
            // Spring MVC's warnings about a client's bad request (a wrong method, an unreadable Accept header), which
            // web/BadInputProperties sends by the thousand and answers with a 4xx it asserts.
            new Expected("org.springframework.web.servlet.PageNotFound", ""),
            new Expected("org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver", ""),
            new Expected("org.springframework.boot.autoconfigure.web.servlet.WelcomePageHandlerMapping", "invalid Accept header"),
            // company and public RUCs that fail modulo-11 are accepted with a warning (the SRI issued such RUCs); the
            // identity properties generate them by the hundred, identity/RucTest asserts the warning.
            new Expected("ec.gob.iess.claveempleador.identity.Ruc", "fails the modulo-11 check digit"));

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (CapturedLog.isCapturing()) {
            return FilterReply.DENY;
        }
        String logger = event.getLoggerName();
        String message = event.getFormattedMessage();
        return EXPECTED.stream().anyMatch(expected -> logger.startsWith(expected.logger())
                && (message == null || message.contains(expected.messagePart()))) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private record Expected(String logger, String messagePart) {
    }
}
