package ec.gob.iess.claveempleador.staff;

import java.net.http.HttpResponse;
import java.util.List;

import org.assertj.core.api.SoftAssertions;

/**
 * The table of every surface × every kind of caller ({@code staff/surfaces.csv}), asked of one running
 * application. A caller reaches each surface the way it would: HTTP Basic on every call, and a webapp session
 * opened beforehand (the administrator in Admin, everybody else in Tasklist; the user without grants is refused
 * there and stays anonymous in the webapps). The setup call carries a valid body and Camunda's CSRF token, as the
 * takeover did.
 */
final class SurfaceMatrix {

    /** A user with an account and no grant at all: authentication alone must open nothing. */
    static final String WITHOUT_GRANTS = "sinpermisos";
    static final String SETUP_BODY = """
            {"profile":{"id":"intruso","firstName":"I","lastName":"X","email":"intruso@example.org"},\
            "credentials":{"password":"intruso-clave-larga"}}""";

    private static final List<String> STAFF_PREFIXES = List.of("/engine-rest", "/camunda", "/actuator", "/operator");

    /** Who calls, and the webapp it signs in to first (null: none). */
    enum Caller {
        ANONYMOUS(null, null),
        AGENTE("agente", "tasklist"),
        DEMO("demo", "admin"),
        SIN_PERMISOS(WITHOUT_GRANTS, "tasklist");

        final String user;
        final String webapp;

        Caller(String user, String webapp) {
            this.user = user;
            this.webapp = webapp;
        }
    }

    private final String publicBaseUrl;
    private final String staffBaseUrl;

    /** The portal and the API answer on {@code publicBaseUrl}; the engine REST API, webapps and actuator on {@code staffBaseUrl}. */
    SurfaceMatrix(String publicBaseUrl, String staffBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        this.staffBaseUrl = staffBaseUrl;
    }

    void assertRow(String method, String path, int anonymous, int agente, int demo, int withoutGrants) {
        int[] expected = {anonymous, agente, demo, withoutGrants};
        SoftAssertions softly = new SoftAssertions();
        for (Caller caller : Caller.values()) {
            HttpResponse<String> response = signedIn(caller, path).call(method, path, method.equals("POST") ? SETUP_BODY : null);
            softly.assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, caller, abbreviated(response.body()))
                    .isEqualTo(expected[caller.ordinal()]);
        }
        softly.assertAll();
    }

    private StaffHttp signedIn(Caller caller, String path) {
        boolean staffSurface = STAFF_PREFIXES.stream().anyMatch(path::startsWith);
        StaffHttp http = StaffHttp.at(staffSurface ? staffBaseUrl : publicBaseUrl, caller.user);
        if (staffSurface && caller.webapp != null) {
            http.logInTo(caller.webapp);
        } else if (staffSurface) {
            // Camunda's CSRF cookie, as any visit to a webapp page hands it out.
            http.get("/camunda/app/tasklist/default/");
        }
        return http;
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
