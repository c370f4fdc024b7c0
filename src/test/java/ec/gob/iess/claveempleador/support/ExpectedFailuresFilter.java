package ec.gob.iess.claveempleador.support;

import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps out of the build output the log lines that tests provoke on purpose and check through the caller's answer
 * (they still reach target/test.log). A logger filter here, not a level in logback-test.xml: application.yaml's
 * {@code logging.level} entries would override such a level once Spring starts.
 */
public final class ExpectedFailuresFilter extends Filter<ILoggingEvent> {

    private static final List<String> EXPECTED = List.of(
            // ENGINE-16004: the engine logs every exception a command throws (a refused staff decision, a mail that
            // fails on purpose), then throws it to the caller, where the test asserts it.
            "org.camunda.bpm.engine.context",
            // ENGINE-14006 and friends: a job that fails on purpose (the mail server down) before its retries run out;
            // the tests assert the retries and the incident.
            "org.camunda.bpm.engine.jobexecutor",
            // ENGINE-REST-HTTP500 with a stack trace for a refused form submit; the tests assert the HTTP answer.
            "org.camunda.bpm.engine.rest.exception",
            // the failure report of a context that a test expects not to start; the test asserts the report.
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String logger = event.getLoggerName();
        return EXPECTED.stream().anyMatch(logger::startsWith) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
