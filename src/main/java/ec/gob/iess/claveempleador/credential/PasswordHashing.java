package ec.gob.iess.claveempleador.credential;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);

    // OWASP's Argon2id minimum: m = 19 MiB, t = 2, p = 1; 16-byte salt, 32-byte hash.
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    /**
     * libargon2 (native) where it loads: the benchmark's profile showed BouncyCastle's pure-Java Argon2id, with its
     * 19 MiB matrix allocated on the heap at every hash, as the largest cost of a recovery. Both write and read the
     * same PHC strings, so the pure-Java one remains the fallback where the native library cannot load.
     */
    @Bean
    PasswordEncoder claveEncoder() {
        try {
            return new NativeArgon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
        } catch (LinkageError e) {
            log.warn("Native Argon2 (libargon2) could not be loaded ({}); hashing claves in Java instead, several times slower", e.toString());
            return pureJava();
        }
    }

    static PasswordEncoder pureJava() {
        return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
