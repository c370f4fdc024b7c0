package ec.gob.iess.claveempleador.credential;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id through libargon2 (the reference implementation, bundled with argon2-jvm): it hashes outside the Java
 * heap and writes the same PHC strings ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}) as Spring Security's
 * BouncyCastle-based {@code Argon2PasswordEncoder}, so each reads what the other wrote.
 * <p>
 * Hashes run on a few threads of their own (one per core): each hash mallocs its 19 MiB matrix, and the C library
 * keeps freed blocks in the arena of the thread that used them, so hashing on every request thread let the
 * process's resident memory grow with the number of threads that ever hashed; and more hashes at once than cores
 * only take longer each, while holding their memory.
 */
final class NativeArgon2PasswordEncoder implements PasswordEncoder {

    private static final Pattern PARAMETERS = Pattern.compile("^\\$argon2(id|i|d)\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");
    private static final int ARGON2_VERSION_13 = 19;
    // Busy cores serve the short steps first; a hash still gets a core's share when nothing else is waiting.
    private static final int HASHING_NICENESS = 10;

    private final Argon2 argon2;
    private final ExecutorService hashing;
    private final int parallelism;
    private final int memoryKib;
    private final int iterations;

    /** @throws LinkageError when libargon2 cannot be loaded on this platform (checked here, not at the first hash) */
    NativeArgon2PasswordEncoder(int saltBytes, int hashBytes, int parallelism, int memoryKib, int iterations) {
        this.argon2 = Argon2Factory.create(Argon2Types.ARGON2id, saltBytes, hashBytes);
        this.parallelism = parallelism;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        argon2.hash(1, 8, 1, new char[] {'x'});
        AtomicInteger threads = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread(HASHING_NICENESS);
                task.run();
            }, "argon2-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String encode(CharSequence rawPassword) {
        char[] password = toChars(rawPassword);
        return onHashingThread(() -> {
            try {
                return argon2.hash(iterations, memoryKib, parallelism, password);
            } finally {
                argon2.wipeArray(password);
            }
        });
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || !PARAMETERS.matcher(encodedPassword).find()) {
            return false;
        }
        char[] password = toChars(rawPassword);
        return onHashingThread(() -> {
            try {
                return argon2.verify(encodedPassword, password);
            } finally {
                argon2.wipeArray(password);
            }
        });
    }

    /** True when the stored hash is weaker than today's parameters (as Spring's encoder decides). */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        if (encodedPassword == null) {
            return false;
        }
        Matcher parameters = PARAMETERS.matcher(encodedPassword);
        if (!parameters.find()) {
            return false;
        }
        return !"id".equals(parameters.group(1))
                || Integer.parseInt(parameters.group(2)) < ARGON2_VERSION_13
                || Integer.parseInt(parameters.group(3)) < memoryKib
                || Integer.parseInt(parameters.group(4)) < iterations
                || Integer.parseInt(parameters.group(5)) < parallelism;
    }

    private <T> T onHashingThread(Callable<T> work) {
        try {
            return hashing.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a clave", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static char[] toChars(CharSequence raw) {
        char[] chars = new char[raw.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = raw.charAt(i);
        }
        return chars;
    }
}
