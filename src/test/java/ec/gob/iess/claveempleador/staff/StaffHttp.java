package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A staff member's HTTP client: HTTP Basic for the engine REST API, or a webapp session (cookie + Camunda's
 * CSRF token) after logging in to one of the webapps the way their login page does.
 */
final class StaffHttp {

    private final String baseUrl;
    private final String user;
    private final String password;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private StaffHttp(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static StaffHttp anonymous(int port) {
        return new StaffHttp("http://localhost:" + port, null, null);
    }

    static StaffHttp as(int port, String user) {
        // The demo users' password is their user name.
        return new StaffHttp("http://localhost:" + port, user, user);
    }

    /** A caller of the server at {@code baseUrl}: anonymous when {@code user} is null, else with the password = user name. */
    static StaffHttp at(String baseUrl, String user) {
        return new StaffHttp(baseUrl, user, user);
    }

    boolean isAnonymous() {
        return user == null;
    }

    HttpResponse<String> engineRest(String method, String path, String json) {
        return engineRestIn(null, method, path, json);
    }

    /** A call to the engine REST API that asks for answers in the given language (none: no Accept-Language). */
    HttpResponse<String> engineRestIn(Locale language, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest" + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (language != null) {
            request.header("Accept-Language", language.toLanguageTag());
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return send(request.build());
    }

    /** Logs in to one webapp (tasklist, cockpit, admin) as its login page does; answers the login's status. */
    int logInTo(String app) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).GET().build());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode();
    }

    /** A call the webapps make to their own API (`/camunda/api/...`) with this session. */
    HttpResponse<String> webappApi(String method, String path, String json) {
        HttpRequest.Builder request = withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api" + path)))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    /** A form POST to the webapps' API without the X-XSRF-TOKEN header, as a cross-site request would send it. */
    HttpResponse<String> webappApiWithoutCsrfToken(String path, String form) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET().build());
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /**
     * Any call, made the way this caller reaches every surface at once: HTTP Basic when it has credentials (read by the
     * engine REST API and the actuator, ignored elsewhere), and the webapp session with its CSRF token.
     */
    HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder request = withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
