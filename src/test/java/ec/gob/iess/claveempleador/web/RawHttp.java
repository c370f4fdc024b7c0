package ec.gob.iess.claveempleador.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a bare socket: it sends exactly the bytes it is given (invalid request targets,
 * raw non-ASCII bytes, broken encodings), which {@code java.net.http} refuses to put on the wire.
 * One request per connection ({@code Connection: close}), so the answer ends where the stream does.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** What came back; {@code status} is 0 when the server closed the connection without an answer. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedEarly) {
                // The server may answer and close before reading a large body (e.g. 400, 415): read what it said.
            }
            byte[] raw;
            try {
                raw = readAll(socket.getInputStream());
            } catch (IOException reset) {
                raw = new byte[0];
            }
            return parse(raw);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            all.write(buffer, 0, read);
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (raw.length < 12 || headEnd < 0) {
            return new Answer(0, Map.of(), new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        if (status < 200 && headEnd + 4 < raw.length) {
            // An interim answer (100 Continue): the real one follows.
            return parse(Arrays.copyOfRange(raw, headEnd + 4, raw.length));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (first, second) -> first + ", " + second);
            }
        }
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, position);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            position = start + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
