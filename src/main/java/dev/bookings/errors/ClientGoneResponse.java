package dev.bookings.errors;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A response whose writes cannot fail loudly once its client has gone. When a client closes the connection before
 * its answer is written (it abandoned its request body, or stopped waiting), writing the answer fails with an
 * {@code IOException}; unwrapped, Jersey logs that at SEVERE with a stack trace and the container then tries its
 * error page, failing and logging again: about 300 lines for one client's mistake. Here the
 * first failed write marks the client as gone and every write after it is dropped; nothing is logged above FINE
 * (what the client did wrong, such as a body cut short, has already been logged once, at INFO, where it was seen).
 * Only the network can fail these writes, never our own code, so nothing of ours is hidden.
 */
final class ClientGoneResponse extends HttpServletResponseWrapper {

    private static final Logger LOG = Logger.getLogger(ClientGoneResponse.class.getName());

    private boolean gone;
    private ServletOutputStream stream;

    ClientGoneResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Guarded(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public void flushBuffer() {
        guarded(super::flushBuffer);
    }

    /** Runs a write unless the client has gone; the first one that fails marks it gone. */
    private void guarded(Write write) {
        if (!gone) {
            try {
                write.run();
            } catch (IOException e) {
                gone = true;
                LOG.log(Level.FINE, "Client gone before its answer was written", e);
            }
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private final class Guarded extends ServletOutputStream {

        private final ServletOutputStream out;

        Guarded(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            guarded(() -> out.write(b));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            guarded(() -> out.write(b, off, len));
        }

        @Override
        public void flush() {
            guarded(out::flush);
        }

        @Override
        public void close() {
            guarded(out::close);
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
