package ec.gob.iess.claveempleador.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The server's JFR recording, summarised for one phase: Java CPU samples by the component whose code was running
 * (the first frame from the top of the stack outside the JDK decides, so a class lookup the nested-jar loader does
 * for Thymeleaf counts as the loader), native samples inside libargon2, and the garbage collector's pauses.
 */
record JfrProfile(int javaSamples, Map<String, Integer> byComponent, int argon2NativeSamples, int gcPauses,
                  Duration gcPauseTotal, Duration gcPauseLongest) {

    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("de.mkammerer.", "Argon2id (libargon2 through JNA)");
        COMPONENTS.put("com.sun.jna.", "Argon2id (libargon2 through JNA)");
        COMPONENTS.put("org.bouncycastle.", "Argon2id (BouncyCastle)");
        COMPONENTS.put("org.h2.", "H2");
        COMPONENTS.put("org.springframework.boot.loader.", "Spring Boot nested-jar loader");
        COMPONENTS.put("me.gosimple.nbvcxz.", "clave strength check (nbvcxz)");
        COMPONENTS.put("org.thymeleaf.", "Thymeleaf");
        COMPONENTS.put("org.attoparser.", "Thymeleaf");
        COMPONENTS.put("ognl.", "Thymeleaf");
        COMPONENTS.put("org.camunda.", "Camunda engine");
        COMPONENTS.put("org.apache.ibatis.", "MyBatis");
        COMPONENTS.put("org.apache.catalina.", "Tomcat");
        COMPONENTS.put("org.apache.coyote.", "Tomcat");
        COMPONENTS.put("org.apache.tomcat.", "Tomcat");
        COMPONENTS.put("org.springframework.security.", "Spring Security");
        COMPONENTS.put("org.springframework.", "Spring");
        COMPONENTS.put("org.flywaydb.", "Flyway");
        COMPONENTS.put("jakarta.mail.", "mail");
        COMPONENTS.put("org.eclipse.angus.", "mail");
        COMPONENTS.put("com.sun.mail.", "mail");
        COMPONENTS.put("com.zaxxer.hikari.", "Hikari");
        COMPONENTS.put("com.fasterxml.jackson.", "Jackson");
        COMPONENTS.put("ch.qos.logback.", "logging");
        COMPONENTS.put("org.slf4j.", "logging");
        COMPONENTS.put("org.hibernate.validator.", "Bean Validation");
        COMPONENTS.put("io.micrometer.", "Micrometer");
        COMPONENTS.put("ec.gob.iess.", "clave-empleador");
    }

    static JfrProfile read(Path recording, Instant from, Instant to) throws IOException {
        Map<String, Integer> byComponent = new TreeMap<>();
        int java = 0;
        int argon2Native = 0;
        int pauses = 0;
        Duration pauseTotal = Duration.ZERO;
        Duration longest = Duration.ZERO;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                Instant at = event.getStartTime();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        java++;
                        byComponent.merge(component(event.getStackTrace()), 1, Integer::sum);
                    }
                    case "jdk.NativeMethodSample" -> {
                        if ("Argon2id (libargon2 through JNA)".equals(component(event.getStackTrace()))) {
                            argon2Native++;
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        pauses++;
                        Duration pause = event.getDuration("sumOfPauses");
                        pauseTotal = pauseTotal.plus(pause);
                        longest = pause.compareTo(longest) > 0 ? pause : longest;
                    }
                    default -> {
                    }
                }
            }
        }
        return new JfrProfile(java, byComponent, argon2Native, pauses, pauseTotal, longest);
    }

    private static String component(RecordedStackTrace stack) {
        if (stack == null) {
            return "unknown";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
                if (type.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
        }
        return "JDK only";
    }
}
