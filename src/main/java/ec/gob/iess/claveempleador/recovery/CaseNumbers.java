package ec.gob.iess.claveempleador.recovery;

import java.security.SecureRandom;
import java.time.Clock;

import ec.gob.iess.claveempleador.config.Ecuador;
import org.springframework.stereotype.Component;

/**
 * Case numbers that an employer reads out at a centre: {@code CAU-2026-7KQ4M9XD}. Random rather than
 * sequential so that they work the same on H2 and PostgreSQL and on every node; the database keeps them unique.
 */
@Component
class CaseNumbers {

    // No 0/O, 1/I/L: the number is read aloud and typed by staff.
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    CaseNumbers(Clock clock) {
        this.clock = clock;
    }

    String next() {
        StringBuilder number = new StringBuilder("CAU-").append(clock.instant().atZone(Ecuador.TIME_ZONE).getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
