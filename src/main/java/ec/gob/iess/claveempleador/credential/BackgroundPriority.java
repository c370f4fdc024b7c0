package ec.gob.iess.claveempleador.credential;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the calling thread (Linux only; elsewhere nothing happens). A hash takes
 * about 20 ms of a core by design; when the cores are busy, the short steps (start, code, the pages) should get
 * them first and the clave step, which the employer expects to take a moment, should wait. Java's thread
 * priorities do not reach Linux's scheduler without root, so this asks the kernel through libc (JNA comes with
 * argon2-jvm). Raising a thread's nice value needs no privilege.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    private interface LibC extends Library {
        int gettid();

        int setpriority(int which, int who, int priority);
    }

    /** @param nice 0 (as the request threads) to 19 (only idle time); the thread keeps it for its life */
    static void lowerCurrentThread(int nice) {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            if (libc.setpriority(PRIO_PROCESS, libc.gettid(), nice) != 0) {
                log.debug("setpriority refused for {}", Thread.currentThread().getName());
            }
        } catch (LinkageError e) {
            log.debug("cannot lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
        }
    }
}
