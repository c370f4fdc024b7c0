package ec.gob.iess.claveempleador.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a stored hash is weaker than today's Argon2id parameters, sign-in hashes the clave again. */
class NativeArgon2PasswordEncoderTest {

    private static final String SALT_AND_HASH = "$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8";

    // Today's parameters, as the application builds its encoder.
    private final NativeArgon2PasswordEncoder encoder = new NativeArgon2PasswordEncoder(PasswordHashing.SALT_BYTES,
            PasswordHashing.HASH_BYTES, PasswordHashing.PARALLELISM, PasswordHashing.MEMORY_KIB, PasswordHashing.ITERATIONS);

    @ParameterizedTest(name = "{0}: re-hash {1}")
    @CsvSource({
            "'$argon2id$v=19$m=19456,t=2,p=1', false, today's parameters",
            "'$argon2id$v=19$m=65536,t=3,p=2', false, stronger in every parameter",
            "'$argon2id$v=19$m=19455,t=2,p=1', true, less memory",
            "'$argon2id$v=19$m=19456,t=1,p=1', true, fewer iterations",
            "'$argon2id$v=19$m=19456,t=2,p=0', true, less parallelism",
            "'$argon2id$v=16$m=19456,t=2,p=1', true, an older Argon2 version",
            "'$argon2i$v=19$m=19456,t=2,p=1', true, Argon2i instead of Argon2id",
            "'$argon2d$v=19$m=19456,t=2,p=1', true, Argon2d instead of Argon2id"
    })
    void aStoredHashIsHashedAgainExactlyWhenItIsWeakerThanTodays(String parameters, boolean rehash, String why) {
        assertThat(encoder.upgradeEncoding(parameters + SALT_AND_HASH)).as(why).isEqualTo(rehash);
    }

    @Test
    void todaysParametersAreOwaspsArgon2idMinimum() {
        // OWASP: m = 19 MiB, t = 2, p = 1; a 16-byte salt (22 base64 characters) and a 32-byte hash (43).
        assertThat(encoder.encode("tortuga violeta cruza el puente del Guayas"))
                .matches("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void hashesRunAtALowerPriorityThanRequestsSoBusyCoresServeTheShortStepsFirst() throws IOException {
        assertThat(encoder.matches("x", encoder.encode("tortuga violeta cruza el puente del Guayas"))).isFalse();

        List<Integer> hashingNiceness = threadsNamed("argon2-").stream().map(NativeArgon2PasswordEncoderTest::niceness).toList();
        assertThat(hashingNiceness).as("the hashing threads' nice values").isNotEmpty().containsOnly(10);
        assertThat(niceness(Path.of("/proc/thread-self"))).as("this (request-like) thread").isZero();
    }

    private static List<Path> threadsNamed(String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith(prefix);
                } catch (IOException gone) {
                    return false;
                }
            }).toList();
        }
    }

    /** Field 19 of /proc/…/stat: the fields after the parenthesised name start at field 3. */
    private static int niceness(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19 - 3]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
