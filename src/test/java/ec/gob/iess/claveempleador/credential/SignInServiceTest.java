package ec.gob.iess.claveempleador.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in against the stored hash: the re-hash when the parameters grew, and the decoy for unknown employers. */
class SignInServiceTest {

    private static final String CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();
    // What an older release with weaker parameters (m = 4 MiB, t = 1) stored.
    private static final String WEAKER_HASH = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(CLAVE);

    private final CredentialStore credentials = mock(CredentialStore.class);
    private final CountingEncoder encoder = new CountingEncoder(new PasswordHashing().claveEncoder());
    private final SignInService signIn = new SignInService(credentials, encoder);

    @Test
    void aClaveHashedWithWeakerParametersIsHashedAgainWithTodaysOnSignIn() {
        given(credentials.hashOf(ANDINA)).willReturn(Optional.of(WEAKER_HASH));

        assertThat(signIn.signIn(ANDINA, CLAVE)).isTrue();

        ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
        then(credentials).should().store(eq(ANDINA), stored.capture());
        assertThat(stored.getValue()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches(CLAVE, stored.getValue())).isTrue();
    }

    @Test
    void aClaveHashedWithTodaysParametersIsLeftAsItIs() {
        given(credentials.hashOf(ANDINA)).willReturn(Optional.of(DemoData.OLD_CLAVE_HASH));

        assertThat(signIn.signIn(ANDINA, DemoData.OLD_CLAVE)).isTrue();

        then(credentials).should(never()).store(any(), any());
    }

    @Test
    void aWrongClaveIsNeitherAcceptedNorHashedAgain() {
        given(credentials.hashOf(ANDINA)).willReturn(Optional.of(WEAKER_HASH));

        assertThat(signIn.signIn(ANDINA, CLAVE + "!")).isFalse();

        then(credentials).should(never()).store(any(), any());
    }

    @Test
    void anUnknownEmployerCostsOneHashAndGetsTheAnswerOfAWrongClave() {
        given(credentials.hashOf(ANDINA)).willReturn(Optional.of(DemoData.OLD_CLAVE_HASH));
        encoder.checks.set(0);
        boolean wrongClave = signIn.signIn(ANDINA, CLAVE);
        int hashesForAWrongClave = encoder.checks.get();

        given(credentials.hashOf(ANDINA)).willReturn(Optional.empty());
        encoder.checks.set(0);
        boolean unknown = signIn.signIn(ANDINA, CLAVE);

        assertThat(unknown).isFalse().isEqualTo(wrongClave);
        assertThat(encoder.checks.get()).as("hashes computed for an unknown employer")
                .isEqualTo(hashesForAWrongClave).isEqualTo(1);
        then(credentials).should(never()).store(any(), any());
    }

    @Test
    void theDecoyOpensNothingEvenWithItsOwnClave() {
        given(credentials.hashOf(ANDINA)).willReturn(Optional.empty());

        assertThat(signIn.signIn(ANDINA, "decoy clave that matches nothing")).isFalse();
    }

    /** The real encoder, counting the hashes it computes to compare. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }
    }
}
