package ec.gob.iess.claveempleador.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ec.gob.iess.claveempleador.support.AppProcess;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two real nodes of the prod profile on one PostgreSQL database. The node that is sending the link mail is
 * killed (kill -9) while it holds the job's lock; the other node must take the job over once the lock
 * expires and deliver the link inside the link window, with the configured lock time and windows.
 */
class NodeFailoverTest {

    private static final Logger log = LoggerFactory.getLogger(NodeFailoverTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MAIL = DemoEmployers.ANDINA.email();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";

    @TempDir
    Path workDir;

    private SharedBackends backends;
    private SmtpFront frontA;
    private SmtpFront frontB;
    private AppProcess nodeA;
    private AppProcess nodeB;

    @AfterEach
    void stopEverything() throws IOException {
        for (AppProcess node : new AppProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        for (SmtpFront front : new SmtpFront[] {frontA, frontB}) {
            if (front != null) {
                front.close();
            }
        }
        if (backends != null) {
            backends.close();
        }
    }

    @Test
    void theLinkMailOfAKilledNodeIsSentByTheOtherNodeInsideTheLinkWindow() throws Exception {
        backends = SharedBackends.start();
        frontA = new SmtpFront(backends.smtp.getSmtp().getPort());
        frontB = new SmtpFront(backends.smtp.getSmtp().getPort());
        // One after the other: the first creates the schema, the second finds it.
        nodeA = AppProcess.start(workDir.resolve("a"), backends.prodProperties(frontA.port()));
        nodeB = AppProcess.start(workDir.resolve("b"), backends.prodProperties(frontB.port()));
        DemoData.registerComercialAndina(JdbcClient.create(backends.postgres.getPostgresDatabase()), MAIL);
        TestMailbox mailbox = new TestMailbox(backends.smtp);

        JsonNode started = post(nodeA, "/api/recoveries", Map.of("ruc", "1790012344001", "sucursal", "0001", "representativeId", "1712345675"));
        String recoveryId = started.path("recoveryId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(MAIL).size() == 1);

        // From now on neither mail server answers: whichever node takes the link job hangs in the send.
        frontA.hold();
        frontB.hold();
        JsonNode accepted = post(nodeA, "/api/recoveries/" + recoveryId + "/otp", Map.of("code", mailbox.codeSentTo(MAIL)));
        Instant linkExpiresAt = Instant.parse(accepted.path("expiresAt").asText());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> frontA.held() + frontB.held() > 0);
        boolean aIsSending = frontA.held() > 0;
        AppProcess sender = aIsSending ? nodeA : nodeB;
        AppProcess survivor = aIsSending ? nodeB : nodeA;
        (aIsSending ? frontB : frontA).forward();
        sender.kill();
        Instant killedAt = Instant.now();
        assertThat(get(survivor, "/api/recoveries/" + recoveryId).path("mailDelivery").asText()).isEqualTo("PENDING");

        await().atMost(Duration.between(Instant.now(), linkExpiresAt)).pollInterval(Duration.ofMillis(200))
                .until(() -> mailbox.to(MAIL).size() == 2);

        Instant deliveredAt = Instant.now();
        log.info("Link mail sent by the surviving node {} s after the kill, {} s before the link window closed",
                Duration.between(killedAt, deliveredAt).toSeconds(), Duration.between(deliveredAt, linkExpiresAt).toSeconds());
        assertThat(deliveredAt).isBefore(linkExpiresAt);
        // The mail leaves before the job's transaction (which records SENT) commits: give the commit a moment.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(survivor, "/api/recoveries/" + recoveryId).path("mailDelivery").asText().equals("SENT"));
        JsonNode status = get(survivor, "/api/recoveries/" + recoveryId);
        assertThat(status.path("status").asText()).isEqualTo("AWAITING_NEW_PASSWORD");
        JsonNode changed = post(survivor, "/api/recoveries/password",
                Map.of("token", mailbox.tokenSentTo(MAIL), "newPassword", NEW_CLAVE, "confirmation", NEW_CLAVE));
        assertThat(changed.path("status").asText()).isEqualTo("COMPLETED");
    }

    private static JsonNode post(AppProcess node, String path, Map<String, String> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(AppProcess node, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * What a node sees as its mail server: passes connections through to GreenMail, or, once told to hold,
     * accepts them and never answers, as a mail server that hangs. A held connection tells the test that
     * this node is in the middle of sending.
     */
    private static final class SmtpFront implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private volatile boolean holding;

        SmtpFront(int target) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.target = target;
            Thread acceptor = new Thread(this::acceptLoop, "smtp-front-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void hold() {
            holding = true;
        }

        void forward() {
            holding = false;
        }

        int held() {
            return held.size();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (holding) {
                        held.add(client);
                    } else {
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    }
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread copier = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // One side hung up: the other is closed with it.
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
            copier.setDaemon(true);
            copier.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            held.forEach(SmtpFront::closeQuietly);
        }
    }
}
