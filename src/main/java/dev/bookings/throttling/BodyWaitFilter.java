package dev.bookings.throttling;

import dev.bookings.errors.ClientMistakesLog;
import dev.bookings.errors.GraphError;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
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
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds what clients that hold their request bodies back can take. Payara reads a body on the
 * request thread, blocking: a client that sends a write's headers and then keeps its body back holds that thread
 * (src/site/markdown/operating.md, "Slow clients"). Most bodies arrive with their headers and are read at once; a
 * request whose body has not fully arrived when it gets here must take one of {@code bookings.http.body-waiters} permits for as long as it
 * reads, and receive its whole body within {@code bookings.http.body-timeout-seconds}. Without a free permit it is
 * answered 503 {@code serviceNotAvailable} with {@code Retry-After} at once, before anything is read or changed.
 * However many clients hold bodies back, at most that many request threads wait for them, each for a bounded
 * time, and the rest of the pool serves everyone else. A request with a body that asks to switch protocols
 * ({@code Upgrade}, other than HTTP/2's own upgrade) is answered 400 at once: the container keeps its body for the
 * other protocol, so no read of it would end before the read timeout. Runs after throttling, which already bounds
 * each client's requests in flight.
 */
@WebFilter(filterName = "BodyWaitFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = DispatcherType.REQUEST)
public class BodyWaitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BodyWaitFilter.class.getName());

    @Inject
    @ConfigProperty(name = "bookings.http.body-waiters")
    int waiters;

    @Inject
    @ConfigProperty(name = "bookings.http.body-timeout-seconds")
    int timeoutSeconds;

    private transient Semaphore permits;

    @PostConstruct
    void configure() {
        permits = new Semaphore(Math.max(0, waiters));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if ((length > 0 || chunked) && upgradesWithoutHttp2(request)) {
            // Grizzly keeps such a body for the protocol the client asks to switch to, so reading it would wait for
            // the read timeout (30 s), unbounded by the permits: refused at once, nothing read or changed
            LOG.info(() -> "Request with a body and Upgrade: " + ClientMistakesLog.printable(request.getHeader("Upgrade"))
                    + ", answered 400: " + request.getMethod() + " " + request.getRequestURI());
            response.setHeader("Connection", "close");
            GraphError.write(request, response, 400, "invalidRequest", "This service does not switch protocols for a"
                    + " request with a body; send it without the Upgrade header.");
            return;
        }
        if ((length <= 0 && !chunked) || (length > 0 && request.getInputStream().available() >= length)) {
            chain.doFilter(request, response);
            return;
        }
        if (!permits.tryAcquire()) {
            LOG.info(() -> "Request body still on its way and no waiting permit free, answered 503: "
                    + request.getMethod() + " " + request.getRequestURI());
            response.setHeader("Retry-After", "1");
            response.setHeader("Connection", "close");
            GraphError.write(request, response, 503, "serviceNotAvailable", "Too many requests are waiting for "
                    + "their bodies; send the body with the request, or retry after 1 second.");
            return;
        }
        try {
            chain.doFilter(new Deadline(request, System.nanoTime() + timeoutSeconds * 1_000_000_000L), response);
        } finally {
            permits.release();
        }
    }

    /**
     * Whether the request asks to switch protocols other than as HTTP/2's cleartext upgrade ({@code Upgrade: h2c} with
     * {@code HTTP2-Settings}), which the container performs itself before the application reads anything.
     */
    static boolean upgradesWithoutHttp2(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade == null) {
            return false;
        }
        boolean h2c = java.util.Arrays.stream(upgrade.split(",")).anyMatch(p -> p.strip().equalsIgnoreCase("h2c"));
        return !(h2c && request.getHeader("HTTP2-Settings") != null);
    }

    /** The request, whose body fails to read (an {@code IOException}, answered 400) once its deadline has passed. */
    private static final class Deadline extends HttpServletRequestWrapper {

        private final long deadline;
        private ServletInputStream stream;

        Deadline(HttpServletRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Timed(super.getInputStream(), deadline);
            }
            return stream;
        }
    }

    private static final class Timed extends ServletInputStream {

        private final ServletInputStream in;
        private final long deadline;

        Timed(ServletInputStream in, long deadline) {
            this.in = in;
            this.deadline = deadline;
        }

        private void check() throws IOException {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("request body not received within bookings.http.body-timeout-seconds");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            check();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = in.read(b, off, len);
            check();
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
