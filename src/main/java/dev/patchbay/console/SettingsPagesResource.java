package dev.patchbay.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.admin.ConnectionPayloads;
import dev.patchbay.admin.ConnectionResource;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SettingType;
import dev.patchbay.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's settings as a form generated from its vendor's settings schema: a field per setting of the
 * type the schema gives; secrets write-only (left empty they are kept, "remove" clears them). Saving is the
 * admin API's full update, so its validation names each bad setting; settings outside the vendor's schema
 * ({@code synchronousCreateSeconds}, {@code taskWebhook}) are kept as they are.
 */
@Path("/console/connections/{connection}/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPagesResource {

    /** One form field: {@code input} is text, url, number, select, list or json; {@code value} what it shows. */
    public record Field(String name, String input, boolean required, boolean secret, boolean secretSet,
            String value, List<String> options, String description, Long minimum, Long maximum, String error,
            String placeholder) {
    }

    public record SettingsView(String id, String name, String vendor, String displayName, List<Field> fields,
            boolean canEdit, boolean saved, List<String> errors) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance settings(ConsoleSession me, SettingsView view);
    }

    private final ConnectionResource connections;
    private final ConnectorRegistry vendors;
    private final ObjectMapper json;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;

    public SettingsPagesResource(ConnectionResource connections, ConnectorRegistry vendors, ObjectMapper json,
            ConsoleCaller caller, ConsoleAudit audit) {
        this.connections = connections;
        this.vendors = vendors;
        this.json = json;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public TemplateInstance form(@PathParam("connection") String id, @QueryParam("saved") String saved,
            @Context UriInfo uri) {
        ConnectionPayloads.ConnectionView connection = view(id, uri);
        return page(connection, connection.displayName(), connection.settings(), Map.of(), "true".equals(saved),
                List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("connection") String id, MultivaluedMap<String, String> form,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        ConnectionPayloads.ConnectionView connection = view(id, uri);
        caller.requireWrite(form.getFirst("csrf"), "PUT", "/admin/v1/connections/" + id);
        Map<String, String> entered = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        // Settings the form does not show are sent back unchanged; secrets the admin API keeps when left out.
        Map<String, Object> settings = new LinkedHashMap<>(connection.settings());
        for (Setting setting : schema(connection.vendor())) {
            String value = form.getFirst("setting." + setting.name());
            entered.put(setting.name(), value == null ? "" : value);
            if (setting.secret()) {
                settings.remove(setting.name());
                if ("true".equals(form.getFirst("remove." + setting.name()))) {
                    settings.put(setting.name(), null);
                } else if (value != null && !value.isEmpty()) {
                    settings.put(setting.name(), value);
                }
                continue;
            }
            try {
                Object typed = typed(setting, value);
                if (typed == null) {
                    settings.remove(setting.name());
                } else {
                    settings.put(setting.name(), typed);
                }
            } catch (IllegalArgumentException e) {
                problems.put(setting.name(), e.getMessage());
            }
        }
        String displayName = form.getFirst("displayName");
        if (problems.isEmpty()) {
            try {
                connections.update(id, new ConnectionPayloads.UpdateConnection(null, null, displayName, settings), uri);
                audit.record(caller.session(), http, "replace", id, "connections", id, 303);
                return Response.seeOther(URI.create("/console/connections/" + Links.encode(id) + "/settings?saved=true"))
                        .build();
            } catch (ApiException e) {
                List<String> general = new ArrayList<>();
                if (e.violations() == null || e.violations().isEmpty()) {
                    general.add(e.getMessage());
                } else {
                    e.violations().forEach(violation -> {
                        String name = violation.field().startsWith("settings.")
                                ? violation.field().substring("settings.".length()) : violation.field();
                        String top = name.split("\\.", 2)[0];
                        if (entered.containsKey(top)) {
                            problems.merge(top, violation.field() + " " + violation.message(), (a, b) -> a + "; " + b);
                        } else {
                            general.add(violation.field() + " " + violation.message());
                        }
                    });
                }
                return Response.status(e.status()).entity(page(connection, displayName, connection.settings(),
                        entered, problems, false, general)).build();
            } catch (jakarta.validation.ConstraintViolationException e) {
                return Response.status(400).entity(page(connection, displayName, connection.settings(), entered,
                        problems, false, e.getConstraintViolations().stream()
                                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).toList()))
                        .build();
            }
        }
        return Response.status(400).entity(page(connection, displayName, connection.settings(), entered, problems,
                false, List.of())).build();
    }

    private ConnectionPayloads.ConnectionView view(String id, UriInfo uri) {
        try {
            return connections.get(id, uri);
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
    }

    private List<Setting> schema(String vendor) {
        return vendors.factory(vendor).map(factory -> factory.vendor().settings().settings()).orElse(List.of());
    }

    private TemplateInstance page(ConnectionPayloads.ConnectionView connection, String displayName,
            Map<String, Object> stored, boolean saved, List<String> errors) {
        return page(connection, displayName, stored, Map.of(), Map.of(), saved, errors);
    }

    private TemplateInstance page(ConnectionPayloads.ConnectionView connection, String displayName,
            Map<String, Object> stored, Map<String, String> entered, boolean saved, List<String> errors) {
        return page(connection, displayName, stored, entered, Map.of(), saved, errors);
    }

    private TemplateInstance page(ConnectionPayloads.ConnectionView connection, String displayName,
            Map<String, Object> stored, Map<String, String> entered, Map<String, String> problems, boolean saved,
            List<String> errors) {
        List<Field> fields = new ArrayList<>();
        for (Setting setting : schema(connection.vendor())) {
            String value = entered.containsKey(setting.name()) && !setting.secret() ? entered.get(setting.name())
                    : setting.secret() ? "" : shown(stored.get(setting.name()));
            fields.add(new Field(setting.name(), input(setting), setting.required(), setting.secret(),
                    connection.secretSettings().contains(setting.name()), value, options(setting),
                    setting.description(), setting.minimum(), setting.maximum(), problems.get(setting.name()),
                    setting.defaultValue() == null ? "" : "default: " + shown(setting.defaultValue())));
        }
        return Templates.settings(caller.session(), new SettingsView(connection.id(), connection.displayName(),
                connection.vendor(), displayName == null ? "" : displayName, fields,
                caller.may("PUT", "/admin/v1/connections/" + connection.id()), saved, errors));
    }

    private static String input(Setting setting) {
        if (!setting.allowed().isEmpty() || setting.type() == SettingType.BOOLEAN) {
            return "select";
        }
        return switch (setting.type()) {
            case URL -> "url";
            case INTEGER -> "number";
            case STRING_LIST -> "list";
            case OBJECT -> "json";
            default -> "text";
        };
    }

    private static List<String> options(Setting setting) {
        return setting.type() == SettingType.BOOLEAN ? List.of("true", "false") : setting.allowed();
    }

    private String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> items) {
            return String.join(", ", items.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?>) {
            try {
                return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }

    /** The form's text as the JSON value the schema's type takes; empty is "not set". */
    private Object typed(Setting setting, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        return switch (setting.type()) {
            case INTEGER -> {
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number");
                }
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield Boolean.valueOf(text);
            }
            case STRING_LIST -> Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                    .toList();
            case OBJECT -> {
                try {
                    Object parsed = json.readValue(text, Object.class);
                    if (!(parsed instanceof Map)) {
                        throw new IllegalArgumentException("must be a JSON object");
                    }
                    yield parsed;
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage());
                }
            }
            default -> text;
        };
    }
}
