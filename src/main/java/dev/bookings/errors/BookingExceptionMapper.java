package dev.bookings.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Our own failures, with the status and code they carry. */
@Provider
public class BookingExceptionMapper implements ExceptionMapper<BookingException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(BookingException e) {
        Response response = ErrorResponses.of(request, e.status(), e.code(), e.getMessage());
        if (e instanceof TooManyRequests tooMany) {
            return Response.fromResponse(response).header("Retry-After", tooMany.retryAfterSeconds()).build();
        }
        return response;
    }
}
