package ec.gob.iess.claveempleador.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The floor a journey cannot go below: one bare Argon2id hash with the application's parameters (m = 19 MiB, t = 2,
 * p = 1), measured in the benchmark's JVM while the server is idle, on one thread (latency and CPU per hash) and on
 * two (hashes per second: what the 2 cores can do at best, and so the most journeys per second they could carry).
 */
record Argon2Floor(String implementation, double p50Millis, double cpuMillisPerHash, double twoThreadHashesPerSecond) {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;

    private static final String CLAVE = "tortuga violeta cruza el puente del Guayas";

    /** libargon2, as the application hashes. */
    static Argon2Floor libargon2(int hashesPerThread) throws Exception {
        Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, 16, 32);
        return measure("libargon2 (argon2-jvm)", hashesPerThread, () -> argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, CLAVE.toCharArray()));
    }

    /** BouncyCastle through Spring Security, as the application hashed before: for comparison only. */
    static Argon2Floor bouncyCastle(int hashesPerThread) throws Exception {
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);
        return measure("BouncyCastle (pure Java)", hashesPerThread, () -> encoder.encode(CLAVE));
    }

    private static Argon2Floor measure(String implementation, int hashesPerThread, Runnable hash) throws Exception {
        for (int i = 0; i < 10; i++) {
            hash.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[hashesPerThread];
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < hashesPerThread; i++) {
            long start = System.nanoTime();
            hash.run();
            wall[i] = System.nanoTime() - start;
        }
        double cpuPerHash = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / hashesPerThread;
        Arrays.sort(wall);

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(two.submit(() -> {
                    for (int i = 0; i < hashesPerThread; i++) {
                        hash.run();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Argon2Floor(implementation, wall[wall.length / 2] / 1e6, cpuPerHash, 2 * hashesPerThread / seconds);
        } finally {
            two.shutdown();
        }
    }
}
