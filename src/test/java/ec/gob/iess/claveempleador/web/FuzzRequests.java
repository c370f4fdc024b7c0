package ec.gob.iess.claveempleador.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of hostile HTTP requests against every public surface: the API's endpoints, the portal's pages
 * and forms (with CSRF tokens valid, missing or tampered), and random paths; with odd methods, content types,
 * headers and bodies (JSON of the wrong types, duplicated keys, deep nesting, huge strings, invalid UTF-8,
 * lone surrogates, broken percent-encoding, multipart without boundaries). Each request is raw bytes.
 */
final class FuzzRequests {

    /** What a running server already knows, so that some requests reach past the lookups. */
    record Known(List<String> recoveryIds, List<String> linkTokens, List<PortalSession> sessions) {
    }

    /** A portal session cookie and a CSRF token that is valid for it. */
    record PortalSession(String cookie, String csrfToken) {
    }

    /** A request ready for the wire; {@code label} says in words what it is, for failure reports. */
    record Request(String label, byte[] bytes) {

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return label + "\n" + (text.length() > 1_500 ? text.substring(0, 1_500) + "…(" + text.length() + " bytes)" : text);
        }
    }

    private static final List<String> FIELDS = List.of("ruc", "sucursal", "representativeId", "cedula", "code", "token",
            "newPassword", "confirmation", "password", "_csrf", "lang", "caseNumber");
    private static final List<String> ODD_PIECES = List.of("%", "%z", "%zz", "%00", "%2F", "%2f", "%2e%2e", "..", "%ED%A0%80",
            "%C0%AF", "%FF", "%F0%9F%98", "%E2%82", "%25", "+", ";x=1", ";jsessionid=ABC", "//", "\\", "%5C", "{", "}", "|", "^",
            "`", "\"", "<", ">", " ", "\t", "#", "?", "&", "=", "ñ", "💥", "\u0000");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {0});
    private static final List<String> JSON_ESCAPES = List.of("\\ud800", "\\udfff", "\\ud83d", "\\udc00\\ud800", "\\u0000",
            "\\\"", "\\\\", "\\n", "\\u00f1", "\\ud83d\\ude00", "\\x41", "\\u12", "\\");

    private final Known known;

    FuzzRequests(Known known) {
        this.known = known;
    }

    Known known() {
        return known;
    }

    Arbitrary<Request> requests() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, apiCalls()),
                Tuple.of(35, portalCalls()),
                Tuple.of(15, randomCalls()),
                Tuple.of(10, Combinators.combine(method(), target(), headers(), body()).as(this::assemble)));
    }

    // --- the API --------------------------------------------------------------------------------------------

    private Arbitrary<Request> apiCalls() {
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.just("/api/recoveries"),
                recoveryId().map(id -> "/api/recoveries/" + id + "/otp"),
                recoveryId().map(id -> "/api/recoveries/" + id),
                Arbitraries.just("/api/recoveries/password"),
                Arbitraries.just("/api/sign-in"),
                recoveryId().map(id -> "/api/recoveries/" + id + "/otp/resend"),
                Arbitraries.of("/api/cases/lookup", "/api/cases/new-link", "/api", "/api/", "/api/recoveries/"));
        Arbitrary<String> method = Arbitraries.frequency(Tuple.of(8, "POST"), Tuple.of(3, "GET"), Tuple.of(1, "PUT"),
                Tuple.of(1, "DELETE"), Tuple.of(1, "PATCH"), Tuple.of(1, "OPTIONS"), Tuple.of(1, "HEAD"));
        Arbitrary<String> contentType = Arbitraries.frequency(Tuple.of(12, "application/json"), Tuple.of(2, "application/json; charset=UTF-8"),
                Tuple.of(1, "application/json; charset=UTF-16"), Tuple.of(1, "application/json; charset=bogus"),
                Tuple.of(1, "application/problem+json"), Tuple.of(1, "text/plain"), Tuple.of(1, "application/x-www-form-urlencoded"),
                Tuple.of(1, "multipart/form-data"), Tuple.of(1, "multipart/form-data; boundary=xyz"), Tuple.of(1, "application/xml"),
                Tuple.of(1, ";;;"), Tuple.of(1, "application/json;;q=\u00ff"), Tuple.of(1, ""));
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(Tuple.of(10, jsonBody()), Tuple.of(1, formBody(Arbitraries.just(""))),
                Tuple.of(1, multipartBody()), Tuple.of(1, randomBytes()), Tuple.of(1, Arbitraries.just(new byte[0])));
        return Combinators.combine(method, path.flatMap(this::withQuery), contentType, apiHeaders(), body)
                .as((m, p, type, headers, b) -> {
                    List<String> all = new ArrayList<>(headers);
                    if (!type.isEmpty()) {
                        all.add("Content-Type: " + type);
                    }
                    return request("API " + m + " " + p, m, p.getBytes(StandardCharsets.UTF_8), all, b);
                });
    }

    private Arbitrary<List<String>> apiHeaders() {
        Arbitrary<String> accept = Arbitraries.frequency(Tuple.of(6, ""), Tuple.of(3, "Accept: application/json"),
                Tuple.of(1, "Accept: application/problem+json"), Tuple.of(1, "Accept: text/html"), Tuple.of(1, "Accept: application/xml"),
                Tuple.of(1, "Accept: */*;q=abc"), Tuple.of(1, "Accept: ;;,,"), Tuple.of(1, "Accept: text/*, image/png;q=0.5"));
        return Combinators.combine(accept, acceptLanguage(), extraHeaders())
                .as((a, l, extra) -> nonEmpty(List.of(a, l), extra));
    }

    // --- the portal -----------------------------------------------------------------------------------------

    private Arbitrary<Request> portalCalls() {
        Arbitrary<String> page = Arbitraries.oneOf(
                Arbitraries.of("/", "/recuperar-clave", "/ingreso", "/ingreso/bienvenido", "/recuperar-clave/datos-no-coinciden",
                        "/recuperar-clave/codigo-expirado", "/recuperar-clave/codigo-bloqueado", "/recuperar-clave/no-llego-el-codigo",
                        "/recuperar-clave/sesion-caducada", "/recuperar-clave/clave-actualizada", "/recuperar-clave/enlace-expirado",
                        "/recuperar-clave/consultar-caso", "/recuperar-clave/caso", "/recuperar-clave/caso/estado",
                        "/recuperar-clave/caso/nuevo-enlace", "/recuperar-clave/caso/enlace-enviado", "/error", "/favicon.ico",
                        "/css/portal.css", "/js/countdown.js", "/js/print.js"),
                recoveryId().flatMap(id -> Arbitraries.of("codigo", "revise-su-correo", "atencion-asistida", "finalizada", "codigo/reenviar")
                        .map(step -> "/recuperar-clave/" + id + "/" + step)),
                linkToken().map(token -> "/recuperar-clave/nueva-clave?token=" + token),
                Arbitraries.just("/recuperar-clave/nueva-clave"));
        Arbitrary<String> method = Arbitraries.frequency(Tuple.of(6, "POST"), Tuple.of(4, "GET"), Tuple.of(1, "PUT"),
                Tuple.of(1, "DELETE"), Tuple.of(1, "HEAD"));
        Arbitrary<String> contentType = Arbitraries.frequency(Tuple.of(10, "application/x-www-form-urlencoded"),
                Tuple.of(1, "application/x-www-form-urlencoded; charset=UTF-16"), Tuple.of(1, "application/x-www-form-urlencoded; charset=nope"),
                Tuple.of(1, "multipart/form-data"), Tuple.of(1, "multipart/form-data; boundary=xyz"), Tuple.of(1, "application/json"),
                Tuple.of(1, "text/plain"), Tuple.of(1, ""));
        Arbitrary<Integer> session = Arbitraries.integers().between(-1, known.sessions().size() - 1);
        return Combinators.combine(method, page.flatMap(this::withQuery), contentType, session, csrf(), portalHeaders())
                .flatAs((m, p, type, s, token, headers) -> portalBody(type, token).map(body -> {
                    List<String> all = new ArrayList<>(headers);
                    if (s >= 0) {
                        all.add("Cookie: SESSION=" + known.sessions().get(s).cookie());
                    }
                    if (!type.isEmpty()) {
                        all.add("Content-Type: " + type);
                    }
                    return request("PORTAL " + m + " " + p + " session " + s, m, p.getBytes(StandardCharsets.UTF_8), all, body);
                }));
    }

    /** A CSRF token as a form would carry it: valid, missing, or tampered in the ways an attacker or a proxy might. */
    private Arbitrary<String> csrf() {
        if (known.sessions().isEmpty()) {
            return Arbitraries.just("");
        }
        Arbitrary<String> valid = Arbitraries.of(known.sessions()).map(PortalSession::csrfToken);
        return Arbitraries.frequencyOf(
                Tuple.of(5, valid.map(token -> "_csrf=" + token)),
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("_csrf=")),
                Tuple.of(2, Combinators.combine(valid, Arbitraries.integers().between(0, 40), Arbitraries.chars().alpha())
                        .as((token, at, c) -> "_csrf=" + replaceAt(token, at, c))),
                Tuple.of(1, valid.map(token -> "_csrf=" + token.substring(0, token.length() - 4) + "AAAA")),
                Tuple.of(1, valid.map(token -> "_csrf=" + token.substring(0, token.length() / 2))),
                Tuple.of(1, valid.map(token -> "_csrf=" + token + token)),
                Tuple.of(1, Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_").ofMinLength(1).ofMaxLength(120).map(t -> "_csrf=" + t)),
                Tuple.of(1, oddText().map(t -> "_csrf=" + t)),
                Tuple.of(1, valid.map(token -> "_csrf=" + token + "&_csrf=" + token.toUpperCase())));
    }

    private Arbitrary<byte[]> portalBody(String contentType, String csrf) {
        if (contentType.startsWith("multipart")) {
            return multipartBody();
        }
        if (contentType.equals("application/json")) {
            return jsonBody();
        }
        return formBody(Arbitraries.just(csrf));
    }

    private Arbitrary<List<String>> portalHeaders() {
        Arbitrary<String> accept = Arbitraries.frequency(Tuple.of(5, "Accept: text/html,application/xhtml+xml"), Tuple.of(2, ""),
                Tuple.of(1, "Accept: application/json"), Tuple.of(1, "Accept: */*;q=abc"), Tuple.of(1, "Accept: image/png"));
        Arbitrary<String> localeCookie = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("en", "es-EC", "xx", "%%%", "zz-\u00ff", "en_US_POSIX_x", "--", "a".repeat(300)).map(v -> "Cookie: clave-idioma=" + v)));
        Arbitrary<String> csrfHeader = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
                Tuple.of(1, oddText().map(t -> "X-CSRF-TOKEN: " + t.replace("\r", "").replace("\n", ""))));
        return Combinators.combine(accept, acceptLanguage(), localeCookie, csrfHeader, extraHeaders())
                .as((a, l, c, x, extra) -> nonEmpty(List.of(a, l, c, x), extra));
    }

    // --- anything at all -------------------------------------------------------------------------------------

    private Arbitrary<Request> randomCalls() {
        return Combinators.combine(method(), randomTarget(), headers(), body()).as(this::assemble);
    }

    private Request assemble(String method, byte[] target, List<String> headers, byte[] body) {
        return request("RANDOM " + method + " " + new String(target, StandardCharsets.ISO_8859_1), method, target, headers, body);
    }

    private Arbitrary<String> method() {
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of("GET", "POST")),
                Tuple.of(3, Arbitraries.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT")),
                Tuple.of(1, Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("get", "G-ET", "PO ST", "GET\u00ff", "")));
    }

    private Arbitrary<byte[]> target() {
        return Arbitraries.oneOf(randomTarget(), Arbitraries.of("/api/recoveries", "/recuperar-clave", "/ingreso", "/api/sign-in")
                .map(t -> t.getBytes(StandardCharsets.UTF_8)));
    }

    private Arbitrary<byte[]> randomTarget() {
        Arbitrary<String> root = Arbitraries.of("", "/api", "/api/recoveries", "/recuperar-clave", "/ingreso", "/error", "/css", "/dev",
                "/v3/api-docs", "/swagger-ui", "/actuator", "/actuator/health");
        Arbitrary<String> segment = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(3, oddText()), Tuple.of(1, Arbitraries.just("x".repeat(3_000))), Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> path = Combinators.combine(root, segment.list().ofMaxSize(4))
                .as((r, segments) -> r + "/" + String.join("/", segments));
        Arbitrary<byte[]> rawBytes = Combinators.combine(path, Arbitraries.of(INVALID_UTF8))
                .as((p, bad) -> concat(p.getBytes(StandardCharsets.UTF_8), bad));
        return Arbitraries.frequencyOf(
                Tuple.of(6, path.flatMap(this::withQuery).map(p -> p.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, rawBytes),
                Tuple.of(1, Arbitraries.of("*", "http://localhost/", "//", "", "%", "?x", "/..", "/%2e%2e/%2e%2e/etc/passwd", "/./.%2F")
                        .map(t -> t.getBytes(StandardCharsets.UTF_8))));
    }

    private Arbitrary<List<String>> headers() {
        Arbitrary<String> contentType = Arbitraries.of("", "Content-Type: application/json", "Content-Type: application/x-www-form-urlencoded",
                "Content-Type: multipart/form-data", "Content-Type: text/plain", "Content-Type: \u00ff/\u00ff", "Content-Type: ;");
        Arbitrary<String> accept = Arbitraries.of("", "Accept: text/html", "Accept: application/json", "Accept: */*;q=abc", "Accept: \u00ff");
        return Combinators.combine(contentType, accept, acceptLanguage(), extraHeaders())
                .as((c, a, l, extra) -> nonEmpty(List.of(c, a, l), extra));
    }

    private Arbitrary<String> acceptLanguage() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of("es", "en", "en-US,en;q=0.9", "es-EC;q=0.8, en;q=0.2", "*", "fr").map(l -> "Accept-Language: " + l)),
                Tuple.of(1, Arbitraries.of("xx;q=2", ";q=x,,,", "en-" + "x".repeat(100), "\u00ff\u00fe", "en;q=abc", "-").map(l -> "Accept-Language: " + l)));
    }

    private Arbitrary<List<String>> extraHeaders() {
        Arbitrary<String> one = Arbitraries.oneOf(
                Arbitraries.of("X-Forwarded-For: 203.0.113.7", "X-Forwarded-For: not-an-address, ::1, 999.1.1.1", "Origin: http://evil.example",
                        "Referer: http://evil.example/", "Cookie: SESSION=", "Cookie: SESSION=%%%; a", "Cookie: ;;;=;",
                        "Range: bytes=abc", "If-Modified-Since: yesterday", "Expect: 100-continue", "X-HTTP-Method-Override: DELETE",
                        "Content-Encoding: gzip", "Authorization: Basic %%%", "Authorization: Basic ZGVtbzpkZW1v"),
                oddText().map(t -> "X-Odd: " + t.replace("\r", "").replace("\n", "")),
                Arbitraries.integers().between(2_000, 12_000).map(n -> "X-Big: " + "b".repeat(n)),
                Arbitraries.just("X-Huge: " + "h".repeat(40_000)));
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(List.of())), Tuple.of(3, one.list().ofMinSize(1).ofMaxSize(3)));
    }

    // --- bodies ----------------------------------------------------------------------------------------------

    private Arbitrary<byte[]> body() {
        return Arbitraries.frequencyOf(Tuple.of(3, jsonBody()), Tuple.of(3, formBody(csrfOrNothing())), Tuple.of(1, multipartBody()),
                Tuple.of(2, randomBytes()), Tuple.of(3, Arbitraries.just(new byte[0])));
    }

    private Arbitrary<String> csrfOrNothing() {
        return Arbitraries.frequencyOf(Tuple.of(1, csrf()), Tuple.of(1, Arbitraries.just("")));
    }

    /** JSON that a careless or hostile client might send: right keys with wrong values, repeated keys, broken text. */
    Arbitrary<byte[]> jsonBody() {
        Arbitrary<String> member = Combinators.combine(jsonKey(), jsonValue(3)).as((k, v) -> k + ":" + v);
        Arbitrary<String> object = Combinators.combine(member.list().ofMaxSize(6), Arbitraries.integers().between(0, 4))
                .as((members, duplicate) -> {
                    List<String> all = new ArrayList<>(members);
                    if (duplicate == 0 && !all.isEmpty()) {
                        all.add(all.get(0));
                    }
                    return "{" + String.join(",", all) + "}";
                });
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(12, object),
                Tuple.of(3, wellFormedRequest()),
                Tuple.of(2, wellFormedRequest().map(json -> json.replaceFirst("\\{\"(\\w+)\":(\"[^\"]*\")", "{\"$1\":$2,\"$1\":$2"))),
                Tuple.of(1, Arbitraries.integers().between(1_001, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                Tuple.of(1, Arbitraries.integers().between(1_001, 2_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "\"x\"", "12", "{", "{\"ruc\":", "{\"ruc\" \"x\"}", "{'ruc':'1'}", "{\"ruc\":01}",
                        "{\"code\":1e400}", "{\"code\":-0.0}", "{\"ruc\":NaN}", "{} trailing", "\uFEFF{}", "{\"ruc\":\"1\"}{\"ruc\":\"2\"}")),
                Tuple.of(1, Arbitraries.integers().between(100_000, 600_000).map(n -> "{\"newPassword\":\"" + "a".repeat(n) + "\"}")));
        Arbitrary<byte[]> utf8 = text.map(t -> t.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(8, utf8),
                Tuple.of(2, Combinators.combine(utf8, Arbitraries.of(INVALID_UTF8), Arbitraries.doubles().between(0, 1))
                        .as((bytes, bad, where) -> insert(bytes, bad, (int) (where * bytes.length)))),
                Tuple.of(1, text.map(t -> t.getBytes(StandardCharsets.UTF_16LE))),
                Tuple.of(1, Combinators.combine(utf8, Arbitraries.doubles().between(0, 1))
                        .as((bytes, where) -> Arrays.copyOf(bytes, (int) (where * bytes.length)))));
    }

    private Arbitrary<String> wellFormedRequest() {
        return Arbitraries.oneOf(
                Combinators.combine(ruc(), sucursal(), cedula()).as((r, s, c) ->
                        "{\"ruc\":" + r + ",\"sucursal\":" + s + ",\"representativeId\":" + c + "}"),
                jsonString().map(code -> "{\"code\":" + code + "}"),
                Combinators.combine(linkToken().map(FuzzRequests::quote), jsonString(), jsonString()).as((t, p, c) ->
                        "{\"token\":" + t + ",\"newPassword\":" + p + ",\"confirmation\":" + c + "}"),
                Combinators.combine(linkToken().map(FuzzRequests::quote), clave()).as((t, p) ->
                        "{\"token\":" + t + ",\"newPassword\":" + p + ",\"confirmation\":" + p + "}"),
                Combinators.combine(ruc(), sucursal(), clave()).as((r, s, p) ->
                        "{\"ruc\":" + r + ",\"sucursal\":" + s + ",\"password\":" + p + "}"));
    }

    private Arbitrary<String> ruc() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1790012344001", "0912345675000", "0990123454001", "1792223334001",
                "1760012320001").map(FuzzRequests::quote)), Tuple.of(2, Arbitraries.strings().numeric().ofLength(13).map(FuzzRequests::quote)),
                Tuple.of(2, jsonValue(1)));
    }

    private Arbitrary<String> sucursal() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("0001", "0002", "0000", "9999").map(FuzzRequests::quote)), Tuple.of(1, jsonValue(1)));
    }

    private Arbitrary<String> cedula() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1712345675", "0912345675", "0922334453", "1711223345", "1700112236")
                .map(FuzzRequests::quote)), Tuple.of(2, Arbitraries.strings().numeric().ofLength(10).map(FuzzRequests::quote)), Tuple.of(1, jsonValue(1)));
    }

    /** A clave that might pass the policy, or one with lone surrogates, controls or astral characters in it. */
    private Arbitrary<String> clave() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(quote("tortuga violeta cruza el puente del Guayas"))),
                Tuple.of(3, Combinators.combine(Arbitraries.of(JSON_ESCAPES), Arbitraries.of("gaviota azul sobre el malecon de Salinas ", "x", "")).as((e, words) -> "\"" + words + e + words + "\"")),
                Tuple.of(2, jsonString()));
    }

    private Arbitrary<String> jsonKey() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(FIELDS).map(FuzzRequests::quote)),
                Tuple.of(1, jsonString()), Tuple.of(1, Arbitraries.of("\"\"", "\"__proto__\"", "\"@class\"", "\"ruc \"", "\"RUC\"")));
    }

    private Arbitrary<String> jsonValue(int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<? extends String>>> choices = new ArrayList<>(List.of(
                Tuple.of(6, jsonString()),
                Tuple.of(2, Arbitraries.of("0", "-1", "123456", "1790012344001", "1e3", "1.5", "-0", "99999999999999999999999", "true",
                        "false", "null"))));
        if (depth > 0) {
            choices.add(Tuple.of(1, jsonValue(depth - 1).list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]")));
            choices.add(Tuple.of(1, Combinators.combine(jsonKey(), jsonValue(depth - 1)).as((k, v) -> "{" + k + ":" + v + "}")));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    private Arbitrary<String> jsonString() {
        Arbitrary<String> plain = Arbitraries.strings().ofMaxLength(40)
                .map(s -> s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " "));
        Arbitrary<String> escaped = Combinators.combine(plain, Arbitraries.of(JSON_ESCAPES), plain).as((a, e, b) -> a + e + b);
        return Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(3, escaped), Tuple.of(1, Arbitraries.strings().numeric().ofMaxLength(14)),
                Tuple.of(1, Arbitraries.integers().between(600, 20_000).map("x"::repeat)))
                .map(s -> "\"" + s + "\"");
    }

    private Arbitrary<byte[]> formBody(Arbitrary<String> csrf) {
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("1790012344001", "0001", "1712345675", "123456",
                        "tortuga+violeta+cruza+el+puente+del+Guayas", "en", "CAU-2026-7KQ4M9XD")),
                Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMaxLength(20)),
                Tuple.of(3, oddText()),
                Tuple.of(1, Arbitraries.integers().between(1_000, 100_000).map("9"::repeat)));
        Arbitrary<String> field = Combinators.combine(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(FIELDS)), Tuple.of(1, oddText())), value)
                .as((k, v) -> k + "=" + v);
        Arbitrary<String> text = Combinators.combine(csrf, field.list().ofMaxSize(6), Arbitraries.integers().between(0, 5))
                .as((token, fields, shape) -> {
                    List<String> all = new ArrayList<>(fields);
                    if (!token.isEmpty()) {
                        all.add(Math.min(shape, all.size()), token);
                    }
                    return String.join(shape == 5 ? "&&" : "&", all);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(16, text.map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, Combinators.combine(text, Arbitraries.of(INVALID_UTF8)).as((t, bad) -> concat(t.getBytes(StandardCharsets.UTF_8), bad))),
                Tuple.of(1, Combinators.combine(text, Arbitraries.integers().between(2_100_000, 2_300_000))
                        .as((t, size) -> (t + "&pad=" + "p".repeat(size)).getBytes(StandardCharsets.UTF_8))));
    }

    private Arbitrary<byte[]> multipartBody() {
        return Arbitraries.of(
                "--xyz\r\nContent-Disposition: form-data; name=\"ruc\"\r\n\r\n1790012344001\r\n--xyz--\r\n",
                "--xyz\r\nbroken",
                "garbage without any boundary",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--xyz--\r\n",
                "--other\r\n\r\n\r\n--other--",
                "").map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    // --- pieces ----------------------------------------------------------------------------------------------

    /** Text made of the fragments that break decoders: stray or invalid percent-escapes, delimiters, controls. */
    private Arbitrary<String> oddText() {
        return Combinators.combine(Arbitraries.of(ODD_PIECES).list().ofMinSize(1).ofMaxSize(5), Arbitraries.strings().alpha().ofMaxLength(6))
                .as((pieces, letters) -> letters + String.join(letters, pieces));
    }

    private Arbitrary<String> recoveryId() {
        Arbitrary<String> real = known.recoveryIds().isEmpty() ? Arbitraries.just(UUID.randomUUID().toString()) : Arbitraries.of(known.recoveryIds());
        return Arbitraries.frequencyOf(Tuple.of(4, real), Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(1, real.map(String::toUpperCase)), Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMaxLength(40)),
                Tuple.of(1, oddText()));
    }

    private Arbitrary<String> linkToken() {
        Arbitrary<String> real = known.linkTokens().isEmpty() ? Arbitraries.just("none") : Arbitraries.of(known.linkTokens());
        return Arbitraries.frequencyOf(Tuple.of(3, real), Tuple.of(2, Arbitraries.strings().withChars("ABCabc0123456789-_").ofLength(43)),
                Tuple.of(1, oddText()), Tuple.of(1, Arbitraries.just("")));
    }

    private Arbitrary<String> withQuery(String path) {
        Arbitrary<String> query = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("?lang=en", "?lang=es", "?lang=xx_YY_ZZ", "?lang=%ED%A0%80", "?lang=", "?token=")),
                Tuple.of(2, oddText().map(t -> "?" + t)));
        return query.map(q -> path + (path.contains("?") && q.startsWith("?") ? "&" + q.substring(1) : q));
    }

    private static Request request(String label, String method, byte[] target, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(method.getBytes(StandardCharsets.UTF_8));
        out.write(' ');
        out.writeBytes(target);
        out.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (String header : headers) {
            // Header values are ISO-8859-1 on the wire; what does not fit goes as UTF-8 bytes, as careless clients do.
            out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return new Request(label, out.toByteArray());
    }

    private static List<String> nonEmpty(List<String> headers, List<String> extra) {
        List<String> all = new ArrayList<>(headers.stream().filter(h -> !h.isEmpty()).toList());
        all.addAll(extra);
        return all;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String replaceAt(String text, int at, char c) {
        int i = at % text.length();
        return text.substring(0, i) + c + text.substring(i + 1);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static byte[] insert(byte[] bytes, byte[] inserted, int at) {
        int i = Math.min(at, bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, i);
        out.writeBytes(inserted);
        out.write(bytes, i, bytes.length - i);
        return out.toByteArray();
    }
}
