package ec.gob.iess.claveempleador.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The least a process can cost on this engine and database: start → wait for a message → end, started and
 * messaged through the engine's REST API (so, like our API, one HTTP request per step, with its authentication).
 * It is deployed at run time by the benchmark, never part of the application.
 */
final class MinimalProcess {

    static final String KEY = "benchmarkMinimal";
    static final String MESSAGE = "benchmarkGo";
    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="Definitions_BenchmarkMinimal" targetNamespace="http://iess.gob.ec/benchmark">
              <bpmn:message id="Message_Go" name="benchmarkGo"/>
              <bpmn:process id="benchmarkMinimal" name="Proceso mínimo (benchmark)" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Begin" name="Inicio"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Begin" targetRef="Event_AwaitGo"/>
                <bpmn:intermediateCatchEvent id="Event_AwaitGo" name="Mensaje">
                  <bpmn:messageEventDefinition messageRef="Message_Go"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Event_AwaitGo" targetRef="EndEvent_Done"/>
                <bpmn:endEvent id="EndEvent_Done" name="Fin"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    private MinimalProcess() {
    }

    static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (BenchmarkServer.ADMIN + ":" + BenchmarkServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static void deploy(String baseUrl) throws IOException, InterruptedException {
        String boundary = "----benchmark" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbenchmark-minimal\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"benchmark-minimal.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + BPMN + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Authorization", authorization())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("deploying the minimal process answered " + response.statusCode() + ": " + response.body());
        }
    }
}
