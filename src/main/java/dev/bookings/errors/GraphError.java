package dev.bookings.errors;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Builds Graph's error body. */
public final class GraphError {

    /**
     * This package's JSON-P provider, looked up once ({@code Json.create…} asks the {@code ServiceLoader} on every
     * call). The error contract stands below every other package, so it does not share {@code platform}'s.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/json";

    private GraphError() {
    }

    public static JsonObject body(String code, String message, RequestIds.Ids ids) {
        JsonObjectBuilder inner = JSON.createObjectBuilder()
                .add("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .add("request-id", ids.requestId());
        if (ids.clientRequestId() != null) {
            inner.add("client-request-id", ids.clientRequestId());
        } else {
            inner.addNull("client-request-id");
        }
        return JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder()
                        .add("code", code)
                        .add("message", message == null ? "" : message)
                        .add("innerError", inner))
                .build();
    }

    /** Answers with Graph's error shape from a servlet filter, where no exception mapper runs. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(code, message, RequestIds.of(request)).toString());
    }

    /** The code Graph uses for a status when nothing more specific is known. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalidRequest";
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "accessDenied";
            case 404 -> "itemNotFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "notAcceptable";
            case 408 -> "requestTimeout";
            case 409 -> "conflict";
            case 411 -> "lengthRequired";
            case 412 -> "preconditionFailed";
            case 413 -> "requestEntityTooLarge";
            case 415 -> "unsupportedMediaType";
            case 429 -> "activityLimitReached";
            case 501 -> "notSupported";
            case 503 -> "serviceNotAvailable";
            default -> status >= 500 ? "generalException" : "invalidRequest";
        };
    }

    /** A message for a status when nothing more specific is known; never internal details. */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "Access token is empty or invalid.";
            case 403 -> "Insufficient privileges to complete the operation.";
            case 404 -> "The requested resource does not exist.";
            case 405 -> "The HTTP method is not allowed for this resource.";
            case 406 -> "The requested representation is not available; use application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body must be application/json.";
            case 501 -> "The HTTP method is not supported.";
            case 503 -> "The service is temporarily unavailable; retry later.";
            default -> status >= 500 ? "An internal server error occurred." : "The request failed.";
        };
    }
}
