package dev.bookings.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Shared by the exception mappers: one place that turns a status, code and message into a response. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(HttpServletRequest request, int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.body(code, message, RequestIds.of(request)))
                .build();
    }
}
