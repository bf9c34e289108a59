package dev.bookings.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servlet container's error page (see web.xml): errors raised outside JAX-RS (401 from the
 * authentication mechanism, anything sent with {@code sendError}, uncaught exceptions) leave in Graph's
 * error shape instead of HTML. A code and message may be handed over in request attributes.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    public static final String PATH = "/_error";
    public static final String CODE_ATTRIBUTE = ErrorPageServlet.class.getName() + ".code";
    public static final String MESSAGE_ATTRIBUTE = ErrorPageServlet.class.getName() + ".message";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer i ? i : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            LOG.log(Level.SEVERE, "Unhandled failure on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            status = 500;
        }
        answer(request, response, status);
    }

    /**
     * Answers {@code status} in Graph's shape, with the code and message a component left in the request's
     * attributes or the status's defaults: what the error page does, also for a {@code sendError} made where
     * Payara shows no error page (an {@code ASYNC} dispatch).
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        String code = request.getAttribute(CODE_ATTRIBUTE) instanceof String c ? c : GraphError.codeFor(status);
        String message = request.getAttribute(MESSAGE_ATTRIBUTE) instanceof String m ? m : GraphError.messageFor(status);
        RequestIds.Ids ids = RequestIds.ensure(request, response);
        response.setStatus(status);
        response.setContentType(GraphError.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        GraphError.JSON.createWriter(response.getWriter()).write(GraphError.body(code, message, ids));
    }
}
