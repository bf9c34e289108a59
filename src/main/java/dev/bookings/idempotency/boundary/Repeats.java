package dev.bookings.idempotency.boundary;

import dev.bookings.errors.GraphError;
import dev.bookings.errors.RequestIds;
import dev.bookings.idempotency.control.StoredAnswer;
import dev.bookings.idempotency.entity.IdempotentRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** The answers a repeat gets: the first answer again, 409 while the first still runs, 422 for a reused key. */
final class Repeats {

    static final String REPLAYED = "Idempotent-Replayed";

    private Repeats() {
    }

    static Response replay(IdempotentRequest first) {
        Response.ResponseBuilder replay = Response.status(first.status());
        StoredAnswer.headersOf(first.headersJson()).forEach((name, values) -> values.forEach(v -> replay.header(name, v)));
        replay.header(REPLAYED, "true");
        if (first.body() != null && !first.body().isEmpty()) {
            replay.entity(first.body().getBytes(StandardCharsets.UTF_8));
        }
        return replay.build();
    }

    static Response running(HttpServletRequest request) {
        return error(request, 409, "conflict", "A request with this key is still running; retry after 1 second to"
                + " get its answer.").header("Retry-After", "1").build();
    }

    static Response keyReused(HttpServletRequest request) {
        return error(request, 422, "idempotencyKeyReused", "This Idempotency-Key was used for another request (method,"
                + " path or body differ); nothing was changed. Use a new key for a new request.").build();
    }

    private static Response.ResponseBuilder error(HttpServletRequest request, int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.body(code, message, RequestIds.of(request)));
    }
}
