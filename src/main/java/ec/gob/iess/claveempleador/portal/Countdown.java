package ec.gob.iess.claveempleador.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import ec.gob.iess.claveempleador.config.Ecuador;

/**
 * What a page needs to show a window closing: the server's own remaining seconds (the browser counts
 * down from them, so a wrong clock on the phone does not matter) and the wall-clock time in Ecuador for
 * pages read without JavaScript.
 */
record Countdown(Instant expiresAt, long remainingSeconds, String localTime) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Ecuador.TIME_ZONE);

    static Countdown until(Instant expiresAt, Clock clock) {
        // Rounded up: a page showing 0:00 must really be past the expiry, or the script would send it on too early.
        long remaining = Math.max(0, (Duration.between(clock.instant(), expiresAt).toMillis() + 999) / 1000);
        return new Countdown(expiresAt, remaining, TIME.format(expiresAt));
    }

    /** The first value shown, {@code m:ss}, before the script takes over. */
    public String display() {
        return "%d:%02d".formatted(remainingSeconds / 60, remainingSeconds % 60);
    }
}
