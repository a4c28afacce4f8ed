package dev.patchbay.admin;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI document ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}): the admin API with its
 * bearer scheme and the answers every admin call may get (401, 403; 404 where the path names something;
 * 400 where it takes input), SCIM with its own bearer scheme. The vendor simulators and the console's
 * HTML pages are no API of Patchbay's and are left out.
 */
public class OpenApiDocument implements OASFilter {

    static final String ADMIN_SCHEME = "adminBearer";
    static final String SCIM_SCHEME = "scimBearer";
    static final List<String> LEFT_OUT = List.of("/sandbox", "/console");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(ADMIN_SCHEME, bearer("The admin bootstrap token, or an access token"
                + " of the admin OIDC provider whose roles claim holds viewer, operator or admin"));
        openAPI.getComponents().addSecurityScheme(SCIM_SCHEME, bearer("A SCIM token of the connection, or an access"
                + " token of its OAuth client or trusted issuer"));
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> paths = Map.copyOf(openAPI.getPaths().getPathItems());
        paths.forEach((path, item) -> {
            if (LEFT_OUT.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
                openAPI.getPaths().removePathItem(path);
            } else if (path.startsWith("/admin/")) {
                item.getOperations().values().forEach(operation -> admin(path, operation));
            } else if (path.startsWith("/scim/")) {
                item.getOperations().values().forEach(operation -> {
                    operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCIM_SCHEME));
                    answer(operation, "401", "No or an invalid SCIM credential");
                });
            }
        });
    }

    private static void admin(String path, Operation operation) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ADMIN_SCHEME));
        answer(operation, "401", "No or an invalid admin token");
        answer(operation, "403", "The token's role may not make this call");
        if (path.contains("{")) {
            answer(operation, "404", "No such connection, or no such resource in it");
        }
        boolean input = operation.getRequestBody() != null
                || operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY);
        if (input) {
            answer(operation, "400", "The input is invalid: the error names each bad field, and nothing changed");
        }
    }

    private static void answer(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static SecurityScheme bearer(String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description(description);
    }
}
