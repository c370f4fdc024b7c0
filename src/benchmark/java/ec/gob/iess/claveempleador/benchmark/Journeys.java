package ec.gob.iess.claveempleador.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The journeys the benchmarks drive, as Gatling chains that record into {@link Results}: the portal pages as a
 * browser goes through them, the public API, and the minimal process. Each flow takes the next benchmark employer.
 */
final class Journeys {

    static final String CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAIL_POLL = Duration.ofMillis(5);

    private final BenchmarkServer server;
    private final Results results;
    private final AtomicInteger nextEmployer = new AtomicInteger();
    private final Iterator<Map<String, Object>> employers;

    Journeys(BenchmarkServer server, Results results) {
        this(server, results, 0);
    }

    /** @param firstEmployer the index of the first benchmark employer these journeys use (others may be taken) */
    Journeys(BenchmarkServer server, Results results, int firstEmployer) {
        this.server = server;
        this.results = results;
        nextEmployer.set(firstEmployer);
        this.employers = Stream.generate(() -> {
            String ruc = server.employers.ruc(nextEmployer.getAndIncrement());
            return Map.<String, Object>of("ruc", ruc, "email", Employers.email(ruc));
        }).iterator();
    }

    /** A browser's HTTP: no automatic redirects (each page is a step of its own), Spanish first, gzip. */
    static HttpProtocolBuilder browser(String baseUrl) {
        return http.baseUrl(baseUrl)
                .disableFollowRedirect()
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("es-EC,es;q=0.9")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) clave-empleador-benchmark");
    }

    PopulationBuilder portal(String journey, int users, Duration duration) {
        String name = journey + " @" + users;
        return closed(name, portalFlow(name), users, duration);
    }

    ChainBuilder portalFlow(String name) {
        Results.Phase phase = results.phase(name);
        String code = "#{codePage}";
        ChainBuilder flow = exitBlockOnFail().on(
                step(phase, "GET form", http(name + " GET form").get("/recuperar-clave")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf"))),
                step(phase, "POST form (start)", http(name + " POST form").post("/recuperar-clave")
                        .formParam("_csrf", "#{csrf}").formParam("ruc", "#{ruc}").formParam("sucursal", Employers.SUCURSAL)
                        .formParam("cedula", Employers.REPRESENTATIVE)
                        .check(status().is(302), header("Location").transform(l -> l.replaceFirst("^https?://[^/]+", "")).saveAs("codePage"))),
                step(phase, "GET code page", http(name + " GET code page").get(code)
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf"))),
                awaitMail(phase, "mail wait: code", Mailbox.CODE, "code"),
                step(phase, "POST code", http(name + " POST code").post(code)
                        .formParam("_csrf", "#{csrf}").formParam("code", "#{code}")
                        .check(status().is(302), header("Location").transform(l -> l.replaceFirst("^https?://[^/]+", "")).saveAs("checkPage"))),
                step(phase, "GET check-your-mail page", http(name + " GET check page").get("#{checkPage}")
                        .check(status().is(200))),
                awaitMail(phase, "mail wait: link", Mailbox.LINK, "token"),
                step(phase, "GET link page", http(name + " GET link page").get("/recuperar-clave/nueva-clave?token=#{token}")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf"))),
                step(phase, "POST new clave", http(name + " POST new clave").post("/recuperar-clave/nueva-clave?token=#{token}")
                        .formParam("_csrf", "#{csrf}").formParam("newPassword", CLAVE).formParam("confirmation", CLAVE)
                        .check(status().is(302), header("Location").saveAs("donePage"))),
                step(phase, "GET done page", http(name + " GET done page").get("/recuperar-clave/clave-actualizada")
                        .check(status().is(200))));
        return journey(phase, flow);
    }

    PopulationBuilder api(String journey, int users, Duration duration) {
        String name = journey + " @" + users;
        return closed(name, apiFlow(name), users, duration);
    }

    ChainBuilder apiFlow(String name) {
        Results.Phase phase = results.phase(name);
        ChainBuilder flow = exitBlockOnFail().on(
                step(phase, "POST /api/recoveries (start)", http(name + " start").post("/api/recoveries")
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .body(StringBody("{\"ruc\":\"#{ruc}\",\"sucursal\":\"" + Employers.SUCURSAL + "\",\"representativeId\":\""
                                + Employers.REPRESENTATIVE + "\"}"))
                        .check(status().is(201), jsonPath("$.recoveryId").saveAs("recoveryId"))),
                awaitMail(phase, "mail wait: code", Mailbox.CODE, "code"),
                step(phase, "POST …/otp (code)", http(name + " code").post("/api/recoveries/#{recoveryId}/otp")
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .body(StringBody("{\"code\":\"#{code}\"}"))
                        .check(status().is(200))),
                awaitMail(phase, "mail wait: link", Mailbox.LINK, "token"),
                step(phase, "POST /api/recoveries/password", http(name + " password").post("/api/recoveries/password")
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .body(StringBody("{\"token\":\"#{token}\",\"newPassword\":\"" + CLAVE + "\",\"confirmation\":\"" + CLAVE + "\"}"))
                        .check(status().is(200))));
        return journey(phase, flow);
    }

    PopulationBuilder minimal(String journey, int users, Duration duration) {
        String name = journey + " @" + users;
        return closed(name, minimalFlow(name), users, duration);
    }

    ChainBuilder minimalFlow(String name) {
        Results.Phase phase = results.phase(name);
        ChainBuilder flow = exitBlockOnFail().on(
                step(phase, "start", http(name + " start").post("/engine-rest/process-definition/key/" + MinimalProcess.KEY + "/start")
                        .header("Authorization", MinimalProcess.authorization())
                        .header("Content-Type", "application/json").header("Accept", "application/json").body(StringBody("{}"))
                        .check(status().is(200), jsonPath("$.id").saveAs("instance"))),
                step(phase, "message", http(name + " message").post("/engine-rest/message")
                        .header("Authorization", MinimalProcess.authorization())
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .body(StringBody("{\"messageName\":\"" + MinimalProcess.MESSAGE + "\",\"processInstanceId\":\"#{instance}\"}"))
                        .check(status().in(200, 204))));
        return journey(phase, flow);
    }

    static PopulationBuilder closed(String name, ChainBuilder flow, int users, Duration duration) {
        return scenario(name).exec(flow).injectClosed(constantConcurrentUsers(users).during(duration));
    }

    /** One flow: the next employer, its inbox cleared, the flow's times and outcome recorded. */
    private ChainBuilder journey(Results.Phase phase, ChainBuilder flow) {
        return feed(employers)
                .exec(session -> {
                    server.mailbox.clear(session.getString("email"));
                    phase.started();
                    return session.set("flowStart", System.nanoTime()).set("serverMillis", 0.0);
                })
                .exec(flow)
                .exec(session -> {
                    if (session.isFailed()) {
                        phase.error();
                    } else {
                        phase.flow(session.getDouble("serverMillis"), (System.nanoTime() - session.getLong("flowStart")) / 1e6);
                    }
                    return session.markAsSucceeded();
                });
    }

    private static ChainBuilder step(Results.Phase phase, String step, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt")))
                .exec(session -> {
                    if (session.isFailed()) {
                        return session;
                    }
                    double millis = session.getInt("rt");
                    phase.step(step, millis);
                    return session.set("serverMillis", session.getDouble("serverMillis") + millis);
                });
    }

    /** Polls this employer's inbox as a mail program would (every few ms), up to {@link #MAIL_TIMEOUT}. */
    private ChainBuilder awaitMail(Results.Phase phase, String step, Pattern pattern, String key) {
        return exec(session -> session.remove(key).set("mailFrom", System.nanoTime()))
                .asLongAs(session -> !session.contains(key) && System.nanoTime() - session.getLong("mailFrom") < MAIL_TIMEOUT.toNanos())
                .on(exec(session -> take(session, pattern, key)).doIf(session -> !session.contains(key)).then(pause(MAIL_POLL)))
                .exec(session -> {
                    if (!session.contains(key)) {
                        return session.markAsFailed();
                    }
                    phase.step(step, (System.nanoTime() - session.getLong("mailFrom")) / 1e6);
                    return session;
                });
    }

    private Session take(Session session, Pattern pattern, String key) {
        return server.mailbox.take(session.getString("email"), pattern).map(value -> session.set(key, value)).orElse(session);
    }
}
