package ec.gob.iess.claveempleador.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    private static final String CLAVE = "tortuga violeta cruza el puente del Guayas";
    // Written by the BouncyCastle encoder before the switch: the demo employers' 'Clave anterior de demostracion 2025'.
    private static final String STORED_BY_BOUNCY_CASTLE =
            "$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8";

    private final PasswordEncoder bouncyCastle = PasswordHashing.pureJava();
    private final PasswordEncoder encoder = new PasswordHashing().claveEncoder();

    @Test
    void theApplicationHashesWithLibargon2() {
        assertThat(encoder).isInstanceOf(NativeArgon2PasswordEncoder.class);
    }

    @Test
    void clavesStoredBeforeTheSwitchStillSignIn() {
        assertThat(encoder.matches("Clave anterior de demostracion 2025", STORED_BY_BOUNCY_CASTLE)).isTrue();
        assertThat(encoder.matches("Clave anterior de demostracion 2024", STORED_BY_BOUNCY_CASTLE)).isFalse();
        assertThat(encoder.upgradeEncoding(STORED_BY_BOUNCY_CASTLE)).isFalse();
    }

    @Test
    void bothImplementationsReadWhatTheOtherWrote() {
        String nativeHash = encoder.encode(CLAVE);
        String javaHash = bouncyCastle.encode(CLAVE);

        assertThat(bouncyCastle.matches(CLAVE, nativeHash)).isTrue();
        assertThat(encoder.matches(CLAVE, javaHash)).isTrue();
        assertThat(bouncyCastle.matches(CLAVE + "!", nativeHash)).isFalse();
        assertThat(encoder.matches(CLAVE + "!", javaHash)).isFalse();
    }

    @Test
    void theParametersStayOwaspsArgon2idMinimumWithAFreshSaltEachTime() {
        String first = encoder.encode(CLAVE);
        String second = encoder.encode(CLAVE);

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").matches("^(\\$[^$]+){3}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void weakerStoredHashesAreMarkedForRehashing() {
        String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(CLAVE);

        assertThat(encoder.matches(CLAVE, weaker)).isTrue();
        assertThat(encoder.upgradeEncoding(weaker)).isTrue();
    }

    @Test
    void manyRequestsHashAtOnceAndEachGetsItsOwnAnswer() throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String clave = CLAVE + " " + i;
                answers.add(requests.submit(() -> encoder.matches(clave, encoder.encode(clave)) && !encoder.matches(clave + "!", encoder.encode(clave))));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(1, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            requests.shutdown();
        }
    }

    @Test
    void somethingThatIsNotAnArgon2HashMatchesNothing() {
        assertThat(encoder.matches(CLAVE, "not a hash")).isFalse();
        assertThat(encoder.matches(CLAVE, "$argon2id$v=19$m=19456,t=2,p=1$broken")).isFalse();
        assertThat(encoder.upgradeEncoding("not a hash")).isFalse();
    }
}
