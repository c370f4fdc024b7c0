package ec.gob.iess.claveempleador.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for a request Tomcat refused on its own (status 400 and up, nothing written yet): the same short
 * text whatever went wrong, never the exception, its stack trace or the server's version.
 * Tomcat's one 5xx for a client's request, 501 for CONNECT, becomes the 405 it means here.
 */
final class PlainErrorReportValve extends ErrorReportValve {

    private final String page;

    PlainErrorReportValve(String title, String lead, String homeLink) {
        this.page = page(title, lead, homeLink);
    }

    /** The plain page itself, also written by {@link UnreadablePathFilter}. */
    static String page(String title, String lead, String homeLink) {
        return "<!DOCTYPE html><html lang=\"es-EC\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title, "UTF-8")
                + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1><p>" + HtmlUtils.htmlEscape(lead, "UTF-8")
                + "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(homeLink, "UTF-8") + "</a></p></body></html>";
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (response.getStatus() == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // Tomcat's answer to CONNECT, a proxy's method: this server has no resource that allows it.
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD, POST");
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer is already on its way: nothing more to tell it.
        }
    }
}
