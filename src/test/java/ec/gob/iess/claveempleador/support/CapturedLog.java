package ec.gob.iess.claveempleador.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the application logged during one test, at every level its loggers let through, whatever the build output
 * shows: {@code @ExtendWith(CapturedLog.class)} and a {@code CapturedLog} parameter. Unlike Spring's output capture it
 * does not depend on the console's threshold; what it captures the test asserts, so the console does not print it
 * (target/test.log still has it). The appender is declared in logback-test.xml, so it survives Spring Boot
 * re-initializing logging when a test starts an application of its own.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final List<ILoggingEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean CAPTURING = new AtomicBoolean();

    static boolean isCapturing() {
        return CAPTURING.get();
    }

    /** Every captured event: its level, logger, message and the messages of its exception chain, one per line. */
    public String text() {
        return EVENTS.stream().map(CapturedLog::line).collect(Collectors.joining("\n"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EVENTS.clear();
        CAPTURING.set(true);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CAPTURING.set(false);
        EVENTS.clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CapturedLog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    private static String line(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return line.toString();
    }

    /** Referenced from logback-test.xml; keeps events only while a test that captures runs. */
    public static final class Appender extends AppenderBase<ILoggingEvent> {

        @Override
        protected void append(ILoggingEvent event) {
            if (CAPTURING.get()) {
                event.prepareForDeferredProcessing();
                EVENTS.add(event);
            }
        }
    }
}
