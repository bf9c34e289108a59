package dev.bookings.idempotency.boundary;

import dev.bookings.platform.JsonBodies;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A write request with its body read, up to the largest body the API accepts, so that the body can be
 * fingerprinted and still be read by the resource. What could not be read (a larger body, a body that did not
 * arrive in time) reaches the resource as it would have without this: the rest of the stream, or the same
 * failure, so its answer is the one it always was.
 */
final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] bytes;
    private final boolean complete;
    private final InputStream rest;
    private ServletInputStream stream;
    private BufferedReader reader;

    private ReadBody(HttpServletRequest request, byte[] bytes, boolean complete, InputStream rest) {
        super(request);
        this.bytes = bytes;
        this.complete = complete;
        this.rest = rest;
    }

    static ReadBody of(HttpServletRequest request) throws IOException {
        InputStream in = request.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) != -1; ) {
                read.write(chunk, 0, n);
                if (read.size() > JsonBodies.MAX_BYTES) {
                    return new ReadBody(request, read.toByteArray(), false, in);
                }
            }
        } catch (IOException e) {
            return new ReadBody(request, read.toByteArray(), false, new Failing(e));
        }
        return new ReadBody(request, read.toByteArray(), true, InputStream.nullInputStream());
    }

    /** Whether the whole body was read: only then can the request be recognised by it. */
    boolean complete() {
        return complete;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (stream == null) {
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(bytes), rest);
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is read blocking");
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    /** A stream that fails as the body's own read did. */
    private static final class Failing extends InputStream {

        private final IOException failure;

        Failing(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw new IOException(failure.getMessage(), failure);
        }
    }
}
