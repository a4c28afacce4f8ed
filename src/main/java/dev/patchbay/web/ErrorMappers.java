package dev.patchbay.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.patchbay.database.DatabaseFailures;
import dev.patchbay.provisioning.ProvisioningException;
import dev.patchbay.scim.error.ScimError;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.web.ApiError;
import dev.patchbay.web.ApiException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a clear JSON error in the format of the API that was called. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response scim(ScimException e) {
        return ScimError.response(e.status(), e.scimType(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response provisioning(ProvisioningException e, HttpServerRequest request) {
        return switch (e.kind()) {
            case NOT_FOUND -> ErrorResponses.of(request.path(), 404, null, "not_found", e.getMessage());
            case UNIQUENESS -> ErrorResponses.of(request.path(), 409, "uniqueness", "conflict", e.getMessage());
            case VERSION_MISMATCH -> ErrorResponses.of(request.path(), 412, null, "precondition_failed", e.getMessage());
            case INVALID_MEMBER -> ErrorResponses.of(request.path(), 400, "invalidValue", "invalid_value", e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response admin(ApiException e) {
        return ApiError.response(e.status(), e.error(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        return ErrorResponses.of(request.path(), 400, "invalidSyntax", "malformed_json",
                "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    /** A body beyond the JSON limits (nesting depth): refused while parsing. */
    @ServerExceptionMapper
    public Response jsonLimit(StreamConstraintsException e, HttpServerRequest request) {
        return ErrorResponses.of(request.path(), 400, "invalidSyntax", "malformed_json",
                "The request body breaks a JSON limit: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, HttpServerRequest request) {
        return ErrorResponses.of(request.path(), 400, "invalidSyntax", "unknown_field",
                "Unknown field '" + path(e) + "'");
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, HttpServerRequest request) {
        return ErrorResponses.of(request.path(), 400, "invalidValue", "invalid_value",
                "Invalid value " + e.getValue() + location(e) + ": expected " + e.getTargetType().getSimpleName());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        if (jsonLimitIn(e) != null) {
            return jsonLimit(jsonLimitIn(e), request);
        }
        String message = e.getPath().isEmpty()
                ? "The request body has the wrong shape: " + e.getOriginalMessage()
                : "Wrong type" + location(e) + ": expected " + describe(e.getTargetType());
        return ErrorResponses.of(request.path(), 400, "invalidValue", "invalid_value", message);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, HttpServerRequest request) {
        if (jsonLimitIn(e) != null) {
            return jsonLimit(jsonLimitIn(e), request);
        }
        return ErrorResponses.of(request.path(), 400, "invalidValue", "invalid_value",
                "The request body could not be read" + location(e) + ": " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpServerRequest request) {
        List<ApiError.Violation> violations = e.getConstraintViolations().stream()
                .map(violation -> new ApiError.Violation(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        String summary = violations.stream().map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
        return ErrorResponses.of(request.path(), 400, "invalidValue", "invalid_request",
                "The request is invalid: " + summary, violations);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        // The JSON reader wraps what Jackson threw: answer as if Jackson's exception had reached us.
        StreamConstraintsException limit = jsonLimitIn(e);
        if (limit != null) {
            return jsonLimit(limit, request);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, request);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, request);
        }
        if (e.getCause() instanceof InvalidFormatException format) {
            return wrongType(format, request);
        }
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, request);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping, request);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        String message = switch (status) {
            case 404 -> "No resource at " + request.path();
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "The requested media type cannot be produced";
            case 415 -> "Unsupported content type " + request.getHeader("Content-Type") + "; send "
                    + (ErrorResponses.isScim(request.path()) ? "application/scim+json or application/json" : "application/json");
            default -> e.getMessage();
        };
        String code = Response.Status.Family.familyOf(status) == Response.Status.Family.SERVER_ERROR
                ? "server_error" : Response.Status.fromStatusCode(status) == null
                ? "error" : Response.Status.fromStatusCode(status).name().toLowerCase();
        Response response = ErrorResponses.of(request.path(), status, null, code, message);
        if (status == 405 && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", original.getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (DatabaseFailures.unreachable(e)) {
            return DatabaseUnavailable.response(e, request);
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return ErrorResponses.of(request.path(), 500, null, "server_error",
                "Internal error; the server log has the details");
    }

    /** Jackson may wrap the limit it hit in a mapping exception; databind may wrap that again. */
    private static StreamConstraintsException jsonLimitIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method validation paths look like "create.body.id" or "list.size": keep the field name.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String location(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        return "a JSON object";
    }
}
