package dev.bookings.errors;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Everything else. Known causes wrapped by the container are unwrapped; the rest is logged with the
 * request id and answered 500 {@code generalException} without any detail: never a stack trace. A database that
 * cannot be reached (or timed out) is 503 {@code serviceNotAvailable} with {@code Retry-After}: the transaction
 * rolled back, so the client may retry (the official SDKs do so by themselves).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        return answerFor(request, e);
    }

    /**
     * The answer to {@code e} on {@code request}, as this mapper gives it; also for failures outside JAX-RS (the
     * commit of a write request's transaction, which happens after its resource answered).
     */
    public static Response answerFor(HttpServletRequest request, Throwable e) {
        if (DatabaseUnavailable.causes(e)) {
            // before the lock checks: EclipseLink reports a connection lost during SELECT … FOR UPDATE as a
            // PessimisticLockException, which is no conflict between clients
            RequestIds.Ids ids = RequestIds.of(request);
            LOG.warning(() -> "Database unavailable, answered 503: request-id " + ids.requestId() + " on "
                    + request.getMethod() + " " + request.getRequestURI() + ": " + rootMessage(e));
            return Response.fromResponse(ErrorResponses.of(request, 503, "serviceNotAvailable",
                            "The service cannot reach its database right now. Retry after the time given in Retry-After."))
                    .header("Retry-After", ConfigProvider.getConfig()
                            .getOptionalValue("bookings.db.retry-after-seconds", Integer.class).orElse(5)).build();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BookingException booking) {
                return ErrorResponses.of(request, booking.status(), booking.code(), booking.getMessage());
            }
            if (cause instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().with(request).toResponse(web);
            }
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
                return ErrorResponses.of(request, 409, "conflict",
                        "The item was changed by another request at the same time; retry.");
            }
            if (cause instanceof java.sql.SQLException sql && ("40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState()))) {
                return ErrorResponses.of(request, 409, "conflict",
                        "The item was changed by another request at the same time; retry.");
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return ErrorResponses.of(request, 409, "conflict",
                        "A concurrent request created the same item; retry.");
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        RequestIds.Ids ids = RequestIds.of(request);
        LOG.log(Level.SEVERE, "Unhandled failure, request-id " + ids.requestId() + " on " + request.getMethod() + " "
                + request.getRequestURI(), e instanceof EJBException && e.getCause() != null ? e.getCause() : e);
        return ErrorResponses.of(request, 500, "generalException", GraphError.messageFor(500));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
