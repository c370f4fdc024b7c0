package ec.gob.iess.claveempleador.recovery.process;

import java.time.Duration;
import java.time.Instant;

import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import org.springframework.stereotype.Component;

/**
 * The retry cycles of the mail tasks, which the model reads as {@code ${mailRetries.codeCycle}} and so on
 * (Camunda evaluates an expression in {@code camunda:failedJobRetryTimeCycle} at each failure).
 * A mail that fails is tried again every few seconds across its window, so that a mail server that comes
 * back in time still delivers the code or link; the last try leaves the employer two intervals to read that
 * it failed and ask again. Then the job becomes an incident for operators.
 */
@Component("mailRetries")
public class MailRetries {

    /** A 3-minute window is tried every 15 s; longer windows are not tried less often than every 20 s. */
    static final int INTERVALS_PER_WINDOW = 12;
    static final Duration LONGEST_INTERVAL = Duration.ofSeconds(20);
    /**
     * The confirmation has no window: it backs off from 30 s to hours (about 8 hours in all) before it
     * becomes an incident, so that an outage of a night still ends with the mail sent.
     */
    static final String CONFIRMATION_CYCLE = "PT30S,PT1M,PT2M,PT5M,PT10M,PT30M,PT1H,PT2H,PT4H";

    private final String codeCycle;
    private final String linkCycle;

    MailRetries(RecoveryProperties properties) {
        this.codeCycle = within(properties.otpWindow());
        this.linkCycle = within(properties.linkWindow());
    }

    /**
     * {@code R<tries>/<interval>}: a try every window/12 (1 s to 20 s), the last one two intervals before the
     * window closes. Camunda counts the first try among the R tries.
     */
    static String within(Duration window) {
        long seconds = interval(window).toSeconds();
        long tries = Math.max(1, (window.toSeconds() - 2 * seconds) / seconds + 1);
        return "R" + tries + "/PT" + seconds + "S";
    }

    /**
     * The latest moment a try may be planned for in a window that closes at {@code closesAt}: two intervals
     * before. Tries run late when the job executor is busy or a send hangs; one planned later could no longer
     * help the employer in time, so the job gives up instead (an incident, and the employer is told).
     */
    static Instant latestTry(Duration window, Instant closesAt) {
        return closesAt.minus(interval(window).multipliedBy(2));
    }

    private static Duration interval(Duration window) {
        return Duration.ofSeconds(Math.max(1, Math.min(LONGEST_INTERVAL.toSeconds(), window.toSeconds() / INTERVALS_PER_WINDOW)));
    }

    public String getCodeCycle() {
        return codeCycle;
    }

    public String getLinkCycle() {
        return linkCycle;
    }

    public String getConfirmationCycle() {
        return CONFIRMATION_CYCLE;
    }
}
