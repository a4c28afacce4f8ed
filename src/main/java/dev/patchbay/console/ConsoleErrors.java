package dev.patchbay.console;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** Refusals as a small HTML page (the console speaks HTML; the admin API's JSON errors stay for it). */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    static WebApplicationException refused(int status, String message) {
        return new WebApplicationException(page(status, message));
    }

    static Response page(int status, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Patchbay console: "
                + status + "</title><link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head><body>"
                + "<main><h1>" + status + "</h1><p class=\"error\" id=\"error\">" + escape(message)
                + "</p><p><a href=\"/console\">Back to the overview</a></p></main></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .entity(html).build();
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
