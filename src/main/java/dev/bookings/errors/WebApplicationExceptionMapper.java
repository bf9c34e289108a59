package dev.bookings.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS raises itself: no matching path (404), method (405), media type (415), and the role check of
 * {@code @RolesAllowed} (403). Headers the runtime put on the response, such as {@code Allow}, are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /**
     * The request attribute that holds the verified caller, set by the security layer (which stands above this
     * package and takes the name from here). Read as an attribute, not through {@code getUserPrincipal()}, which
     * asks the container's security context on the 401 and 403 paths (src/site/markdown/benchmark.md).
     */
    public static final String CALLER_ATTRIBUTE = "dev.bookings.security.TokenPrincipal";

    @Context
    HttpServletRequest request;

    WebApplicationExceptionMapper with(HttpServletRequest request) {
        this.request = request;
        return this;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String message;
        String code = GraphError.codeFor(status);
        if (e instanceof NotFoundException) {
            code = "resourceNotFound";
            message = "No resource matches '" + request.getRequestURI() + "'.";
        } else if (e instanceof NotAllowedException) {
            message = "The method " + request.getMethod() + " is not allowed on this resource.";
        } else if (e instanceof NotSupportedException && e.getMessage() != null
                && e.getMessage().startsWith("Content-Type '")) {
            message = e.getMessage(); // the application's own, saying why (a charset other than UTF-8)
        } else if (e instanceof NotSupportedException) {
            message = "Content-Type '" + request.getContentType() + "' is not supported; send application/json.";
        } else if (e instanceof ForbiddenException && request.getAttribute(CALLER_ATTRIBUTE) == null) {
            // an anonymous caller of a protected resource (no verified token): authenticate, rather than "forbidden"
            return Response.fromResponse(ErrorResponses.of(request, 401, GraphError.codeFor(401), "Access token is empty."))
                    .header("WWW-Authenticate", "Bearer realm=\"bookings\"").build();
        } else if (e instanceof ForbiddenException) {
            message = GraphError.messageFor(403);
        } else {
            message = GraphError.messageFor(status);
        }
        Response built = ErrorResponses.of(request, status, code, message);
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(built).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return built;
    }
}
