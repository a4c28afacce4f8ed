package dev.patchbay.admin;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV answers: {@code Accept: text/csv} or {@code ?format=csv} asks for one. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** Whether the caller asked for CSV; any other format than json or csv is refused. */
    static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw dev.patchbay.web.ApiException.invalid("format", "must be csv or json");
        }
        if (format != null) {
            return format.equals("csv");
        }
        return headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.valueOf(MEDIA_TYPE))
                && !type.isWildcardType());
    }

    static Response of(String fileName, List<String> header, List<List<Object>> rows) {
        StringBuilder body = new StringBuilder(line(header.stream().map(Object.class::cast).toList()));
        rows.forEach(row -> body.append(line(row)));
        return Response.ok(body.toString(), MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would run as a formula in a spreadsheet.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n].*") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
