package dev.bookings.idempotency.boundary;

import dev.bookings.idempotency.control.StoredAnswer;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code $batch}'s answer, which can be large: held back while it fits in {@code limit} bytes, so that it can be
 * stored before the client sees it complete (a repeat sent at once then finds it); once it passes the limit, what
 * was held goes out and the rest streams as it is written, and the answer is not stored.
 */
final class HeldResponse extends HttpServletResponseWrapper {

    private final int limit;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean overflow;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    private ServletOutputStream out;

    /** Holds the bytes while the answer fits; past the limit, lets what was held and the rest through. */
    private void write(byte[] b, int off, int len) throws IOException {
        if (!overflow && copy.size() + len > limit) {
            overflow = true;
            out().write(copy.toByteArray());
            copy.reset();
        }
        if (overflow) {
            out().write(b, off, len);
        } else {
            copy.write(b, off, len);
        }
    }

    private ServletOutputStream out() throws IOException {
        if (out == null) {
            out = super.getOutputStream();
        }
        return out;
    }

    /** Lets a held answer out (after it was stored). */
    void send() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!overflow && copy.size() > 0) {
            super.setContentLength(copy.size());
            out().write(copy.toByteArray());
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has been called");
        }
        if (stream == null) {
            stream = new SinkStream(this::write, (b, off, len) -> {
                if (overflow) {
                    out().flush();
                }
            });
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (overflow) {
            super.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int length) {
        // the length is set when the held answer goes out (or not at all, when it streams)
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    /** The answer as it is kept for a repeat, or empty when it was larger than the limit. */
    Optional<StoredAnswer> stored() {
        if (overflow) {
            return Optional.empty();
        }
        return Optional.of(new StoredAnswer(getStatus(), BufferedResponse.keptHeaders((HttpServletResponse) getResponse()),
                copy.toString(StandardCharsets.UTF_8)));
    }
}
