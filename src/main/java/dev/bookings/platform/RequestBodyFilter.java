package dev.bookings.platform;

import dev.bookings.errors.ErrorPageServlet;
import dev.bookings.errors.GraphError;
import dev.bookings.security.BearerTokenMechanism;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives an API request's body before any request thread waits on it, so that clients which send their headers
 * and then hold the body back cannot tie up the request threads and stop the service for everyone else.
 * <p>
 * An authenticated API request that announces a body has it read with Servlet non-blocking I/O: no thread waits
 * while bytes trickle in. Once the body is complete the request is dispatched again (an {@code ASYNC} dispatch)
 * to the API with the body in memory, and everything after this filter reads it from there as before. A body that
 * has not arrived in full within {@code bookings.http.body-timeout-seconds} is answered 408 {@code requestTimeout};
 * one larger than {@link JsonBodies#MAX_BYTES} 413; one the client abandons 400. All in Graph's error shape, with
 * one INFO line at most: the client's mistake, not ours.
 * <p>
 * Payara carries neither the login nor CDI's request context over to the {@code ASYNC} dispatch, which runs on a
 * thread of its own: this filter activates a request context for it, and the API reads the caller from the request
 * attribute {@link BearerTokenMechanism#PRINCIPAL_ATTRIBUTE} ({@code security/CallerFilter}), which the dispatch
 * keeps.
 */
@WebFilter(filterName = "RequestBodyFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class RequestBodyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestBodyFilter.class.getName());
    private static final String BODY_ATTRIBUTE = RequestBodyFilter.class.getName() + ".body";

    @Inject
    @ConfigProperty(name = "bookings.http.body-timeout-seconds")
    long bodyTimeoutSeconds;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Resource
    ManagedThreadFactory threads;

    /**
     * Where a request whose body arrived after this filter let go of its thread is ended from (dispatched, or
     * answered and completed). Payara 6.2025.10 handles {@code AsyncContext.dispatch()} and {@code complete()} called
     * from another thread badly in two ways, both seen under load: it marks the calling thread with a thread-local it
     * never clears, which made a later request served on one of its own pool threads lose its answer ("Internal
     * Response has not been set", about 0.4 % of requests); and a call made while the request's first dispatch is
     * still leaving the container can be dropped (the request then hangs until the body timeout). So the call is
     * made on these threads, never Payara's, and no sooner than {@link #SETTLE_MS} after this filter returned.
     */
    private transient ScheduledExecutorService dispatcher;
    /** How long the first dispatch may take to leave the container once this filter has returned. */
    static final long SETTLE_MS = 250;
    /** How long this filter holds its thread for a body that has not fully arrived with the headers. */
    static final long WAIT_IN_FILTER_MS = 20;

    @Override
    public void init() {
        dispatcher = Executors.newScheduledThreadPool(2, threads);
    }

    @Override
    public void destroy() {
        dispatcher.shutdown();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC
                && request.getAttribute(BODY_ATTRIBUTE) instanceof Received body) {
            // Payara runs the ASYNC dispatch on a thread of its own without CDI's request context
            RequestContextController requestContext = requestContexts.get();
            boolean activated = requestContext.activate();
            try {
                HttpServletRequest received = new ReceivedRequest(request, body);
                chain.doFilter(received, new ShapedErrors(received, response));
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
                requestContexts.destroy(requestContext);
            }
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !announcesBody(request)
                || request.getAttribute(BearerTokenMechanism.PRINCIPAL_ATTRIBUTE) == null
                || !BearerTokenMechanism.isApi(request) || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > JsonBodies.MAX_BYTES
                && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            tooLarge(request, response); // before the client sends a byte of it
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(TimeUnit.SECONDS.toMillis(bodyTimeoutSeconds));
        Receiver receiver = new Receiver(async, request, response);
        async.addListener(receiver);
        request.getInputStream().setReadListener(receiver);
        receiver.leaveFilter();
    }

    /** A write (the API reads no other body) with a body to come. */
    private static boolean announcesBody(HttpServletRequest request) {
        String method = request.getMethod();
        return ("POST".equals(method) || "PATCH".equals(method) || "PUT".equals(method))
                && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GraphError.write(request, response, 413, "requestEntityTooLarge",
                "The request body exceeds " + JsonBodies.MAX_BYTES + " bytes.");
    }

    /** Collects the body as it arrives; exactly one of dispatch, error answer or timeout answer ends the request. */
    private final class Receiver implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean ended = new AtomicBoolean();
        private boolean tooLarge;
        /** Guarded by this: whether the filter has returned, when, and the ending that waits for it. */
        private boolean filterReturned;
        private long filterReturnedAt;
        private Runnable ending;

        Receiver(AsyncContext async, HttpServletRequest request, HttpServletResponse response) {
            this.async = async;
            this.request = request;
            this.response = response;
        }

        /**
         * Called by the filter once the read listener is set: waits a moment for a body that is on its way, and if
         * it arrives, ends the request on this thread, while the first dispatch is still in the container (Payara
         * then runs the ASYNC dispatch once that has returned, as the specification says).
         */
        void leaveFilter() {
            Runnable now;
            synchronized (this) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_IN_FILTER_MS);
                long left;
                while (ending == null && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                filterReturned = true;
                filterReturnedAt = System.nanoTime();
                now = ending;
                ending = null;
            }
            if (now != null) {
                now.run();
            }
        }

        /** Ends the request with {@code action}: on the filter's thread if it is still there, else on ours. */
        private void end(Runnable action) {
            synchronized (this) {
                if (!filterReturned) {
                    ending = action;
                    notifyAll();
                    return;
                }
            }
            long settled = TimeUnit.NANOSECONDS.toMillis(filterReturnedAt - System.nanoTime()) + SETTLE_MS;
            dispatcher.schedule(action, Math.max(0, settled), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream in = request.getInputStream();
            while (in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return; // the container calls onAllDataRead
                }
                if (tooLarge || body.size() + read > JsonBodies.MAX_BYTES) {
                    // read to the end and drop it: a client that sends its whole body before it reads the answer
                    // would otherwise wait forever (the body timeout still bounds this)
                    tooLarge = true;
                    body.reset();
                    continue;
                }
                body.write(buffer, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            if (ended.compareAndSet(false, true)) {
                if (tooLarge) {
                    answer(413, "requestEntityTooLarge",
                            "The request body exceeds " + JsonBodies.MAX_BYTES + " bytes.");
                    return;
                }
                request.setAttribute(BODY_ATTRIBUTE, new Received(body.toByteArray(), request.getRequestURI(),
                        request.getRequestURL().toString(), request.getQueryString(), request.getServletPath(),
                        request.getPathInfo()));
                end(async::dispatch);
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                LOG.info(() -> "Request body not received in full: " + failure);
                answer(400, "invalidRequest", "The request body was not received in full.");
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (ended.compareAndSet(false, true)) {
                LOG.info(() -> "Request body not received in time (" + body.size() + " bytes so far)");
                response.setHeader("Connection", "close");
                // within onTimeout, as the specification intends: a timeout the listeners leave unanswered becomes
                // a 500 (the request's first dispatch is long gone by now)
                respond(408, "requestTimeout", "The request body did not arrive in time.");
            }
        }

        private void answer(int status, String code, String message) {
            end(() -> respond(status, code, message));
        }

        private void respond(int status, String code, String message) {
            try {
                if (!response.isCommitted()) {
                    GraphError.write(request, response, status, code, message);
                }
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "Could not answer a client that is gone: " + e);
            } finally {
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing held
        }

        @Override
        public void onError(AsyncEvent event) {
            if (ended.compareAndSet(false, true)) {
                LOG.info(() -> "Request body not received in full: " + event.getThrowable());
                respond(400, "invalidRequest", "The request body was not received in full."); // within, as onTimeout
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the ASYNC dispatch that follows starts no second asynchronous cycle
        }
    }

    /**
     * The body, and the request's path as the client sent it: the ASYNC dispatch would otherwise give the API the
     * decoded path, which is no longer a valid URI once it holds a character such as <code>}</code>.
     */
    private record Received(byte[] body, String requestUri, String requestUrl, String queryString, String servletPath,
            String pathInfo) {
    }

    /** Payara shows no error page for a {@code sendError} during an ASYNC dispatch: answer it in Graph's shape here. */
    private static final class ShapedErrors extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ShapedErrors(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String ignored) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("The response is committed already");
            }
            resetBuffer();
            ErrorPageServlet.answer(request, (HttpServletResponse) getResponse(), status);
            flushBuffer();
        }
    }

    /** The request as the API sees it after the dispatch: as it arrived, with its body from memory. */
    private static final class ReceivedRequest extends HttpServletRequestWrapper {

        private final Received received;

        ReceivedRequest(HttpServletRequest request, Received received) {
            super(request);
            this.received = received;
        }

        @Override
        public String getRequestURI() {
            return received.requestUri();
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(received.requestUrl());
        }

        @Override
        public String getQueryString() {
            return received.queryString();
        }

        @Override
        public String getServletPath() {
            return received.servletPath();
        }

        @Override
        public String getPathInfo() {
            return received.pathInfo();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(received.body());
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                String encoding = getCharacterEncoding();
                charset = encoding == null ? charset : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // a charset the client made up: the body is read as UTF-8 (JSON's own encoding)
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return received.body().length;
        }

        @Override
        public long getContentLengthLong() {
            return received.body().length;
        }
    }
}
