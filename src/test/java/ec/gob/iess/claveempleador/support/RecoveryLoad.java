package ec.gob.iess.claveempleador.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crowd of employers, each running whole online recoveries over HTTP (start, code from the mail, clave through
 * the mailed link) against one running application, and what the crowd saw: every answer's status, mails that
 * never came, recoveries that did not end COMPLETED, and how long each step took. The small run in
 * {@code ./mvnw verify} and the long run against the built jar share it.
 */
public final class RecoveryLoad {

    /** An employer of the crowd: a sucursal of its own, with its own mailbox. */
    public record LoadEmployer(String ruc, String sucursal, String representativeId, String email) {
    }

    /** What the crowd saw. {@code answers} counts HTTP statuses per step ("start 201", "otp 200", ...). */
    public record Report(int flows, int completed, int serverErrors, int failedCalls, int lostMails, Map<String, Integer> answers,
                         Map<String, Integer> finalStatuses, Map<String, List<Long>> millisPerStep, Duration took) {

        public long percentile(String step, double fraction) {
            List<Long> sorted = new ArrayList<>(millisPerStep.getOrDefault(step, List.of()));
            if (sorted.isEmpty()) {
                return -1;
            }
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1));
        }

        public String table() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "flows %d, completed %d, 5xx %d, calls without an answer %d, lost mails %d, in %ds%nanswers %s%nfinal statuses %s%n",
                    flows, completed, serverErrors, failedCalls, lostMails, took.toSeconds(), new TreeMap<>(answers), new TreeMap<>(finalStatuses)));
            for (String step : List.of("start", "otp", "password", "mail code", "mail link", "mail confirmation")) {
                text.append(String.format(Locale.ROOT, "%-18s n=%5d  p50 %5d ms  p95 %5d ms%n", step,
                        millisPerStep.getOrDefault(step, List.of()).size(), percentile(step, 0.5), percentile(step, 0.95)));
            }
            return text.toString();
        }
    }

    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(" + OtpCode.PATTERN + ")\\s*$");
    private static final Pattern TOKEN = Pattern.compile("/recuperar-clave/nueva-clave\\?token=([A-Za-z0-9_-]+)");
    private static final String REPRESENTATIVE = "1712345675";
    private static final String RUC = "1790012344001";

    private final String baseUrl;
    private final GreenMail smtp;
    private final Duration mailTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> finalStatuses = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> millis = new ConcurrentHashMap<>();
    private final AtomicInteger flows = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicInteger lostMails = new AtomicInteger();

    public RecoveryLoad(String baseUrl, GreenMail smtp, Duration mailTimeout) {
        this.baseUrl = baseUrl;
        this.smtp = smtp;
        this.mailTimeout = mailTimeout;
    }

    /**
     * Registers {@code count} employers (sucursales 0101 onwards of one RUC, the representative of Comercial
     * Andina) with an existing clave, so none of them is a first-time key that goes to a centre.
     */
    public static List<LoadEmployer> seed(JdbcClient jdbc, int count, String passwordHash) {
        List<LoadEmployer> employers = IntStream.range(0, count)
                .mapToObj(i -> new LoadEmployer(RUC, String.format("%04d", 101 + i), REPRESENTATIVE,
                        String.format("sucursal%04d@carga.example", 101 + i)))
                .toList();
        for (LoadEmployer employer : employers) {
            jdbc.sql("INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status) VALUES (?, ?, ?, ?, ?, 'ACTIVE')")
                    .params(employer.ruc(), employer.sucursal(), "Comercial Andina S.A. (sucursal " + employer.sucursal() + ")",
                            employer.representativeId(), employer.email())
                    .update();
            jdbc.sql("INSERT INTO credential (ruc, sucursal, password_hash, changed_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
                    .params(employer.ruc(), employer.sucursal(), passwordHash)
                    .update();
        }
        return employers;
    }

    /** Every employer runs {@code recoveriesEach} recoveries one after the other, all employers at once. */
    public Report run(List<LoadEmployer> employers, int recoveriesEach) throws InterruptedException {
        return run(employers, employer -> {
            for (int n = 0; n < recoveriesEach; n++) {
                recover(employer, n);
            }
        });
    }

    /** Every employer runs recoveries one after the other until {@code duration} is over, all employers at once. */
    public Report runFor(List<LoadEmployer> employers, Duration duration) throws InterruptedException {
        Instant end = Instant.now().plus(duration);
        return run(employers, employer -> {
            for (int n = 0; Instant.now().isBefore(end); n++) {
                recover(employer, n);
            }
        });
    }

    private Report run(List<LoadEmployer> employers, EmployerRun plan) throws InterruptedException {
        Instant began = Instant.now();
        ExecutorService crowd = Executors.newFixedThreadPool(employers.size());
        CountDownLatch ready = new CountDownLatch(employers.size());
        CountDownLatch go = new CountDownLatch(1);
        for (LoadEmployer employer : employers) {
            smtp.setUser(employer.email(), employer.email(), "load");
            crowd.execute(() -> {
                ready.countDown();
                try {
                    go.await();
                    plan.run(employer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        ready.await();
        go.countDown();
        crowd.shutdown();
        if (!crowd.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the crowd did not finish");
        }
        Map<String, List<Long>> steps = millis.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        return new Report(flows.get(), completed.get(), serverErrors.get(), failedCalls.get(), lostMails.get(), Map.copyOf(answers),
                Map.copyOf(finalStatuses), steps, Duration.between(began, Instant.now()));
    }

    /** One whole recovery; it stops at the first answer or mail that is not what an employer expects. */
    private void recover(LoadEmployer employer, int n) {
        flows.incrementAndGet();
        MailFolder inbox = inbox(employer);
        inbox.deleteAllMessages();
        JsonNode started = post("start", "/api/recoveries",
                Map.of("ruc", employer.ruc(), "sucursal", employer.sucursal(), "representativeId", employer.representativeId()), 201);
        if (started == null) {
            return;
        }
        String recoveryId = started.path("recoveryId").asText();
        String codeMail = awaitMail("mail code", inbox, 1);
        if (codeMail == null) {
            return;
        }
        Matcher code = CODE.matcher(codeMail);
        if (!code.find() || post("otp", "/api/recoveries/" + recoveryId + "/otp", Map.of("code", code.group(1)), 200) == null) {
            return;
        }
        String linkMail = awaitMail("mail link", inbox, 2);
        if (linkMail == null) {
            return;
        }
        Matcher token = TOKEN.matcher(linkMail);
        String clave = "tortuga violeta cruza el puente del Guayas " + (n % 2 == 0 ? "al alba" : "de noche");
        if (!token.find() || post("password", "/api/recoveries/password",
                Map.of("token", token.group(1), "newPassword", clave, "confirmation", clave), 200) == null) {
            return;
        }
        if (awaitMail("mail confirmation", inbox, 3) == null) {
            return;
        }
        JsonNode status = get("/api/recoveries/" + recoveryId);
        String finalStatus = status == null ? "UNKNOWN" : status.path("status").asText();
        finalStatuses.merge(finalStatus, 1, Integer::sum);
        if ("COMPLETED".equals(finalStatus)) {
            completed.incrementAndGet();
        }
    }

    private MailFolder inbox(LoadEmployer employer) {
        try {
            return smtp.getManagers().getImapHostManager().getInbox(smtp.getUserManager().getUser(employer.email()));
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the employer's mail number {@code number}, or null (a lost mail) when it does not come in time. */
    private String awaitMail(String step, MailFolder inbox, int number) {
        long began = System.nanoTime();
        try {
            await().atMost(mailTimeout).pollInSameThread().pollInterval(Duration.ofMillis(25))
                    .until(() -> inbox.getMessageCount() >= number);
        } catch (ConditionTimeoutException e) {
            lostMails.incrementAndGet();
            return null;
        }
        record(step, began);
        List<StoredMessage> messages = inbox.getMessages();
        MimeMessage message = messages.get(number - 1).getMimeMessage();
        return TestMailbox.text(message);
    }

    private JsonNode post(String step, String path, Map<String, String> body, int expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            long began = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            record(step, began);
            answers.merge(step + " " + response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            }
            return response.statusCode() == expected ? json.readTree(response.body()) : null;
        } catch (IOException e) {
            answers.merge(step + " io-error", 1, Integer::sum);
            failedCalls.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.merge("status " + response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            answers.merge("status io-error", 1, Integer::sum);
            failedCalls.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void record(String step, long beganNanos) {
        millis.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - beganNanos) / 1_000_000);
    }

    @FunctionalInterface
    private interface EmployerRun {
        void run(LoadEmployer employer);
    }
}
